package dev.stride.pacing;

import java.time.LocalDate;
import java.util.HashSet;
import java.util.List;
import java.util.Objects;
import java.util.Set;

/**
 * Everything the schedule depends on. Dates are the learner's local dates in the plan's zone; pauses
 * cover snoozes too. {@code baseline} is null when the current plan counts from the start date. {@code milestones} are the
 * in-play ones ({@link Selection}), in roadmap order; {@code habits} (null: none) run while their phase is active;
 * {@code mix} null lays milestones strictly in order.
 */
public record PacingInput(
        List<MilestoneWork> milestones,
        WeeklyPlan plan,
        LocalDate startDate,
        Set<LocalDate> skippedWeeks,
        List<DateRange> pauses,
        List<LocalDate> progressDates,
        LocalDate today,
        PaceBaseline baseline,
        List<Habit> habits,
        WeeklyMix mix) {

    public PacingInput {
        milestones = List.copyOf(Objects.requireNonNull(milestones, "milestones"));
        Objects.requireNonNull(plan, "plan");
        Objects.requireNonNull(startDate, "startDate");
        skippedWeeks = Set.copyOf(Objects.requireNonNull(skippedWeeks, "skippedWeeks"));
        pauses = List.copyOf(Objects.requireNonNull(pauses, "pauses"));
        progressDates = List.copyOf(Objects.requireNonNull(progressDates, "progressDates"));
        Objects.requireNonNull(today, "today");
        habits = habits == null ? List.of() : List.copyOf(habits);
        skippedWeeks.forEach(week -> Weeks.requireMonday(week, "skipped week"));
        Set<String> ids = new HashSet<>();
        long totalMinutes = 0;
        for (MilestoneWork milestone : milestones) {
            if (!ids.add(milestone.milestoneId())) {
                throw new IllegalArgumentException("milestone " + milestone.milestoneId() + " appears more than once");
            }
            totalMinutes += milestone.minutes();
        }
        if (totalMinutes > Integer.MAX_VALUE) {
            throw new IllegalArgumentException("milestones add up to " + totalMinutes + " minutes, more than pacing can count");
        }
    }

    public PacingInput(List<MilestoneWork> milestones, WeeklyPlan plan, LocalDate startDate, Set<LocalDate> skippedWeeks,
                       List<DateRange> pauses, List<LocalDate> progressDates, LocalDate today) {
        this(milestones, plan, startDate, skippedWeeks, pauses, progressDates, today, null);
    }

    public PacingInput(List<MilestoneWork> milestones, WeeklyPlan plan, LocalDate startDate, Set<LocalDate> skippedWeeks,
                       List<DateRange> pauses, List<LocalDate> progressDates, LocalDate today, PaceBaseline baseline) {
        this(milestones, plan, startDate, skippedWeeks, pauses, progressDates, today, baseline, List.of(), null);
    }

    /** The first date that may hold work: nothing is laid before the start, nor in the past. */
    public LocalDate firstStudyDate() {
        return today.isAfter(startDate) ? today : startDate;
    }

    /** Skipped weeks and pauses hold no session; an occurrence belongs to the date it starts on. */
    public boolean laysNothingOn(LocalDate date) {
        if (skippedWeeks.contains(Weeks.mondayOf(date))) {
            return true;
        }
        // A loop, not a stream: the pacer asks this for every slot of every week up to the finish, for every nudge.
        for (DateRange pause : pauses) {
            if (pause.contains(date)) {
                return true;
            }
        }
        return false;
    }

    public PacingInput withMilestones(List<MilestoneWork> newMilestones) {
        return new PacingInput(newMilestones, plan, startDate, skippedWeeks, pauses, progressDates, today, baseline, habits, mix);
    }

    public PacingInput withPlan(WeeklyPlan newPlan, PaceBaseline newBaseline) {
        return new PacingInput(milestones, newPlan, startDate, skippedWeeks, pauses, progressDates, today, newBaseline, habits, mix);
    }

    /** The same input with a roadmap's habits and weekly mix (null: none, milestones strictly in order). */
    public PacingInput withRoutine(List<Habit> newHabits, WeeklyMix newMix) {
        return new PacingInput(milestones, plan, startDate, skippedWeeks, pauses, progressDates, today, baseline, newHabits, newMix);
    }

    PacingInput on(LocalDate date) {
        return new PacingInput(milestones, plan, startDate, skippedWeeks, pauses, progressDates, date, baseline, habits, mix);
    }
}
