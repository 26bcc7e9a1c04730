package dev.stride.notifier.delivery;

import dev.stride.contracts.consumer.AfterCommit;
import dev.stride.contracts.event.EmailKind;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import io.quarkus.runtime.Startup;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.TransactionSynchronizationRegistry;

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
 * <p>
 * A count made inside a transaction is added when it commits, not at all if it rolls back: the consumers and the
 * sender retry a transaction that failed (a database restarting), and each retry would otherwise count again.
 */
@ApplicationScoped
@Startup // its meters exist from the start, not from the first email
public class DeliveryMetrics {

    /** The delivery SLO's threshold: a nudge accepted by the mail server within this time of its due instant is on time. */
    public static final Duration NUDGE_ON_TIME = Duration.ofMinutes(5);

    private final MeterRegistry registry;
    private final Clock clock;
    private final TransactionSynchronizationRegistry transactions;
    private final Timer nudgeDelivery;

    public DeliveryMetrics(MeterRegistry registry, Clock clock, TransactionSynchronizationRegistry transactions) {
        this.registry = registry;
        this.clock = clock;
        this.transactions = transactions;
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
        count(registry.counter("stride.delivery.sent", "kind", kind.name()), 1);
    }

    public void failed(EmailKind kind, boolean permanent) {
        count(registry.counter("stride.delivery.failed", "kind", kind.name(), "permanent", Boolean.toString(permanent)), 1);
    }

    public void retrying(EmailKind kind) {
        count(registry.counter("stride.delivery.retrying", "kind", kind.name()), 1);
    }

    public void duplicateDropped(EmailKind kind) {
        count(registry.counter("stride.delivery.duplicates", "kind", kind.name()), 1);
    }

    /** An email settled without being sent; {@code reason}: {@code unsubscribed} or {@code hard-bounce}. */
    public void suppressed(EmailKind kind, String reason) {
        count(registry.counter("stride.delivery.suppressed", "kind", kind.name(), "reason", reason), 1);
    }

    /** An address newly suppressed for good because the mail server refused it (the email that bounced is its kind). */
    public void hardBounce(EmailKind kind) {
        count(registry.counter("stride.delivery.hard.bounces", "kind", kind.name()), 1);
    }

    /** Emails the outage had backed off, made due at once when the mail server answered again. */
    public void releasedAfterOutage(int count) {
        count(registry.counter("stride.delivery.outage.released"), count);
    }

    /** Adds one to a counter of the caller's own (the digest's) as this class counts its own: when the transaction commits. */
    public void countOnCommit(Counter counter) {
        count(counter, 1);
    }

    /** Adds to the counter when the current transaction commits (never if it rolls back), or at once outside one. */
    private void count(Counter counter, double amount) {
        AfterCommit.run(transactions, () -> counter.increment(amount));
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
