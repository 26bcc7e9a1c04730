package dev.stride.contracts.event;

import dev.stride.pacing.WeeklyPlan;

import java.time.Instant;
import java.time.LocalDate;
import java.util.UUID;

/** Someone asked to follow a roadmap; the double opt-in mail carries {@code confirmUrl}, valid until {@code confirmBy}. */
public record SubscriptionRequested(
        UUID subscriptionId,
        Learner learner,
        String roadmapId,
        String roadmapTitle,
        WeeklyPlan plan,
        LocalDate startDate,
        String confirmUrl,
        Instant confirmBy) implements DomainEvent {
}
