package dev.stride.reminder.messaging;

import dev.failsafe.Failsafe;
import dev.failsafe.RetryPolicy;
import dev.stride.contracts.Channels;
import dev.stride.contracts.event.DomainEvent;
import dev.stride.contracts.event.EventEnvelope;
import dev.stride.contracts.event.StrideEvents;
import dev.stride.reminder.scheduling.ReminderSettings;
import io.smallrye.reactive.messaging.annotations.Blocking;
import jakarta.enterprise.context.ApplicationScoped;
import org.eclipse.microprofile.reactive.messaging.Incoming;
import org.jboss.logging.Logger;

import java.time.Duration;

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
    private final RetryPolicy<Boolean> transientFailures;

    public EventConsumers(EventApplier applier, WaitingEvents waiting, ReminderSettings settings) {
        this.applier = applier;
        this.waiting = waiting;
        this.transientFailures = RetryPolicy.<Boolean>builder()
                .handleIf(TransientFailures::isTransient)
                .withBackoff(Duration.ofMillis(100), Duration.ofSeconds(5))
                .withJitter(0.25)
                .withMaxRetries(-1)
                .withMaxDuration(settings.consumers().retryFor())
                .onRetry(event -> LOG.warnf("Applying an event failed (%s), retry %d", event.getLastException(), event.getAttemptCount()))
                .build();
    }

    @Incoming(Channels.ROADMAP_EVENTS_IN)
    @Blocking
    public void onRoadmapEvent(byte[] record) {
        apply(record);
    }

    @Incoming(Channels.SUBSCRIPTION_EVENTS_IN)
    @Blocking
    public void onSubscriptionEvent(byte[] record) {
        apply(record);
    }

    private void apply(byte[] record) {
        EventEnvelope<? extends DomainEvent> envelope = StrideEvents.CODEC.decode(record);
        boolean applied = Failsafe.with(transientFailures).get(() -> {
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
