package dev.stride.roadmap.delivery;

import dev.stride.contracts.Channels;
import dev.stride.contracts.consumer.ConsumerRetry;
import dev.stride.contracts.event.Delivered;
import dev.stride.contracts.event.DeliveryFailed;
import dev.stride.contracts.event.DomainEvent;
import dev.stride.contracts.event.EventEnvelope;
import dev.stride.contracts.event.StrideEvents;
import dev.stride.contracts.logging.LogContext;
import dev.stride.roadmap.engagement.NudgeLog;
import dev.stride.roadmap.subscription.Bounces;
import io.smallrye.reactive.messaging.annotations.Blocking;
import jakarta.enterprise.context.ApplicationScoped;
import org.eclipse.microprofile.reactive.messaging.Incoming;
import org.jboss.logging.Logger;

import java.time.Instant;

/**
 * Reads notifier-service's delivery outcomes ({@code delivery-events}). Every outcome goes to the delivery log (each
 * email's latest, for support), and a {@code Delivered} sets when the nudges it carried were sent ({@link NudgeLog}). A
 * permanent {@link DeliveryFailed} (a hard bounce) is also recorded on the learner, whose manage pages then say that emails
 * stopped and why; a {@code Delivered} does not clear it (an SMTP server's 250 does not prove that the mailbox that refused
 * exists again), and events of subscriptions this service does not know change no learner. A record that cannot be read or applied fails here and the
 * connector moves it to {@code delivery-events.dlq}; the consumer goes on.
 */
@ApplicationScoped
public class DeliveryEventConsumer {

    private static final Logger LOG = Logger.getLogger(DeliveryEventConsumer.class);

    /** How notifier-service opens the reason of a DeliveryFailed that suppressed the address. */
    static final String HARD_BOUNCE = "hard-bounce: ";

    private final Bounces bounces;
    private final NudgeLog nudgeLog;
    /** A database that is restarting is waited out (with back-off, up to five minutes) rather than dead-lettering a bounce. */
    private final ConsumerRetry retry = new ConsumerRetry(java.time.Duration.ofMinutes(5),
            message -> LOG.warnf("Recording a delivery outcome failed: %s", message));

    public DeliveryEventConsumer(Bounces bounces, NudgeLog nudgeLog) {
        this.bounces = bounces;
        this.nudgeLog = nudgeLog;
    }

    @Incoming(Channels.DELIVERY_EVENTS_IN)
    @Blocking
    public void onDeliveryEvent(byte[] record) {
        EventEnvelope<? extends DomainEvent> envelope = StrideEvents.CODEC.decode(record);
        try (LogContext context = LogContext.event(envelope)) {
            apply(envelope);
        }
    }

    private void apply(EventEnvelope<? extends DomainEvent> envelope) {
        if (envelope.data() instanceof Delivered delivered && delivered.emailId() != null && delivered.kind() != null) {
            Instant at = delivered.at() != null ? delivered.at() : envelope.occurredAt();
            retry.get(() -> {
                nudgeLog.delivered(delivered, at);
                return true;
            });
        } else if (envelope.data() instanceof DeliveryFailed failed && failed.emailId() != null && failed.kind() != null) {
            Instant at = failed.at() != null ? failed.at() : envelope.occurredAt();
            retry.get(() -> {
                nudgeLog.failed(failed, at);
                return true;
            });
        }
        // Only a hard bounce is about the address; other permanent failures (a policy refusal, an email that cannot be
        // rendered) are about one email, and the address still works.
        if (!(envelope.data() instanceof DeliveryFailed failed) || !failed.permanent()
                || failed.reason() == null || !failed.reason().startsWith(HARD_BOUNCE)) {
            return;
        }
        Instant at = failed.at() != null ? failed.at() : envelope.occurredAt();
        if (!retry.get(() -> bounces.record(failed.subscriptionId(), failed.reason().substring(HARD_BOUNCE.length()), at))) {
            // Not poison: e.g. a subscription of another environment or one removed since; the reason is not logged (it names the address).
            LOG.debugf("Ignored %s %s: subscription %s is not known here", envelope.type(), envelope.eventId(), failed.subscriptionId());
        }
    }
}
