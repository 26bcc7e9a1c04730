package dev.stride.pacing;

import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/** Readable pacing inputs for example tests; the plan defaults to Tuesday 18:00 and Saturday 09:00, three hours each. */
final class InputBuilder {

    static final ZoneId BERLIN = ZoneId.of("Europe/Berlin");
    static final WeeklyPlan TUESDAY_AND_SATURDAY = new WeeklyPlan(BERLIN, List.of(
            slot(DayOfWeek.TUESDAY, "18:00", 180),
            slot(DayOfWeek.SATURDAY, "09:00", 180)));

    private final LocalDate startDate;
    private LocalDate today;
    private WeeklyPlan plan = TUESDAY_AND_SATURDAY;
    private final List<MilestoneWork> milestones = new ArrayList<>();
    private final Set<LocalDate> skippedWeeks = new LinkedHashSet<>();
    private final List<DateRange> pauses = new ArrayList<>();
    private final List<LocalDate> progressDates = new ArrayList<>();
    private PaceBaseline baseline;
    private final List<Habit> habits = new ArrayList<>();
    private WeeklyMix mix;

    private InputBuilder(LocalDate startDate) {
        this.startDate = startDate;
        this.today = startDate;
    }

    static InputBuilder startingOn(String startDate) {
        return new InputBuilder(LocalDate.parse(startDate));
    }

    static StudySlot slot(DayOfWeek day, String start, int minutes) {
        return new StudySlot(day, LocalTime.parse(start), minutes);
    }

    static MilestoneWork todo(String id, int minutes) {
        return new MilestoneWork(id, minutes, ProgressState.TODO);
    }

    /** A TODO milestone with its phase, kind and prerequisites. */
    static MilestoneWork todo(String id, int minutes, String phase, String kind, String... requires) {
        return todo(id, minutes).in(phase, kind, List.of(requires));
    }

    static MilestoneWork inProgress(String id, int minutes) {
        return new MilestoneWork(id, minutes, ProgressState.IN_PROGRESS);
    }

    static MilestoneWork inProgress(String id, int minutes, int logged) {
        return new MilestoneWork(id, minutes, ProgressState.IN_PROGRESS, logged);
    }

    static MilestoneWork done(String id, int minutes) {
        return new MilestoneWork(id, minutes, ProgressState.DONE);
    }

    static MilestoneWork skipped(String id, int minutes) {
        return new MilestoneWork(id, minutes, ProgressState.SKIPPED);
    }

    static Session session(String date, String start, int minutes, Allocation... work) {
        return new Session(LocalDate.parse(date), LocalTime.parse(start), minutes, List.of(work));
    }

    static Allocation work(String milestoneId, int minutes) {
        return new Allocation(milestoneId, minutes);
    }

    static Allocation habitWork(String habitId, int minutes) {
        return Allocation.ofHabit(habitId, minutes);
    }

    static ScheduledWeek week(String weekStart, int weekNumber, Session... sessions) {
        return new ScheduledWeek(LocalDate.parse(weekStart), weekNumber, List.of(sessions));
    }

    InputBuilder today(String date) {
        this.today = LocalDate.parse(date);
        return this;
    }

    InputBuilder plan(WeeklyPlan newPlan) {
        this.plan = newPlan;
        return this;
    }

    InputBuilder milestones(MilestoneWork... work) {
        milestones.addAll(List.of(work));
        return this;
    }

    InputBuilder skipWeek(String monday) {
        skippedWeeks.add(LocalDate.parse(monday));
        return this;
    }

    InputBuilder pause(String start, String endExclusive) {
        pauses.add(new DateRange(LocalDate.parse(start), LocalDate.parse(endExclusive)));
        return this;
    }

    InputBuilder pauseFrom(String start) {
        pauses.add(DateRange.openEnded(LocalDate.parse(start)));
        return this;
    }

    InputBuilder habit(String id, String phase, int minutesPerWeek) {
        habits.add(new Habit(id, phase, minutesPerWeek));
        return this;
    }

    InputBuilder mix(java.util.Map<String, Integer> percentByKind) {
        this.mix = new WeeklyMix(percentByKind);
        return this;
    }

    InputBuilder baseline(PaceBaseline newBaseline) {
        this.baseline = newBaseline;
        return this;
    }

    InputBuilder progressOn(String... dates) {
        for (String date : dates) {
            progressDates.add(LocalDate.parse(date));
        }
        return this;
    }

    PacingInput build() {
        return new PacingInput(milestones, plan, startDate, skippedWeeks, pauses, progressDates, today, baseline, habits, mix);
    }

    Schedule schedule() {
        return Pacer.schedule(build());
    }
}
