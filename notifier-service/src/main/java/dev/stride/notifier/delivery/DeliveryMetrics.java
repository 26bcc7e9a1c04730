package dev.stride.notifier.delivery;

import dev.stride.contracts.event.EmailKind;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import jakarta.enterprise.context.ApplicationScoped;

import java.time.Duration;

/**
 * What an operator watches: emails sent, failed for good, scheduled for retry, dropped as ledger duplicates,
 * dropped because the address unsubscribed or hard-bounced, hard bounces, emails released when the mail server came
 * back, and how long an SMTP send takes. Tagged by email kind. (Whether SMTP is down is {@link SmtpCircuit}'s gauge.)
 */
@ApplicationScoped
public class DeliveryMetrics {

    private final MeterRegistry registry;

    public DeliveryMetrics(MeterRegistry registry) {
        this.registry = registry;
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
        Timer.builder("stride.delivery.send.latency")
                .description("Time of one SMTP send, from handing the message to the mail client to the server's reply")
                .tag("kind", kind.name()).tag("outcome", success ? "sent" : "failed")
                .publishPercentileHistogram()
                .register(registry)
                .record(latency);
    }
}
