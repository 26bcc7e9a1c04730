package dev.stride.contracts.event;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

/**
 * A learner asked for their data to be erased: every service deletes what it holds about these subscriptions and this
 * address. The address is named only by its hash ({@link dev.stride.contracts.privacy.Addresses#hash}).
 */
public record LearnerErased(UUID learnerId, String addressHash, List<UUID> subscriptionIds, Instant at) implements DomainEvent {
}
