package dev.stride.contracts.logging;

import dev.stride.contracts.event.DomainEvent;
import dev.stride.contracts.event.EventEnvelope;
import dev.stride.contracts.event.Paused;
import org.jboss.logging.MDC;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.time.LocalDate;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

public class LogContextTest {

    /** A payload shaped like NudgeDue: a nudge id and a subscription id among other components. */
    public record SomeNudge(UUID nudgeId, String text, UUID subscriptionId) implements DomainEvent {
    }

    private static final UUID SUBSCRIPTION = UUID.randomUUID();

    @AfterEach
    void clear() {
        MDC.clear();
    }

    @Test
    void anEventPutsItsIdTypeAndSubscriptionAndClosingTakesThemAway() {
        EventEnvelope<Paused> envelope = envelope("Paused", new Paused(SUBSCRIPTION, LocalDate.of(2026, 12, 7)));
        try (LogContext context = LogContext.event(envelope)) {
            assertThat(MDC.get(LogContext.EVENT_ID)).isEqualTo(envelope.eventId().toString());
            assertThat(MDC.get(LogContext.EVENT_TYPE)).isEqualTo("Paused");
            assertThat(MDC.get(LogContext.SUBSCRIPTION_ID)).isEqualTo(SUBSCRIPTION.toString());
            assertThat(MDC.get(LogContext.NUDGE_ID)).as("Paused names no nudge").isNull();
        }
        assertThat(MDC.getMap()).doesNotContainKeys(LogContext.EVENT_ID, LogContext.EVENT_TYPE, LogContext.SUBSCRIPTION_ID);
    }

    @Test
    void aNudgeInsideAnEventNestsAndClosingPutsBackTheOuterIds() {
        UUID nudge = UUID.randomUUID();
        EventEnvelope<SomeNudge> envelope = envelope("NudgeDue", new SomeNudge(nudge, "text", SUBSCRIPTION));
        try (LogContext outer = LogContext.event(envelope)) {
            assertThat(MDC.get(LogContext.NUDGE_ID)).isEqualTo(nudge.toString());
            UUID other = UUID.randomUUID();
            try (LogContext inner = LogContext.nudge(null, other)) {
                assertThat(MDC.get(LogContext.NUDGE_ID)).isEqualTo(other.toString());
                assertThat(MDC.get(LogContext.SUBSCRIPTION_ID)).as("a null id leaves the key as it was").isEqualTo(SUBSCRIPTION.toString());
            }
            assertThat(MDC.get(LogContext.NUDGE_ID)).isEqualTo(nudge.toString());
        }
        assertThat(MDC.get(LogContext.NUDGE_ID)).isNull();
        assertThat(MDC.get(LogContext.SUBSCRIPTION_ID)).isNull();
    }

    private static <T extends DomainEvent> EventEnvelope<T> envelope(String type, T data) {
        return new EventEnvelope<>(UUID.randomUUID(), type, 1, Instant.parse("2026-12-07T10:00:00Z"), SUBSCRIPTION.toString(), data);
    }
}
