package dev.stride.contracts.event;

import dev.stride.pacing.PaceBaseline;
import dev.stride.pacing.WeeklyPlan;

import java.util.List;
import java.util.UUID;

/**
 * The learner changed when they study, where, or when they want the nudge. The new plan counts from {@code baseline}
 * (the start of the change's week, with what the old plan expected before it), so past weeks keep the plan they had.
 * Null in events written before baselines existed: then the plan counts from the start date. A change of the learner's
 * choices (optional milestones, "choose one of" members; pacing's {@link dev.stride.pacing.Selection}) is a plan change
 * too: {@code choices} lists them all as they now stand; null in events written before learners could choose: unchanged.
 */
public record PlanChanged(UUID subscriptionId, WeeklyPlan plan, PaceBaseline baseline, List<String> choices) implements DomainEvent {

    public PlanChanged(UUID subscriptionId, WeeklyPlan plan, PaceBaseline baseline) {
        this(subscriptionId, plan, baseline, null);
    }
}
