package dev.stride.contracts.event;

import dev.stride.pacing.WeeklyPlan;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

/**
 * The learner confirmed: nudges start for this roadmap version, plan and start date. {@code choices}: the optional
 * milestones and "choose one of" members the learner chose (pacing's {@link dev.stride.pacing.Selection}); null in events
 * from before learners could choose: none.
 */
public record SubscriptionActivated(
        UUID subscriptionId,
        Learner learner,
        String roadmapId,
        int roadmapVersion,
        WeeklyPlan plan,
        LocalDate startDate,
        Instant activatedAt,
        List<String> choices) implements DomainEvent {

    public SubscriptionActivated(UUID subscriptionId, Learner learner, String roadmapId, int roadmapVersion, WeeklyPlan plan,
                                 LocalDate startDate, Instant activatedAt) {
        this(subscriptionId, learner, roadmapId, roadmapVersion, plan, startDate, activatedAt, null);
    }
}
