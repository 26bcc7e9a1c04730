package dev.stride.contracts.event;

import dev.stride.pacing.WeeklyPlan;

import java.time.Instant;
import java.time.LocalDate;
import java.util.UUID;

/** The learner confirmed: nudges start for this roadmap version, plan and start date. */
public record SubscriptionActivated(
        UUID subscriptionId,
        Learner learner,
        String roadmapId,
        int roadmapVersion,
        WeeklyPlan plan,
        LocalDate startDate,
        Instant activatedAt) implements DomainEvent {
}
