package dev.stride.notifier.delivery;

import dev.stride.contracts.event.EmailKind;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import io.quarkus.runtime.Startup;
import jakarta.enterprise.context.ApplicationScoped;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;

/**
 * What an operator watches: emails sent, failed for good, scheduled for retry, dropped as ledger duplicates,
 * dropped because the address unsubscribed or hard-bounced, hard bounces, emails released when the mail server came
 * back, how long an SMTP send takes, and how long after its due instant a nudge reached the mail server (the delivery
 * SLI, {@code stride_nudge_delivery_lag_seconds}, with a bucket at {@link #NUDGE_ON_TIME}). Tagged by email kind.
 * (Whether SMTP is down is {@link SmtpCircuit}'s gauge.)
 */
@ApplicationScoped
@Startup // its meters exist from the start, not from the first email
public class DeliveryMetrics {

    /** The delivery SLO's threshold: a nudge accepted by the mail server within this time of its due instant is on time. */
    public static final Duration NUDGE_ON_TIME = Duration.ofMinutes(5);

    private final MeterRegistry registry;
    private final Clock clock;
    private final Timer nudgeDelivery;

    public DeliveryMetrics(MeterRegistry registry, Clock clock) {
        this.registry = registry;
        this.clock = clock;
        this.nudgeDelivery = Timer.builder("stride.nudge.delivery.lag")
                .description("Time from a nudge's due instant to the mail server's acceptance (the delivery SLI)")
                .serviceLevelObjectives(Duration.ofMinutes(1), NUDGE_ON_TIME, Duration.ofMinutes(15), Duration.ofHours(1))
                .register(registry);
        // Registered at start, at 0, so alerts and dashboards find every series before the first email of its kind.
        for (EmailKind kind : EmailKind.values()) {
            registry.counter("stride.delivery.sent", "kind", kind.name());
            registry.counter("stride.delivery.failed", "kind", kind.name(), "permanent", "true");
            registry.counter("stride.delivery.failed", "kind", kind.name(), "permanent", "false");
            registry.counter("stride.delivery.retrying", "kind", kind.name());
            registry.counter("stride.delivery.duplicates", "kind", kind.name());
            registry.counter("stride.delivery.hard.bounces", "kind", kind.name());
            for (String reason : List.of(SuppressionRepository.Suppressed.UNSUBSCRIBED, AddressSuppression.HARD_BOUNCE, AddressSuppression.NOT_ME)) {
                registry.counter("stride.delivery.suppressed", "kind", kind.name(), "reason", reason);
            }
            sendLatencyTimer(kind, true);
            sendLatencyTimer(kind, false);
        }
    }

    /**
     * The mail server accepted a nudge (or digest) that was due at {@code dueAt}: recorded for the delivery SLO. One
     * accepted before its due instant (clocks apart) counts as on time, at zero.
     */
    public void nudgeAccepted(Instant dueAt) {
        if (dueAt != null) {
            Duration lag = Duration.between(dueAt, clock.instant());
            nudgeDelivery.record(lag.isNegative() ? Duration.ZERO : lag);
        }
    }

    public void sent(EmailKind kind) {
        registry.counter("stride.delivery.sent", "kind", kind.name()).increment();
    }

    public void failed(EmailKind kind, boolean permanent) {
        registry.counter("stride.delivery.failed", "kind", kind.name(), "permanent", Boolean.toString(permanent)).increment();
    }

    public void retrying(EmailKind kind) {
        registry.counter("stride.delivery.retrying", "kind", kind.name()).increment();
    }

    public void duplicateDropped(EmailKind kind) {
        registry.counter("stride.delivery.duplicates", "kind", kind.name()).increment();
    }

    /** An email settled without being sent; {@code reason}: {@code unsubscribed} or {@code hard-bounce}. */
    public void suppressed(EmailKind kind, String reason) {
        registry.counter("stride.delivery.suppressed", "kind", kind.name(), "reason", reason).increment();
    }

    /** An address newly suppressed for good because the mail server refused it (the email that bounced is its kind). */
    public void hardBounce(EmailKind kind) {
        registry.counter("stride.delivery.hard.bounces", "kind", kind.name()).increment();
    }

    /** Emails the outage had backed off, made due at once when the mail server answered again. */
    public void releasedAfterOutage(int count) {
        registry.counter("stride.delivery.outage.released").increment(count);
    }

    public void sendLatency(EmailKind kind, boolean success, Duration latency) {
        sendLatencyTimer(kind, success).record(latency);
    }

    private Timer sendLatencyTimer(EmailKind kind, boolean success) {
        return Timer.builder("stride.delivery.send.latency")
                .description("Time of one SMTP send, from handing the message to the mail client to the server's reply")
                .tag("kind", kind.name()).tag("outcome", success ? "sent" : "failed")
                .publishPercentileHistogram()
                .register(registry);
    }
}
