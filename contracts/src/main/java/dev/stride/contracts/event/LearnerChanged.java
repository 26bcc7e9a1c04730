package dev.stride.contracts.event;

import java.util.UUID;

/**
 * The learner of a live subscription changed their name, language or (verified) address: later emails about the
 * subscription use {@code learner}. One per live subscription, keyed by its id so it stays in order with its other events.
 */
public record LearnerChanged(UUID subscriptionId, Learner learner) implements DomainEvent {
}
