package dev.stride.contracts.event;

import java.time.LocalDate;
import java.util.UUID;

/** The learner takes back the skip of the week beginning {@code weekStart} (a Monday): it is planned and nudged again. */
public record WeekUnskipped(UUID subscriptionId, LocalDate weekStart) implements DomainEvent {
}
