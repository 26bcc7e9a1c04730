package dev.stride.reminder.messaging;

import dev.stride.contracts.Channels;
import dev.stride.contracts.consumer.ConsumerRetry;
import dev.stride.contracts.event.DomainEvent;
import dev.stride.contracts.event.EventEnvelope;
import dev.stride.contracts.event.StrideEvents;
import dev.stride.contracts.logging.LogContext;
import dev.stride.contracts.trace.TraceContexts;
import dev.stride.reminder.scheduling.ReminderSettings;
import io.opentelemetry.api.trace.SpanKind;
import io.smallrye.reactive.messaging.annotations.Blocking;
import jakarta.enterprise.context.ApplicationScoped;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.eclipse.microprofile.reactive.messaging.Incoming;
import org.jboss.logging.Logger;

/**
 * Consumes roadmap and subscription events in order per key. A failure that may pass (the database restarting, a
 * concurrent update of the same row) is retried with back-off, holding the partition, for up to
 * {@code stride.reminder.consumers.retry-for}; an event for a subscription not seen yet waits for it
 * ({@link WaitingEvents}); a record that can never be applied fails here and the connector moves it to the topic's
 * dead-letter topic ({@code <topic>.dlq}); the consumer goes on.
 */
@ApplicationScoped
public class EventConsumers {

    private static final Logger LOG = Logger.getLogger(EventConsumers.class);

    private final EventApplier applier;
    private final WaitingEvents waiting;
    private final ConsumerRetry retry;

    public EventConsumers(EventApplier applier, WaitingEvents waiting, ReminderSettings settings) {
        this.applier = applier;
        this.waiting = waiting;
        this.retry = new ConsumerRetry(settings.consumers().retryFor(), message -> LOG.warnf("Applying an event failed: %s", message));
    }

    @Incoming(Channels.ROADMAP_EVENTS_IN)
    @Blocking
    public void onRoadmapEvent(ConsumerRecord<String, byte[]> record) {
        applyTraced(record);
    }

    @Incoming(Channels.SUBSCRIPTION_EVENTS_IN)
    @Blocking
    public void onSubscriptionEvent(ConsumerRecord<String, byte[]> record) {
        applyTraced(record);
    }

    /** In a span of the trace that published the record, so the nudge rows it schedules remember that trace. */
    private void applyTraced(ConsumerRecord<String, byte[]> record) {
        TraceContexts.withinSpan("apply " + record.topic(), SpanKind.CONSUMER, TraceContexts.traceParent(record.headers()),
                () -> apply(record.value()));
    }

    private void apply(byte[] record) {
        EventEnvelope<? extends DomainEvent> envelope = StrideEvents.CODEC.decode(record);
        try (LogContext context = LogContext.event(envelope)) {
            boolean applied = retry.get(() -> {
                try {
                    return applier.apply(envelope);
                } catch (EventApplier.UnknownSubscriptionException e) {
                    waiting.await(e.subscriptionId(), envelope.eventId(), record);
                    LOG.infof("%s %s waits for subscription %s, not seen yet", envelope.type(), envelope.eventId(), e.subscriptionId());
                    return true;
                }
            });
            if (!applied) {
                LOG.debugf("Dropped %s %s: already applied", envelope.type(), envelope.eventId());
            }
        }
    }
}
