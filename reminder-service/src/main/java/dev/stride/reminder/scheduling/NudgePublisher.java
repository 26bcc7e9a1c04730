package dev.stride.reminder.scheduling;

import dev.stride.contracts.Channels;
import dev.stride.contracts.event.CloudEventHeaders;
import dev.stride.contracts.event.EventEnvelope;
import dev.stride.contracts.event.NudgeDue;
import dev.stride.contracts.event.StrideEvents;
import io.smallrye.reactive.messaging.MutinyEmitter;
import io.smallrye.reactive.messaging.kafka.api.OutgoingKafkaRecordMetadata;
import jakarta.enterprise.context.ApplicationScoped;
import org.apache.kafka.common.header.internals.RecordHeaders;
import org.eclipse.microprofile.reactive.messaging.Channel;
import org.eclipse.microprofile.reactive.messaging.Message;
import org.eclipse.microprofile.reactive.messaging.OnOverflow;
import org.jboss.logging.Logger;

import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * Publishes NudgeDue keyed by subscription id (idempotent producer, acks=all). A batch goes out without
 * waiting for each record; the caller learns which records Kafka acknowledged, and only those are marked sent.
 */
@ApplicationScoped
public class NudgePublisher {

    private static final Logger LOG = Logger.getLogger(NudgePublisher.class);
    private static final String SOURCE = "/stride/reminder-service";

    private final MutinyEmitter<byte[]> emitter;
    private final Clock clock;
    private final ReminderSettings settings;

    // The buffer never holds more than the batches in flight (batch-size x lanes): the dispatcher waits for their acks.
    public NudgePublisher(@Channel(Channels.NUDGE_EVENTS_OUT) @OnOverflow(OnOverflow.Strategy.UNBOUNDED_BUFFER) MutinyEmitter<byte[]> emitter,
                          Clock clock, ReminderSettings settings) {
        this.emitter = emitter;
        this.clock = clock;
        this.settings = settings;
    }

    /** Sends every nudge, then waits (up to the publish timeout in all) and returns those Kafka acknowledged, in order. */
    public List<NudgeDue> publishAll(List<NudgeDue> nudges) {
        List<CompletableFuture<Void>> acks = nudges.stream()
                .map(nudge -> emitter.sendMessage(message(nudge)).subscribeAsCompletionStage())
                .toList();
        long deadline = System.nanoTime() + settings.dispatch().publishTimeout().toNanos();
        List<NudgeDue> acknowledged = new ArrayList<>(nudges.size());
        for (int i = 0; i < nudges.size(); i++) {
            try {
                acks.get(i).get(Math.max(0, deadline - System.nanoTime()), TimeUnit.NANOSECONDS);
                acknowledged.add(nudges.get(i));
            } catch (ExecutionException | TimeoutException e) {
                // Not marked sent: the row is claimed again once its lease runs out.
                LOG.warnf("Nudge %s not acknowledged by Kafka (%s)", nudges.get(i).nudgeId(), e.getCause() == null ? e : e.getCause());
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                break;
            }
        }
        return acknowledged;
    }

    private Message<byte[]> message(NudgeDue nudge) {
        String key = nudge.subscriptionId().toString();
        EventEnvelope<NudgeDue> envelope = EventEnvelope.wrap(StrideEvents.CATALOG, key, nudge, clock);
        RecordHeaders headers = new RecordHeaders();
        CloudEventHeaders.of(envelope, SOURCE).forEach((name, value) -> headers.add(name, value.getBytes(StandardCharsets.UTF_8)));
        return Message.of(StrideEvents.CODEC.encode(envelope))
                .addMetadata(OutgoingKafkaRecordMetadata.<String>builder().withKey(key).withHeaders(headers).build());
    }
}
