package dev.stride.contracts.event;

import dev.stride.pacing.ProgressState;

import java.time.Instant;
import java.time.LocalDate;
import java.util.UUID;

/**
 * A milestone moved to {@code state}, at {@code at}, which was {@code on} in the learner's zone. The latest {@code at} wins.
 * {@code loggedMinutes} is the total the learner logged against the milestone so far; null (events written before hours
 * could be logged) says nothing about it.
 */
public record MilestoneProgressed(UUID subscriptionId, String milestoneId, ProgressState state, LocalDate on, Instant at,
                                  Integer loggedMinutes) implements DomainEvent {
}
