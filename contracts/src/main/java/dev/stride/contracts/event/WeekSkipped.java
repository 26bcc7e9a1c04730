package dev.stride.contracts.event;

import java.time.LocalDate;
import java.util.UUID;

/** The learner skips the week beginning {@code weekStart} (a Monday): no sessions, no nudge that week. */
public record WeekSkipped(UUID subscriptionId, LocalDate weekStart) implements DomainEvent {
}
