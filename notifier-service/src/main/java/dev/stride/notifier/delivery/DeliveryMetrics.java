package dev.stride.notifier.delivery;

import dev.stride.contracts.event.EmailKind;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import jakarta.enterprise.context.ApplicationScoped;

import java.time.Duration;

/**
 * What an operator watches: emails sent, failed for good, scheduled for retry, dropped as ledger duplicates,
 * dropped because the address unsubscribed, and how long an SMTP send takes. Tagged by email kind.
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

    public void suppressed(EmailKind kind) {
        registry.counter("stride.delivery.suppressed", "kind", kind.name()).increment();
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
