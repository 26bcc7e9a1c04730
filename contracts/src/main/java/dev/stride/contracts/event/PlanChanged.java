package dev.stride.contracts.event;

import dev.stride.pacing.PaceBaseline;
import dev.stride.pacing.WeeklyPlan;

import java.util.UUID;

/**
 * The learner changed when they study, where, or when they want the nudge. The new plan counts from {@code baseline}
 * (the start of the change's week, with what the old plan expected before it), so past weeks keep the plan they had.
 * Null in events written before baselines existed: then the plan counts from the start date.
 */
public record PlanChanged(UUID subscriptionId, WeeklyPlan plan, PaceBaseline baseline) implements DomainEvent {
}
