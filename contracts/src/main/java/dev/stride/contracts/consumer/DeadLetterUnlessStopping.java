package dev.stride.contracts.consumer;

import dev.stride.contracts.privacy.Addresses;
import io.quarkus.runtime.ShutdownEvent;
import io.smallrye.common.annotation.Identifier;
import io.smallrye.mutiny.Uni;
import io.smallrye.reactive.messaging.kafka.IncomingKafkaRecord;
import io.smallrye.reactive.messaging.kafka.KafkaConnectorIncomingConfiguration;
import io.smallrye.reactive.messaging.kafka.KafkaConsumer;
import io.smallrye.reactive.messaging.kafka.fault.KafkaFailureHandler;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import org.eclipse.microprofile.reactive.messaging.Metadata;
import org.jboss.logging.Logger;

import java.util.Optional;
import java.util.function.BiConsumer;
import java.util.function.BooleanSupplier;

/**
 * Every consumer's failure strategy ({@code failure-strategy=dead-letter-unless-stopping}): SmallRye's dead-letter queue,
 * except for a record that fails while its service is stopping. Such a failure says nothing about the record (seen in
 * the fault suite: "EntityManagerFactory is closed" on a valid event, which then went to the DLQ), so the record is
 * neither dead-lettered nor acknowledged: its offset is not committed, and the next instance reads it again.
 * The channel's {@code dead-letter-queue.*} settings apply as they do to SmallRye's own strategy; its commits must be
 * throttled ({@link #requireThrottledCommits}).
 */
@ApplicationScoped
@Identifier(DeadLetterUnlessStopping.STRATEGY)
public class DeadLetterUnlessStopping implements KafkaFailureHandler.Factory {

    public static final String STRATEGY = "dead-letter-unless-stopping";
    static final String THROTTLED = "throttled";
    private static final Logger LOG = Logger.getLogger(DeadLetterUnlessStopping.class);

    @Inject
    @Identifier(KafkaFailureHandler.Strategy.DEAD_LETTER_QUEUE)
    KafkaFailureHandler.Factory deadLetterQueue;

    private volatile boolean stopping;

    void onStop(@Observes ShutdownEvent event) {
        stopping = true;
    }

    @Override
    public KafkaFailureHandler create(KafkaConnectorIncomingConfiguration config, io.vertx.mutiny.core.Vertx vertx,
                                      KafkaConsumer<?, ?> consumer, BiConsumer<Throwable, Boolean> reportFailure) {
        // The consumer's merged settings, which SmallRye itself decides from (a customizer may have changed the channel's).
        requireThrottledCommits(config.getChannel(), config.getCommitStrategy(),
                Boolean.parseBoolean(String.valueOf(consumer.configuration().get("enable.auto.commit"))));
        return new Handler(config.getChannel(), deadLetterQueue.create(config, vertx, consumer, reportFailure), () -> stopping);
    }

    /**
     * A record left unacknowledged keeps its offset uncommitted only under throttled commits, which commit up to the first
     * unacknowledged record of a partition; with {@code latest} or auto-commit a later acknowledgement would commit past it.
     * Throttled is the connector's default for a consumer group; a channel that chose otherwise fails at start-up.
     */
    static void requireThrottledCommits(String channel, Optional<String> commitStrategy, boolean autoCommit) {
        if (autoCommit || !commitStrategy.orElse(THROTTLED).equals(THROTTLED)) {
            throw new IllegalStateException("Channel " + channel + " uses failure-strategy=" + STRATEGY + ", which needs commit-strategy="
                    + THROTTLED + " and enable.auto.commit=false, not " + commitStrategy.orElse("the default") + " with auto-commit " + autoCommit);
        }
    }

    /** The rule itself, apart from CDI and the connector: dead-letter, unless the service is stopping. */
    static final class Handler implements KafkaFailureHandler {

        private final String channel;
        private final KafkaFailureHandler deadLetter;
        private final BooleanSupplier stopping;

        Handler(String channel, KafkaFailureHandler deadLetter, BooleanSupplier stopping) {
            this.channel = channel;
            this.deadLetter = deadLetter;
            this.stopping = stopping;
        }

        @Override
        public <K, V> Uni<Void> handle(IncomingKafkaRecord<K, V> record, Throwable reason, Metadata metadata) {
            if (!stopping.getAsBoolean()) {
                return deadLetter.handle(record, reason, metadata);
            }
            LOG.warnf("A record on %s failed while this service is stopping (%s); it is left uncommitted for the next instance, "
                    + "not dead-lettered", channel, Addresses.redact(String.valueOf(reason)));
            return Uni.createFrom().voidItem();
        }

        @Override
        public void terminate() {
            deadLetter.terminate();
        }
    }
}
