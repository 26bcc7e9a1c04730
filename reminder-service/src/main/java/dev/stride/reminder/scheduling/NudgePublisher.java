package dev.stride.reminder.scheduling;

import dev.stride.contracts.Channels;
import dev.stride.contracts.event.CloudEventHeaders;
import dev.stride.contracts.event.EventEnvelope;
import dev.stride.contracts.event.NudgeDue;
import dev.stride.contracts.event.StrideEvents;
import dev.stride.contracts.Topics;
import io.smallrye.reactive.messaging.MutinyEmitter;
import io.smallrye.reactive.messaging.kafka.KafkaClientService;
import jakarta.enterprise.context.ApplicationScoped;
import org.apache.kafka.clients.producer.Producer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.clients.producer.RecordMetadata;
import org.eclipse.microprofile.reactive.messaging.Channel;
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

    private final KafkaClientService kafka;
    private final Clock clock;
    private final ReminderSettings settings;

    /**
     * The channel's own producer (configured under {@code mp.messaging.outgoing.nudge-events-out}) takes the records
     * directly: the emitter's stream hands them to Kafka one at a time, which capped a batch at about 1,300 records a
     * second here (benchmarks/README.md). The emitter stays injected so the channel, and with it the producer, exists.
     */
    public NudgePublisher(@Channel(Channels.NUDGE_EVENTS_OUT) MutinyEmitter<byte[]> channel, KafkaClientService kafka,
                          Clock clock, ReminderSettings settings) {
        this.kafka = kafka;
        this.clock = clock;
        this.settings = settings;
    }

    /** Sends every nudge, then waits (up to the publish timeout in all) and returns those Kafka acknowledged, in order. */
    public List<NudgeDue> publishAll(List<NudgeDue> nudges) {
        Producer<String, byte[]> producer = kafka.<String, byte[]>getProducer(Channels.NUDGE_EVENTS_OUT).unwrap();
        List<CompletableFuture<RecordMetadata>> acks = nudges.stream().map(nudge -> {
            CompletableFuture<RecordMetadata> ack = new CompletableFuture<>();
            producer.send(record(nudge), (metadata, failure) -> {
                if (failure == null) {
                    ack.complete(metadata);
                } else {
                    ack.completeExceptionally(failure);
                }
            });
            return ack;
        }).toList();
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

    private ProducerRecord<String, byte[]> record(NudgeDue nudge) {
        String key = nudge.subscriptionId().toString();
        EventEnvelope<NudgeDue> envelope = EventEnvelope.wrap(StrideEvents.CATALOG, key, nudge, clock);
        ProducerRecord<String, byte[]> record = new ProducerRecord<>(Topics.NUDGE_EVENTS, key, StrideEvents.CODEC.encode(envelope));
        CloudEventHeaders.of(envelope, SOURCE).forEach((name, value) -> record.headers().add(name, value.getBytes(StandardCharsets.UTF_8)));
        return record;
    }
}
