package dev.stride.contracts.consumer;

import io.smallrye.mutiny.Uni;
import io.smallrye.reactive.messaging.kafka.IncomingKafkaRecord;
import io.smallrye.reactive.messaging.kafka.fault.KafkaFailureHandler;
import org.eclipse.microprofile.reactive.messaging.Metadata;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicBoolean;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class DeadLetterUnlessStoppingTest {

    /** Stands in for SmallRye's dead-letter queue: records what it was handed. */
    static final class DeadLetters implements KafkaFailureHandler {
        final List<Throwable> handed = new ArrayList<>();
        boolean terminated;

        @Override
        public <K, V> Uni<Void> handle(IncomingKafkaRecord<K, V> record, Throwable reason, Metadata metadata) {
            handed.add(reason);
            return Uni.createFrom().voidItem();
        }

        @Override
        public void terminate() {
            terminated = true;
        }
    }

    private final DeadLetters deadLetters = new DeadLetters();
    private final AtomicBoolean stopping = new AtomicBoolean();
    private final KafkaFailureHandler handler = new DeadLetterUnlessStopping.Handler("subscription-events-in", deadLetters, stopping::get);

    @Test
    void aRecordThatFailsWhileTheServiceRunsGoesToTheDeadLetterTopic() {
        IllegalArgumentException unreadable = new IllegalArgumentException("not JSON");

        handler.handle(null, unreadable, Metadata.empty()).await().indefinitely();

        assertThat(deadLetters.handed).containsExactly(unreadable);
    }

    @Test
    void aRecordThatFailsWhileTheServiceStopsIsNotDeadLetteredSoTheNextInstanceReadsItAgain() {
        stopping.set(true);

        handler.handle(null, new IllegalStateException("EntityManagerFactory is closed"), Metadata.empty()).await().indefinitely();

        assertThat(deadLetters.handed).isEmpty();
    }

    @Test
    void stoppingTheChannelStopsItsDeadLetterProducer() {
        handler.terminate();

        assertThat(deadLetters.terminated).isTrue();
    }

    @Test
    void aChannelWhoseCommitsWouldPassALeftRecordFailsAtStartUp() {
        DeadLetterUnlessStopping.requireThrottledCommits("nudge-events-in", Optional.of("throttled"), false);
        DeadLetterUnlessStopping.requireThrottledCommits("nudge-events-in", Optional.empty(), false);
        assertThatThrownBy(() -> DeadLetterUnlessStopping.requireThrottledCommits("nudge-events-in", Optional.of("latest"), false))
                .isInstanceOf(IllegalStateException.class).hasMessageContaining("nudge-events-in").hasMessageContaining("latest");
        assertThatThrownBy(() -> DeadLetterUnlessStopping.requireThrottledCommits("nudge-events-in", Optional.empty(), true))
                .hasMessageContaining("auto-commit true");
    }
}
