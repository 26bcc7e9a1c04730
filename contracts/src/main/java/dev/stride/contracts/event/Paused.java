package dev.stride.contracts.event;

import java.time.LocalDate;
import java.util.UUID;

/** No sessions and no nudges from {@code since} until resumed. */
public record Paused(UUID subscriptionId, LocalDate since) implements DomainEvent {
}
