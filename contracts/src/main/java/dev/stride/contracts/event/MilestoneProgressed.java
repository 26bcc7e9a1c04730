package dev.stride.contracts.event;

import dev.stride.pacing.ProgressState;

import java.time.Instant;
import java.time.LocalDate;
import java.util.UUID;

/** A milestone moved to {@code state}, at {@code at}, which was {@code on} in the learner's zone. The latest {@code at} wins. */
public record MilestoneProgressed(UUID subscriptionId, String milestoneId, ProgressState state, LocalDate on, Instant at)
        implements DomainEvent {
}
