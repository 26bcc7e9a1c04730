package dev.stride.contracts.event;

import java.time.LocalDate;
import java.util.UUID;

/** No sessions from {@code from} until before {@code until} ({@code days} days, learner-local dates). */
public record Snoozed(UUID subscriptionId, LocalDate from, LocalDate until, int days) implements DomainEvent {
}
