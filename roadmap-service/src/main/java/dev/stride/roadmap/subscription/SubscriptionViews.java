package dev.stride.roadmap.subscription;

import dev.stride.pacing.ProgressState;
import dev.stride.pacing.WeeklyPlan;
import dev.stride.roadmap.catalog.RoadmapDocument;
import dev.stride.roadmap.subscription.Repositories.PlanBreakRepository;
import dev.stride.roadmap.subscription.Repositories.ProgressRepository;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.stream.Collectors;

/** What a learner sees of a subscription (the API's body, the manage page, the calendar feed): read only, no events. */
@ApplicationScoped
public class SubscriptionViews {

    private final SubscriptionService subscriptions;
    private final ProgressRepository progress;
    private final PlanBreakRepository breaks;

    public SubscriptionViews(SubscriptionService subscriptions, ProgressRepository progress, PlanBreakRepository breaks) {
        this.subscriptions = subscriptions;
        this.progress = progress;
        this.breaks = breaks;
    }

    @Transactional
    public SubscriptionView view(UUID subscriptionId) {
        Subscription subscription = subscriptions.require(subscriptionId);
        RoadmapDocument roadmap = subscriptions.currentRoadmap(subscription);
        Map<String, MilestoneProgress> rows = progress.of(subscriptionId).stream()
                .collect(Collectors.toMap(row -> row.key.milestoneId(), row -> row));
        List<SubscriptionView.Progress> checklist = roadmap.milestones().stream().map(m -> {
            MilestoneProgress row = rows.get(m.id());
            return new SubscriptionView.Progress(m.id(), m.title(), row == null ? ProgressState.TODO : row.state, row == null ? 0 : row.loggedMinutes);
        }).toList();
        WeeklyPlan plan = subscription.plan();
        PlanRequest planView = new PlanRequest(plan.zone().getId(),
                plan.slots().stream().map(s -> new PlanRequest.Slot(s.day(), s.start(), s.minutes())).toList(),
                new PlanRequest.Nudge(plan.nudge().day(), plan.nudge().time()));
        List<SubscriptionView.Break> breakViews = breaks.of(subscriptionId).stream()
                .map(b -> new SubscriptionView.Break(b.kind.name(), b.startsOn, b.endsBefore)).toList();
        return new SubscriptionView(subscription.id, subscription.status.name(), subscription.learner.email, subscription.learner.displayName,
                subscription.learner.locale, subscription.roadmapId, subscription.roadmapVersion, subscription.startDate, planView, checklist,
                new ArrayList<>(subscription.skippedWeeks), breakViews, subscription.learner.bouncedAt == null ? null
                : new SubscriptionView.Bounce(subscription.learner.bounceReason, subscription.learner.bouncedAt), subscription.baseline(),
                subscription.choices());
    }
}
