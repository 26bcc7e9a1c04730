package dev.stride.contracts.event;

import java.time.Instant;
import java.util.UUID;

/**
 * What followed a sent weekly nudge within its measurement window (7 days from {@code sentAt}), published by the
 * roadmap-service once the window has closed, for subscriptions that have not opted out of measurement. {@code variant}
 * and {@code holdout} are those the nudge carried ({@code NudgeDue.Variant}); {@code reward} is
 * {@link dev.stride.contracts.learning.Reward#of}, in [0, 1]. Key: subscription id.
 */
public record NudgeOutcome(UUID nudgeId, UUID subscriptionId, String roadmapId, String variant, boolean holdout, Instant sentAt,
                           Instant windowEnd, int milestonesDone, int minutesLogged, int plannedMinutes, int engagements,
                           boolean unsubscribed, double reward) implements DomainEvent {
}
