package dev.stride.notifier.messaging;

import dev.stride.contracts.Channels;
import dev.stride.contracts.event.CloudEventHeaders;
import dev.stride.contracts.event.Delivered;
import dev.stride.contracts.event.DeliveryFailed;
import dev.stride.contracts.event.DomainEvent;
import dev.stride.contracts.event.EventCatalog;
import dev.stride.contracts.event.EventEnvelope;
import dev.stride.contracts.event.StrideEvents;
import dev.stride.notifier.delivery.DeliverySettings;
import dev.stride.notifier.delivery.DeliveryState;
import dev.stride.notifier.delivery.EmailDelivery;
import dev.stride.notifier.delivery.EmailDeliveryRepository;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.scheduler.Scheduled;
import io.smallrye.reactive.messaging.MutinyEmitter;
import io.smallrye.reactive.messaging.kafka.api.OutgoingKafkaRecordMetadata;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import org.apache.kafka.common.header.internals.RecordHeaders;
import org.eclipse.microprofile.reactive.messaging.Channel;
import org.eclipse.microprofile.reactive.messaging.Message;
import org.jboss.logging.Logger;

import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * Publishes each finished email's Delivered or DeliveryFailed event to {@code delivery-events} (key: subscription
 * id) and marks it in the ledger only once Kafka acknowledged it: the ledger row is the outbox, so an outcome
 * is published at least once even across a broker outage or a restart, always with the same event id.
 */
@ApplicationScoped
public class DeliveryEventPublisher {

    private static final Logger LOG = Logger.getLogger(DeliveryEventPublisher.class);
    private static final String SOURCE = "/stride/notifier-service";
    private static final int BATCH_SIZE = 100;

    private final EmailDeliveryRepository deliveries;
    private final MutinyEmitter<byte[]> emitter;
    private final DeliverySettings settings;
    private final Clock clock;
    private final AtomicBoolean failing = new AtomicBoolean();

    public DeliveryEventPublisher(EmailDeliveryRepository deliveries, @Channel(Channels.DELIVERY_EVENTS_OUT) MutinyEmitter<byte[]> emitter,
                                  DeliverySettings settings, Clock clock) {
        this.deliveries = deliveries;
        this.emitter = emitter;
        this.settings = settings;
        this.clock = clock;
    }

    @Scheduled(every = "${stride.delivery.events-interval}", concurrentExecution = Scheduled.ConcurrentExecution.SKIP,
            skipExecutionIf = Scheduled.ApplicationNotRunning.class)
    void publishPending() {
        while (publishBatch() == BATCH_SIZE) {
            LOG.debug("A full batch of delivery events was published; publishing the next");
        }
    }

    /** Publishes a batch of unpublished outcomes; returns how many Kafka acknowledged. */
    @Transactional
    public int publishBatch() {
        List<EmailDelivery> rows = deliveries.claimUnpublishedOutcomes(BATCH_SIZE);
        List<Message<byte[]>> messages = rows.stream().map(DeliveryEventPublisher::message).toList();
        // Handed to Kafka with our transaction suspended (its row locks stay): context propagation would otherwise
        // carry the transaction to the producer's threads, and a commit with another thread inside it is rolled back.
        List<CompletableFuture<Void>> acks = QuarkusTransaction.suspendingExisting().call(() -> {
            List<CompletableFuture<Void>> pending = new ArrayList<>(messages.size());
            for (Message<byte[]> message : messages) {
                pending.add(emitter.sendMessage(message).subscribeAsCompletionStage());
            }
            return pending;
        });
        int published = 0;
        for (int i = 0; i < rows.size(); i++) {
            try {
                acks.get(i).get(settings.eventsTimeout().toMillis(), TimeUnit.MILLISECONDS);
            } catch (Exception e) {
                // Later rows wait for the next round even if Kafka took them: a repeat (same event id), never a gap.
                if (failing.compareAndSet(false, true)) {
                    LOG.warnf("Kafka did not acknowledge a delivery event (%s); outcomes stay unpublished and are retried", e.toString());
                }
                return published;
            }
            rows.get(i).outcomePublishedAt = clock.instant();
            published++;
        }
        if (published > 0 && failing.compareAndSet(true, false)) {
            LOG.info("Kafka acknowledges delivery events again");
        }
        return published;
    }

    private static Message<byte[]> message(EmailDelivery row) {
        EventEnvelope<DomainEvent> envelope = envelope(row);
        RecordHeaders headers = new RecordHeaders();
        CloudEventHeaders.of(envelope, SOURCE).forEach((name, value) -> headers.add(name, value.getBytes(StandardCharsets.UTF_8)));
        return Message.of(StrideEvents.CODEC.encode(envelope)).addMetadata(OutgoingKafkaRecordMetadata.<String>builder()
                .withKey(row.subscriptionId.toString())
                .withHeaders(headers)
                .build());
    }

    static EventEnvelope<DomainEvent> envelope(EmailDelivery row) {
        DomainEvent event = row.state == DeliveryState.SENT
                ? new Delivered(row.emailId, row.kind, row.subscriptionId, row.messageId, row.attempts, row.finishedAt)
                : new DeliveryFailed(row.emailId, row.kind, row.subscriptionId, row.lastError, row.permanentFailure, row.attempts, row.finishedAt);
        EventCatalog.Kind kind = StrideEvents.CATALOG.kindOf(event.getClass());
        return new EventEnvelope<>(row.outcomeEventId, kind.type(), kind.schemaVersion(), row.finishedAt, row.subscriptionId.toString(), event);
    }
}
