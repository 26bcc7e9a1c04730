package dev.stride.contracts.event;

import java.time.LocalDate;
import java.util.UUID;

/** The pause ends; sessions start again from {@code on}. */
public record Resumed(UUID subscriptionId, LocalDate on) implements DomainEvent {
}
