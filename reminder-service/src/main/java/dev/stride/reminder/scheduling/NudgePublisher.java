package dev.stride.reminder.scheduling;

import dev.stride.contracts.Channels;
import dev.stride.contracts.event.CloudEventHeaders;
import dev.stride.contracts.event.EventEnvelope;
import dev.stride.contracts.event.NudgeDue;
import dev.stride.contracts.event.StrideEvents;
import dev.stride.contracts.trace.TraceContexts;
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
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
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

    /** What came of publishing a batch: the nudges Kafka acknowledged, in order, and why each of the others was not. */
    public record Published(List<NudgeDue> acknowledged, Map<UUID, Throwable> failed) {
    }

    /** Sends every nudge, then waits (up to the publish timeout in all) for their acknowledgements. */
    public Published publishAll(List<NudgeDue> nudges) {
        Producer<String, byte[]> producer = kafka.<String, byte[]>getProducer(Channels.NUDGE_EVENTS_OUT).unwrap();
        List<CompletableFuture<RecordMetadata>> acks = nudges.stream().map(nudge -> {
            CompletableFuture<RecordMetadata> ack = new CompletableFuture<>();
            try {
                producer.send(record(nudge), (metadata, failure) -> {
                    if (failure == null) {
                        ack.complete(metadata);
                    } else {
                        ack.completeExceptionally(failure);
                    }
                });
            } catch (RuntimeException e) {
                ack.completeExceptionally(e);
            }
            return ack;
        }).toList();
        long deadline = System.nanoTime() + settings.dispatch().publishTimeout().toNanos();
        List<NudgeDue> acknowledged = new ArrayList<>(nudges.size());
        Map<UUID, Throwable> failed = new LinkedHashMap<>();
        for (int i = 0; i < nudges.size(); i++) {
            try {
                acks.get(i).get(Math.max(0, deadline - System.nanoTime()), TimeUnit.NANOSECONDS);
                acknowledged.add(nudges.get(i));
            } catch (ExecutionException e) {
                failed.put(nudges.get(i).nudgeId(), e.getCause());
            } catch (TimeoutException e) {
                failed.put(nudges.get(i).nudgeId(), new TimeoutException("no acknowledgement within " + settings.dispatch().publishTimeout()));
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                break;
            }
        }
        if (!failed.isEmpty()) {
            // One line per batch, with the first cause: an outage fails every record the same way.
            Map.Entry<UUID, Throwable> first = failed.entrySet().iterator().next();
            LOG.warnf("%d of %d nudges not acknowledged by Kafka, retried shortly; the first, %s: %s", failed.size(), nudges.size(),
                    first.getKey(), first.getValue());
            LOG.debugf("The nudges not acknowledged: %s", failed.keySet());
        }
        return new Published(acknowledged, failed);
    }

    private ProducerRecord<String, byte[]> record(NudgeDue nudge) {
        String key = nudge.subscriptionId().toString();
        EventEnvelope<NudgeDue> envelope = EventEnvelope.wrap(StrideEvents.CATALOG, key, nudge, clock);
        ProducerRecord<String, byte[]> record = new ProducerRecord<>(Topics.NUDGE_EVENTS, key, StrideEvents.CODEC.encode(envelope));
        Map<String, String> headers = new LinkedHashMap<>(CloudEventHeaders.of(envelope, SOURCE));
        headers.putAll(TraceContexts.currentHeaders()); // the dispatch span's, when traced
        headers.forEach((name, value) -> record.headers().add(name, value.getBytes(StandardCharsets.UTF_8)));
        return record;
    }
}
