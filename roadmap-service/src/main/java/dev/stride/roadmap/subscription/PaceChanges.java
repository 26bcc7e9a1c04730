package dev.stride.roadmap.subscription;

import dev.stride.roadmap.engagement.Engagements;

import dev.stride.contracts.event.MilestoneProgressed;
import dev.stride.contracts.event.PaceReset;
import dev.stride.contracts.event.PlanChanged;
import dev.stride.pacing.PaceBaseline;
import dev.stride.pacing.Pacer;
import dev.stride.pacing.PacingInput;
import dev.stride.pacing.ProgressState;
import dev.stride.pacing.WeeklyPlan;
import dev.stride.roadmap.plan.StudySchedules;
import dev.stride.roadmap.problem.FieldErrorCode;
import dev.stride.roadmap.problem.ProblemException;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;

import java.util.List;
import java.util.Set;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

/**
 * What changes a learner's pace, each with its event in the same transaction: a new plan or new choices (from its week on,
 * past weeks keep the plan they had), "re-plan from today" (a deadline reset: behind becomes 0) and minutes logged against a milestone.
 * The baselines come from the pacing engine ({@link Pacer#planChangeBaseline}, {@link Pacer#replanBaseline}) over the
 * subscription as it stands before the change.
 */
@ApplicationScoped
public class PaceChanges {

    /** One log entry at most: a long day of study. */
    public static final int MAX_LOGGED_MINUTES = 12 * 60;

    private final SubscriptionService subscriptions;
    private final SubscriptionViews views;
    private final SubscriptionChecks checks;
    private final StudySchedules schedules;
    private final SlotClashes clashes;

    private final Engagements engagements;

    public PaceChanges(SubscriptionService subscriptions, SubscriptionViews views, SubscriptionChecks checks, StudySchedules schedules,
                       SlotClashes clashes, Engagements engagements) {
        this.engagements = engagements;
        this.clashes = clashes;
        this.subscriptions = subscriptions;
        this.views = views;
        this.checks = checks;
        this.schedules = schedules;
    }

    @Transactional
    public Subscription changePlan(UUID subscriptionId, PlanRequest request) {
        Subscription subscription = subscriptions.requireFollowing(subscriptionId);
        WeeklyPlan plan = checks.plan(request);
        if (plan.equals(subscription.plan())) {
            return subscription;
        }
        clashes.check(subscription.learner, subscriptionId, plan, "");
        PaceBaseline baseline = Pacer.planChangeBaseline(inputOf(subscription));
        subscription.setPlan(plan);
        subscription.setBaseline(baseline);
        subscriptions.emit(subscription, new PlanChanged(subscriptionId, plan, baseline, subscription.choices()));
        return subscription;
    }

    /**
     * New choices (optional milestones, "choose one of" members): a change of the work, sent as a plan change with the same
     * plan, counting from the change's week as a new plan does.
     */
    @Transactional
    public Subscription changeChoices(UUID subscriptionId, List<String> chosen) {
        Subscription subscription = subscriptions.requireFollowing(subscriptionId);
        List<String> choices = checks.choices(subscriptions.currentRoadmap(subscription), chosen);
        if (Set.copyOf(choices).equals(Set.copyOf(subscription.choices()))) {
            return subscription;
        }
        PaceBaseline baseline = Pacer.planChangeBaseline(inputOf(subscription));
        subscription.setChoices(choices);
        subscription.setBaseline(baseline);
        subscriptions.emit(subscription, new PlanChanged(subscriptionId, subscription.plan(), baseline, subscription.choices()));
        return subscription;
    }

    /** "Re-plan from today": what is done is what was expected from today on, so the learner is on plan again. */
    @Transactional
    public Subscription replan(UUID subscriptionId) {
        Subscription subscription = subscriptions.requireFollowing(subscriptionId);
        PaceBaseline baseline = Pacer.replanBaseline(inputOf(subscription));
        if (baseline.equals(subscription.baseline())) {
            return subscription;
        }
        subscription.setBaseline(baseline);
        subscriptions.emit(subscription, new PaceReset(subscriptionId, baseline));
        return subscription;
    }

    /** Adds {@code minutes} to what the learner logged against a milestone; a milestone not started yet is in progress from now. */
    @Transactional
    public Subscription logMinutes(UUID subscriptionId, String milestoneId, Integer minutes) {
        Subscription subscription = subscriptions.requireFollowing(subscriptionId);
        if (minutes == null || minutes < 1 || minutes > MAX_LOGGED_MINUTES) {
            throw ProblemException.invalid("minutes", FieldErrorCode.FROM_ONE_TO, Map.of("max", MAX_LOGGED_MINUTES));
        }
        MilestoneProgress row = subscriptions.progressRow(subscription, milestoneId);
        if (row.state == ProgressState.DONE || row.state == ProgressState.SKIPPED) {
            throw ProblemException.conflict("milestone-not-in-progress", "Milestone '" + milestoneId + "' is "
                    + row.state.name().toLowerCase(java.util.Locale.ROOT) + ": hours are logged against a milestone in progress.");
        }
        row.loggedMinutes += minutes;
        // The logged total keeps no history; the outcome job sums these to know the minutes logged in a nudge's window.
        engagements.record(subscriptionId, Engagements.Action.LOG_MINUTES, Optional.empty(), Integer.toString(minutes));
        subscriptions.changed(subscription, row, ProgressState.IN_PROGRESS);
        subscriptions.emit(subscription, new MilestoneProgressed(subscriptionId, milestoneId, ProgressState.IN_PROGRESS, row.updatedOn,
                row.updatedAt, row.loggedMinutes));
        return subscription;
    }

    private PacingInput inputOf(Subscription subscription) {
        return schedules.input(views.view(subscription.id), subscriptions.currentRoadmap(subscription));
    }
}
