package dev.stride.pacing;

import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
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
        int leftMinutes = remaining.stream().mapToInt(MilestoneWork::leftMinutes).sum();
        WorkQueue queue = new WorkQueue(remaining);
        List<ScheduledWeek> weeks = layFromCurrentWeek(input, queue);

        Optional<LocalDate> projectedFinish;
        if (leftMinutes == 0) {
            projectedFinish = Optional.of(input.today());
        } else if (queue.isEmpty()) {
            projectedFinish = weeks.get(weeks.size() - 1).sessions().stream()
                    .filter(Session::holdsMilestoneWork).map(Session::date).reduce((a, b) -> b);
        } else {
            projectedFinish = Optional.empty();
        }
        return new Schedule(
                weeks,
                projectedFinish,
                plannedMinutesByNow(input),
                doneMinutes(input),
                leftMinutes,
                streakWeeks(input),
                remaining.size());
    }

    /**
     * The baseline for a new plan that applies from the current week on: the weeks before it keep what {@code before}'s plan
     * (and baseline) expected of them. A re-plan earlier this week stands: the new plan applies from it.
     */
    public static PaceBaseline planChangeBaseline(PacingInput before) {
        LocalDate from = Weeks.mondayOf(before.today());
        if (before.baseline() != null && before.baseline().from().isAfter(from)) {
            from = before.baseline().from();
        }
        return new PaceBaseline(from, plannedMinutesByNow(before.on(from)));
    }

    /** "Re-plan from today": what is done is what was expected, so the learner is on plan again and the finish follows from here. */
    public static PaceBaseline replanBaseline(PacingInput input) {
        return new PaceBaseline(input.today(), doneMinutes(input));
    }

    /**
     * Week by week until the work runs out or the horizon is reached: the week's habits first, then its milestone minutes
     * (strictly in order, or split by the weekly mix), poured into the week's free slot occurrences in time order.
     */
    private static List<ScheduledWeek> layFromCurrentWeek(PacingInput input, WorkQueue queue) {
        LocalDate from = input.firstStudyDate();
        LocalDate currentWeek = Weeks.mondayOf(from);
        List<ScheduledWeek> weeks = new ArrayList<>();
        int weeksWithSessions = 0;
        for (int i = 0; i < HORIZON_WEEKS && !queue.isEmpty(); i++) {
            LocalDate weekStart = currentWeek.plusWeeks(i);
            List<StudySlot> open = input.plan().slots().stream()
                    .filter(slot -> !slot.dateIn(weekStart).isBefore(from) && !input.laysNothingOn(slot.dateIn(weekStart))).toList();
            int capacity = open.stream().mapToInt(StudySlot::minutes).sum();
            Deque<Allocation> work = new ArrayDeque<>(HabitTime.forWeek(input.habits(), queue, capacity, input.mix()));
            int milestoneMinutes = capacity - work.stream().mapToInt(Allocation::minutes).sum();
            work.addAll(input.mix() == null ? queue.take(milestoneMinutes) : queue.take(milestoneMinutes, input.mix()));
            List<Session> sessions = new ArrayList<>();
            for (StudySlot slot : open) {
                if (work.isEmpty()) {
                    break;
                }
                sessions.add(new Session(slot.dateIn(weekStart), slot.start(), slot.minutes(), pour(work, slot.minutes())));
            }
            weeks.add(new ScheduledWeek(weekStart, weekNumber(input.startDate(), weekStart), sessions));
            if (!sessions.isEmpty()) {
                weeksWithSessions = weeks.size();
            }
        }
        // Trailing empty weeks lead to no finish (an open-ended pause, skips to the horizon), so they are not listed.
        return weeks.subList(0, weeksWithSessions);
    }

    /** Up to {@code minutes} from the front of the week's work, splitting an allocation that does not fit. */
    private static List<Allocation> pour(Deque<Allocation> work, int minutes) {
        List<Allocation> poured = new ArrayList<>();
        int free = minutes;
        while (free > 0 && !work.isEmpty()) {
            Allocation next = work.poll();
            if (next.minutes() > free) {
                work.push(next.withMinutes(next.minutes() - free));
                next = next.withMinutes(free);
            }
            poured.add(next);
            free -= next.minutes();
        }
        return poured;
    }

    private static int weekNumber(LocalDate startDate, LocalDate weekStart) {
        return Math.toIntExact(ChronoUnit.WEEKS.between(Weeks.mondayOf(startDate), weekStart)) + 1;
    }

    /**
     * What the learner was expected to have done before today: the baseline's minutes, then the current plan's capacity from
     * the baseline (or the start date) up to yesterday, bounded by the work there was to lay. The start week, whole or
     * partial, expects nothing: a learner is never behind in their first week, and what they do in it puts them ahead.
     * With habits, each day expects only the milestone share of the week (the week less the habits of the phase that holds
     * the next milestone to lay): habit time is not milestone work.
     */
    private static int plannedMinutesByNow(PacingInput input) {
        int layable = minutesOf(input.milestones().stream().filter(m -> m.state() != ProgressState.SKIPPED).toList());
        int[] byDay = new int[7];
        input.plan().slots().forEach(slot -> byDay[slot.day().getValue() - 1] += slot.minutes());
        int weekly = input.plan().weeklyMinutes();
        int habitMinutes = input.habits().isEmpty() ? 0 : HabitTime.minutesWhile(input.habits(),
                new WorkQueue(input.milestones().stream().filter(MilestoneWork::remains).toList()).next(), weekly);
        if (habitMinutes > 0) {
            for (int day = 0; day < 7; day++) {
                byDay[day] = (int) ((long) byDay[day] * (weekly - habitMinutes) / weekly);
            }
        }
        LocalDate from = Weeks.mondayOf(input.startDate()).plusWeeks(1);
        long planned = 0;
        if (input.baseline() != null) {
            planned = input.baseline().expectedMinutes();
            from = input.baseline().from().isAfter(from) ? input.baseline().from() : from;
        }
        for (LocalDate date = from; date.isBefore(input.today()) && planned < layable; date = date.plusDays(1)) {
            if (byDay[date.getDayOfWeek().getValue() - 1] > 0 && !input.laysNothingOn(date)) {
                planned += byDay[date.getDayOfWeek().getValue() - 1];
            }
        }
        return (int) Math.min(planned, layable);
    }

    /** DONE milestones and the minutes logged against those in progress. */
    private static int doneMinutes(PacingInput input) {
        return input.milestones().stream().mapToInt(MilestoneWork::doneMinutes).sum();
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
