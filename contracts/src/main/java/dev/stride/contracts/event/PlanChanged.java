package dev.stride.contracts.event;

import dev.stride.pacing.WeeklyPlan;

import java.util.UUID;

/** The learner changed when they study, where, or when they want the nudge. */
public record PlanChanged(UUID subscriptionId, WeeklyPlan plan) implements DomainEvent {
}
