package dev.stride.contracts.event;

import java.time.Instant;
import java.util.UUID;

/** The learner left: one goodbye email (with a link to subscribe again), and nothing after it. */
public record Unsubscribed(UUID subscriptionId, Learner learner, String roadmapId, String roadmapTitle, String resubscribeUrl, Instant at)
        implements DomainEvent {
}
