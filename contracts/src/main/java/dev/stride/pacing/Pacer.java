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
        return schedule(input, null);
    }

    /**
     * The same schedule, but {@link Schedule#weeks()} lists only the weeks up to and including {@code lastListedWeek}'s
     * (those with sessions): the later weeks are still laid, since the finish depends on them, but their sessions are not
     * built. A nudge needs one week and the finish; building every week up to the finish (about fifty) was most of what
     * the pacer cost the dispatcher.
     */
    public static Schedule scheduleThrough(PacingInput input, LocalDate lastListedWeek) {
        return schedule(input, Objects.requireNonNull(lastListedWeek, "lastListedWeek"));
    }

    private static Schedule schedule(PacingInput input, LocalDate lastListedWeek) {
        Objects.requireNonNull(input, "input");
        List<MilestoneWork> remaining = input.milestones().stream().filter(MilestoneWork::remains).toList();
        int leftMinutes = remaining.stream().mapToInt(MilestoneWork::leftMinutes).sum();
        WorkQueue queue = new WorkQueue(remaining);
        Laid laid = layFromCurrentWeek(input, queue, lastListedWeek);

        Optional<LocalDate> projectedFinish;
        if (leftMinutes == 0) {
            projectedFinish = Optional.of(input.today());
        } else if (queue.isEmpty()) {
            projectedFinish = Optional.ofNullable(laid.lastMilestoneSession());
        } else {
            projectedFinish = Optional.empty();
        }
        return new Schedule(
                laid.weeks(),
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

    /** The weeks listed, and the date of the last session that holds milestone work (null if none does). */
    private record Laid(List<ScheduledWeek> weeks, LocalDate lastMilestoneSession) {
    }

    /**
     * Week by week until the work runs out or the horizon is reached: the week's habits first, then its milestone minutes
     * (strictly in order, or split by the weekly mix), poured into the week's free slot occurrences in time order. Weeks
     * after {@code lastListed} (null: none) are laid without building their sessions.
     */
    private static Laid layFromCurrentWeek(PacingInput input, WorkQueue queue, LocalDate lastListed) {
        LocalDate from = input.firstStudyDate();
        LocalDate currentWeek = Weeks.mondayOf(from);
        List<ScheduledWeek> weeks = new ArrayList<>();
        int weeksWithSessions = 0;
        LocalDate lastMilestoneSession = null;
        List<StudySlot> open = new ArrayList<>();
        for (int i = 0; i < HORIZON_WEEKS && !queue.isEmpty(); i++) {
            LocalDate weekStart = currentWeek.plusWeeks(i);
            open.clear();
            int capacity = 0;
            for (StudySlot slot : input.plan().slots()) {
                LocalDate date = slot.dateIn(weekStart);
                if (!date.isBefore(from) && !input.laysNothingOn(date)) {
                    open.add(slot);
                    capacity += slot.minutes();
                }
            }
            List<Allocation> habits = HabitTime.forWeek(input.habits(), queue, capacity, input.mix());
            int habitMinutes = minutes(habits);
            List<Allocation> milestones = input.mix() == null ? queue.take(capacity - habitMinutes)
                    : queue.take(capacity - habitMinutes, input.mix());
            int milestoneMinutes = minutes(milestones);
            if (milestoneMinutes > 0) {
                // Habits go first and every slot is filled before the next, so the last milestone minute fixes the session.
                lastMilestoneSession = slotHolding(open, habitMinutes + milestoneMinutes - 1).dateIn(weekStart);
            }
            if (lastListed != null && weekStart.isAfter(lastListed)) {
                continue;
            }
            Deque<Allocation> work = new ArrayDeque<>(habits);
            work.addAll(milestones);
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
        return new Laid(weeks.subList(0, weeksWithSessions), lastMilestoneSession);
    }

    /** The slot, of the week's open ones in time order, that the {@code minute}-th minute of the week's work falls in. */
    private static StudySlot slotHolding(List<StudySlot> open, int minute) {
        int end = 0;
        for (StudySlot slot : open) {
            end += slot.minutes();
            if (minute < end) {
                return slot;
            }
        }
        throw new IllegalStateException("work of " + (minute + 1) + " minutes laid into " + end + " minutes of slots");
    }

    private static int minutes(List<Allocation> work) {
        int minutes = 0;
        for (Allocation allocation : work) {
            minutes += allocation.minutes();
        }
        return minutes;
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
