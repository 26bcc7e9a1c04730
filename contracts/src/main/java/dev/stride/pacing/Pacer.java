package dev.stride.pacing;

import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;

/** Lays a learner's remaining milestones into their weekly study slots: a pure function of its input. */
public final class Pacer {

    /** Ten years: work not laid by then can never be laid (an open-ended pause), so the finish is unknown. */
    public static final int HORIZON_WEEKS = 520;

    private Pacer() {
    }

    public static Schedule schedule(PacingInput input) {
        Objects.requireNonNull(input, "input");
        List<MilestoneWork> remaining = input.milestones().stream().filter(MilestoneWork::remains).toList();
        WorkQueue queue = new WorkQueue(remaining);
        List<ScheduledWeek> weeks = layFromCurrentWeek(input, queue);

        Optional<LocalDate> projectedFinish;
        if (remaining.isEmpty()) {
            projectedFinish = Optional.of(input.today());
        } else if (queue.isEmpty()) {
            List<Session> lastWeek = weeks.get(weeks.size() - 1).sessions();
            projectedFinish = Optional.of(lastWeek.get(lastWeek.size() - 1).date());
        } else {
            projectedFinish = Optional.empty();
        }
        return new Schedule(
                weeks,
                projectedFinish,
                plannedMinutesByNow(input),
                minutesOf(input.milestones().stream().filter(m -> m.state() == ProgressState.DONE).toList()),
                minutesOf(remaining),
                streakWeeks(input));
    }

    /** Week by week, slot occurrence by occurrence, until the work runs out or the horizon is reached. */
    private static List<ScheduledWeek> layFromCurrentWeek(PacingInput input, WorkQueue queue) {
        LocalDate from = input.firstStudyDate();
        LocalDate currentWeek = Weeks.mondayOf(from);
        List<ScheduledWeek> weeks = new ArrayList<>();
        int weeksWithSessions = 0;
        for (int i = 0; i < HORIZON_WEEKS && !queue.isEmpty(); i++) {
            LocalDate weekStart = currentWeek.plusWeeks(i);
            List<Session> sessions = new ArrayList<>();
            for (StudySlot slot : input.plan().slots()) {
                LocalDate date = slot.dateIn(weekStart);
                if (queue.isEmpty() || date.isBefore(from) || input.laysNothingOn(date)) {
                    continue;
                }
                sessions.add(new Session(date, slot.start(), slot.minutes(), queue.take(slot.minutes())));
            }
            weeks.add(new ScheduledWeek(weekStart, weekNumber(input.startDate(), weekStart), sessions));
            if (!sessions.isEmpty()) {
                weeksWithSessions = weeks.size();
            }
        }
        // Trailing empty weeks lead to no finish (an open-ended pause, skips to the horizon), so they are not listed.
        return weeks.subList(0, weeksWithSessions);
    }

    private static int weekNumber(LocalDate startDate, LocalDate weekStart) {
        return Math.toIntExact(ChronoUnit.WEEKS.between(Weeks.mondayOf(startDate), weekStart)) + 1;
    }

    /** The capacity the current plan offered from the start date until yesterday, bounded by the work there was to lay. */
    private static int plannedMinutesByNow(PacingInput input) {
        int layable = minutesOf(input.milestones().stream().filter(m -> m.state() != ProgressState.SKIPPED).toList());
        long planned = 0;
        for (LocalDate weekStart = Weeks.mondayOf(input.startDate());
             weekStart.isBefore(input.today()) && planned < layable;
             weekStart = weekStart.plusWeeks(1)) {
            for (StudySlot slot : input.plan().slots()) {
                LocalDate date = slot.dateIn(weekStart);
                if (!date.isBefore(input.startDate()) && date.isBefore(input.today()) && !input.laysNothingOn(date)) {
                    planned += slot.minutes();
                }
            }
        }
        return (int) Math.min(planned, layable);
    }

    private static int streakWeeks(PacingInput input) {
        Set<LocalDate> weeksWithProgress = input.progressDates().stream()
                .filter(date -> !date.isAfter(input.today()))
                .map(Weeks::mondayOf)
                .collect(Collectors.toSet());
        LocalDate firstWeek = Weeks.mondayOf(input.startDate());
        LocalDate week = Weeks.mondayOf(input.today());
        // A streak is not broken mid-week: the current week counts once it has progress, and is passed over until then.
        if (!weeksWithProgress.contains(week)) {
            week = week.minusWeeks(1);
        }
        int streak = 0;
        for (; !week.isBefore(firstWeek); week = week.minusWeeks(1)) {
            if (isExcused(input, week)) {
                continue;
            }
            if (!weeksWithProgress.contains(week)) {
                break;
            }
            streak++;
        }
        return streak;
    }

    /** A skipped week, or one whose every day lies in some pause, neither breaks nor extends a streak. */
    private static boolean isExcused(PacingInput input, LocalDate weekStart) {
        return input.skippedWeeks().contains(weekStart)
                || weekStart.datesUntil(weekStart.plusWeeks(1))
                .allMatch(date -> input.pauses().stream().anyMatch(pause -> pause.contains(date)));
    }

    private static int minutesOf(List<MilestoneWork> milestones) {
        return milestones.stream().mapToInt(MilestoneWork::minutes).sum();
    }
}
