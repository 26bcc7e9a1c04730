package dev.stride.roadmap.plan;

import dev.stride.pacing.Allocation;
import dev.stride.pacing.Schedule;
import dev.stride.pacing.ScheduledWeek;
import dev.stride.pacing.Session;
import dev.stride.pacing.StudySlot;
import dev.stride.pacing.WeeklyPlan;
import dev.stride.roadmap.catalog.RoadmapDocument;

import java.time.LocalDate;
import java.time.LocalTime;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * The first weeks of a schedule and its projected finish, in the words a page or the preview API shows.
 *
 * @param projectedFinish empty when the remaining work does not fit the pacing horizon at this plan
 * @param aheadMinutes    done less expected so far (negative: behind), from the pacing engine
 * @param advice          the preview's word on the pace (far below the suggested hours, the target-date mode); null elsewhere
 */
public record PlanView(List<Week> weeks, java.util.Optional<LocalDate> projectedFinish, String projectedFinishLabel, int weeklyMinutes,
                       int remainingMinutes, boolean complete, int aheadMinutes, PaceAdvice advice) {

    private static final DateTimeFormatter DAY = DateTimeFormatter.ofPattern("EEE d MMM", Locale.ENGLISH);
    private static final DateTimeFormatter LONG_DATE = DateTimeFormatter.ofPattern("EEEE d MMMM uuuu", Locale.ENGLISH);

    public record Week(LocalDate weekStart, int weekNumber, String label, List<Entry> sessions, int minutes) {
    }

    public record Entry(LocalDate date, String day, LocalTime start, LocalTime end, int minutes, List<Work> work) {
    }

    public record Work(String milestoneId, String title, int minutes) {
    }

    static PlanView of(Schedule schedule, RoadmapDocument roadmap, WeeklyPlan plan, int weekCount) {
        Map<String, String> titles = new java.util.HashMap<>(roadmap.milestones().stream()
                .collect(Collectors.toMap(RoadmapDocument.Milestone::id, RoadmapDocument.Milestone::title, (a, b) -> a)));
        // A habit's minutes show under its title (an allocation says whether it is a habit).
        if (roadmap.phases() != null) {
            roadmap.phases().stream().filter(phase -> phase.habits() != null).flatMap(phase -> phase.habits().stream())
                    .forEach(habit -> titles.putIfAbsent(habit.id(), habit.title()));
        }
        List<Week> weeks = schedule.weeks().stream().limit(weekCount).map(week -> week(week, titles)).toList();
        return new PlanView(weeks, schedule.projectedFinish(),
                schedule.projectedFinish().map(LONG_DATE::format).orElse("not within the next years at this pace: add study time"),
                plan.slots().stream().mapToInt(StudySlot::minutes).sum(), schedule.remainingMinutes(), schedule.complete(),
                schedule.aheadMinutes(), null);
    }

    /** The finish date, or null beyond the pacing horizon; pages word it in their language. */
    public LocalDate finishDate() {
        return projectedFinish.orElse(null);
    }

    /** The sessions of the week holding {@code date}, if it is among the weeks shown. */
    public List<Entry> weekOf(LocalDate date) {
        return weeks.stream().filter(w -> !date.isBefore(w.weekStart()) && date.isBefore(w.weekStart().plusDays(7)))
                .findFirst().map(Week::sessions).orElse(List.of());
    }

    PlanView withAdvice(PaceAdvice newAdvice) {
        return new PlanView(weeks, projectedFinish, projectedFinishLabel, weeklyMinutes, remainingMinutes, complete, aheadMinutes, newAdvice);
    }

    public boolean behind() {
        return aheadMinutes < 0;
    }

    /** How far behind, as "1 h 30 min". */
    public String behindLabel() {
        int minutes = Math.abs(aheadMinutes);
        return (minutes >= 60 ? minutes / 60 + " h" + (minutes % 60 > 0 ? " " : "") : "") + (minutes % 60 > 0 || minutes == 0 ? minutes % 60 + " min" : "");
    }

    public List<Entry> sessions() {
        return weeks.stream().flatMap(week -> week.sessions().stream()).toList();
    }

    private static Week week(ScheduledWeek week, Map<String, String> titles) {
        List<Entry> sessions = week.sessions().stream().map(session -> entry(session, titles)).toList();
        String label = "Week " + week.weekNumber() + " · from " + DAY.format(week.weekStart());
        return new Week(week.weekStart(), week.weekNumber(), label, sessions, week.plannedMinutes());
    }

    private static Entry entry(Session session, Map<String, String> titles) {
        Function<Allocation, Work> work = a -> new Work(a.milestoneId(), titles.getOrDefault(a.milestoneId(), a.milestoneId()), a.minutes());
        return new Entry(session.date(), DAY.format(session.date()), session.start(), session.end().toLocalTime(), session.minutes(),
                session.work().stream().map(work).toList());
    }
}
