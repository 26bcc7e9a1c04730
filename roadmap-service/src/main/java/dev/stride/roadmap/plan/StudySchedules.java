package dev.stride.roadmap.plan;

import dev.stride.pacing.DateRange;
import dev.stride.pacing.Habit;
import dev.stride.pacing.MilestoneWork;
import dev.stride.pacing.NudgeMoment;
import dev.stride.pacing.Pacer;
import dev.stride.pacing.PacingInput;
import dev.stride.pacing.ProgressState;
import dev.stride.pacing.Schedule;
import dev.stride.pacing.Selection;
import dev.stride.pacing.StudySlot;
import dev.stride.pacing.WeeklyMix;
import dev.stride.pacing.WeeklyPlan;
import dev.stride.roadmap.catalog.RoadmapDocument;
import dev.stride.roadmap.subscription.SubscriptionView;
import jakarta.enterprise.context.ApplicationScoped;

import java.math.BigDecimal;
import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;
import java.util.stream.Collectors;
import java.util.stream.Stream;

/**
 * A learner's weeks as the pacing engine lays them (the same {@link Pacer} the reminder-service's nudges use): the
 * subscribe form's preview, the manage page's week and finish date, and the calendar feed.
 */
@ApplicationScoped
public class StudySchedules {

    private static final BigDecimal SIXTY = BigDecimal.valueOf(60);

    private final Clock clock;

    public StudySchedules(Clock clock) {
        this.clock = clock;
    }

    /** What a new subscription would get: nothing done yet, nothing chosen, starting on {@code startDate}. */
    public PlanView preview(RoadmapDocument roadmap, WeeklyPlan plan, LocalDate startDate, int weeks) {
        return preview(roadmap, plan, startDate, weeks, null, List.of());
    }

    /**
     * The preview with its advice: far below the roadmap's suggested hours, and with {@code finishBy} the weekly time that takes;
     * {@code choices} the learner's (already checked, null: none).
     */
    public PlanView preview(RoadmapDocument roadmap, WeeklyPlan plan, LocalDate startDate, int weeks, LocalDate finishBy, List<String> choices) {
        Schedule schedule = Pacer.schedule(new PacingInput(work(roadmap, id -> null, choices), plan, startDate, Set.of(), List.of(), List.of(),
                today(plan.zone()), null, habits(roadmap), WeeklyMix.ofNullable(roadmap.weeklyMix())));
        return PlanView.of(schedule, roadmap, plan, weeks)
                .withAdvice(PaceAdvice.of(roadmap, plan, startDate, schedule.remainingMinutes(), finishBy));
    }

    /** Where a subscription stands today, with its progress, logged minutes, skipped weeks, snoozes, pauses and pace. */
    public PlanView of(SubscriptionView subscription, RoadmapDocument roadmap, int weeks) {
        PacingInput input = input(subscription, roadmap);
        return PlanView.of(Pacer.schedule(input), roadmap, input.plan(), weeks);
    }

    /** Milestones done of those in play: what the manage page, the home page and the emails count ("3 of 46 milestones done"). */
    public record Tally(long done, int total) {
    }

    public Tally tally(SubscriptionView subscription, RoadmapDocument roadmap) {
        List<MilestoneWork> inPlay = work(roadmap, subscription);
        return new Tally(inPlay.stream().filter(m -> m.state() == ProgressState.DONE).count(), inPlay.size());
    }

    /** The pacing input of a subscription as it stands today: the one place a subscription becomes pacing's terms. */
    public PacingInput input(SubscriptionView subscription, RoadmapDocument roadmap) {
        WeeklyPlan plan = planOf(subscription);
        List<MilestoneWork> work = work(roadmap, subscription);
        // A pause resumed on the day it began holds no date at all.
        List<DateRange> breaks = subscription.breaks().stream()
                .filter(b -> b.until() == null || b.until().isAfter(b.from()))
                .map(b -> new DateRange(b.from(), b.until())).toList();
        return new PacingInput(work, plan, subscription.startDate(), new HashSet<>(subscription.skippedWeeks()), breaks, List.of(),
                today(plan.zone()), subscription.baseline(), habits(roadmap), WeeklyMix.ofNullable(roadmap.weeklyMix()));
    }

    /** The subscription's milestones in play with their progress. */
    private static List<MilestoneWork> work(RoadmapDocument roadmap, SubscriptionView subscription) {
        Map<String, SubscriptionView.Progress> progress = subscription.progress().stream()
                .collect(Collectors.toMap(SubscriptionView.Progress::milestoneId, Function.identity(), (a, b) -> b));
        return work(roadmap, progress::get, subscription.choices());
    }

    /** The plan of a subscription as its view (already checked when it was stored) holds it. */
    public static WeeklyPlan planOf(SubscriptionView subscription) {
        return new WeeklyPlan(ZoneId.of(subscription.plan().timeZone()),
                subscription.plan().slots().stream().map(slot -> new StudySlot(slot.day(), slot.start(), slot.minutes())).toList(),
                new NudgeMoment(subscription.plan().nudge().day(), subscription.plan().nudge().time()));
    }

    public LocalDate today(ZoneId zone) {
        return LocalDate.now(clock.withZone(zone));
    }

    /**
     * The milestones in play ({@link Selection}: required ones, optional ones chosen or done, of each "choose one of" group the
     * chosen or done member, else the recommended, else the first) with their phase, kind and prerequisites and the learner's
     * progress ({@code progress} null for a milestone: TODO). The reminder's emails lay the same from the published event
     * (contracts' RoadmapWork).
     */
    private static List<MilestoneWork> work(RoadmapDocument roadmap, Function<String, SubscriptionView.Progress> progress,
                                            List<String> choices) {
        List<Map.Entry<String, RoadmapDocument.Milestone>> placed = phases(roadmap).stream()
                .flatMap(phase -> phase.milestones() == null ? Stream.empty() : phase.milestones().stream().map(m -> Map.entry(phase.id(), m)))
                .toList();
        return Selection.inPlay(placed, entry -> {
            RoadmapDocument.Milestone m = entry.getValue();
            SubscriptionView.Progress p = progress.apply(m.id());
            return Selection.Candidate.of(m.id(), entry.getKey(), m.optional(), m.chooseOne(), m.recommended(),
                    p != null && p.state() == ProgressState.DONE);
        }, choices == null ? Set.of() : Set.copyOf(choices)).stream().map(entry -> {
            RoadmapDocument.Milestone m = entry.getValue();
            SubscriptionView.Progress p = progress.apply(m.id());
            return new MilestoneWork(m.id(), minutes(m), p == null ? ProgressState.TODO : p.state(), p == null ? 0 : p.loggedMinutes(),
                    entry.getKey(), m.kind(), m.requires());
        }).toList();
    }

    /** Each phase's habits, for the weeks the phase is active. */
    private static List<Habit> habits(RoadmapDocument roadmap) {
        return phases(roadmap).stream().filter(phase -> phase.habits() != null)
                .flatMap(phase -> phase.habits().stream()
                        .filter(habit -> habit.minutesPerWeek() != null && habit.minutesPerWeek() > 0)
                        .map(habit -> new Habit(habit.id(), phase.id(), habit.minutesPerWeek())))
                .toList();
    }

    private static List<RoadmapDocument.Phase> phases(RoadmapDocument roadmap) {
        return roadmap.phases() == null ? List.of() : roadmap.phases();
    }

    private static int minutes(RoadmapDocument.Milestone milestone) {
        return milestone.hours().multiply(SIXTY).intValueExact();
    }
}
