package dev.stride.pacing;

import java.time.LocalDate;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * The remaining work laid into weeks from the current one on, and where the learner stands.
 *
 * @param weeks               from the week holding {@code max(today, startDate)} to the last week holding a session,
 *                            weeks without sessions in between included; empty when nothing remains or nothing can be laid
 * @param projectedFinish     the date of the last session holding milestone work; {@code today} when nothing remains;
 *                            empty when the remaining work cannot be laid within {@link Pacer#HORIZON_WEEKS} weeks
 * @param plannedMinutesByNow what the plan would have laid from the start date up to, not including, today
 * @param doneMinutesByNow    minutes of DONE milestones and minutes logged against those IN_PROGRESS
 * @param remainingMinutes    minutes of TODO and IN_PROGRESS milestones still to lay (less what was logged); habits never count
 * @param streakWeeks         consecutive weeks with progress, counting back from the current week
 * @param openMilestones      TODO and IN_PROGRESS milestones (one whose minutes are all logged stays open until marked done)
 */
public record Schedule(
        List<ScheduledWeek> weeks,
        Optional<LocalDate> projectedFinish,
        int plannedMinutesByNow,
        int doneMinutesByNow,
        int remainingMinutes,
        int streakWeeks,
        int openMilestones) {

    public Schedule {
        weeks = List.copyOf(Objects.requireNonNull(weeks, "weeks"));
        Objects.requireNonNull(projectedFinish, "projectedFinish");
        if (plannedMinutesByNow < 0 || doneMinutesByNow < 0 || remainingMinutes < 0 || streakWeeks < 0 || openMilestones < 0) {
            throw new IllegalArgumentException("minutes and streak must not be negative");
        }
    }

    /** Negative when the learner is behind the plan. */
    public int aheadMinutes() {
        return doneMinutesByNow - plannedMinutesByNow;
    }

    public boolean complete() {
        return openMilestones == 0;
    }
}
