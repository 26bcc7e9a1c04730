package dev.stride.roadmap.subscription;

import dev.stride.pacing.PaceBaseline;
import dev.stride.pacing.ProgressState;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

/**
 * A subscription as its learner sees it through the API; {@code baseline} is where its pace counts from (null: the start date),
 * {@code choices} the optional milestones and "choose one of" members the learner chose (empty: the roadmap as suggested).
 */
public record SubscriptionView(
        UUID id,
        String status,
        String email,
        String name,
        String locale,
        String roadmapId,
        int roadmapVersion,
        LocalDate startDate,
        PlanRequest plan,
        List<Progress> progress,
        List<LocalDate> skippedWeeks,
        List<Break> breaks,
        Bounce bounce,
        PaceBaseline baseline,
        List<String> choices) {

    /** {@code loggedMinutes}: logged against the milestone so far (they count as done while it is in progress). */
    public record Progress(String milestoneId, String title, ProgressState state, int loggedMinutes) {
    }

    public record Break(String kind, LocalDate from, LocalDate until) {
    }

    /** The learner's address refused delivery for good, so no email reaches it any more: why, and when; null otherwise. */
    public record Bounce(String reason, Instant at) {
    }
}
