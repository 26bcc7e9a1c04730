package dev.stride.pacing;

import org.junit.jupiter.api.Test;

import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import static dev.stride.pacing.InputBuilder.done;
import static dev.stride.pacing.InputBuilder.habitWork;
import static dev.stride.pacing.InputBuilder.session;
import static dev.stride.pacing.InputBuilder.startingOn;
import static dev.stride.pacing.InputBuilder.todo;
import static dev.stride.pacing.InputBuilder.week;
import static dev.stride.pacing.InputBuilder.work;
import static org.assertj.core.api.Assertions.assertThat;

/** Prerequisites, habits and the weekly mix, by example (Tuesday 18:00 and Saturday 09:00, three hours each). */
class PacerRoadmapRulesTest {

    @Test
    void aPrerequisiteListedLaterIsLaidFirstAndTheRestKeepsRoadmapOrder() {
        Schedule schedule = startingOn("2026-03-02").milestones(
                todo("ml-course", 120, "p1", "learn", "python"), todo("python", 120, "p1", "learn"), todo("git", 120, "p1", "learn"))
                .schedule();

        assertThat(schedule.weeks()).containsExactly(week("2026-03-02", 1,
                session("2026-03-03", "18:00", 180, work("python", 120), work("ml-course", 60)),
                session("2026-03-07", "09:00", 180, work("ml-course", 60), work("git", 120))));
    }

    @Test
    void aPrerequisiteThatIsDoneOrNotInPlayHoldsNothingBack() {
        Schedule schedule = startingOn("2026-03-02").milestones(
                todo("project", 60, "p1", "project", "python", "optional-course"), done("python", 120)).schedule();

        assertThat(schedule.weeks().get(0).sessions().get(0).work()).containsExactly(work("project", 60));
    }

    @Test
    void theActivePhasesHabitsTakeTheWeeksFirstMinutesAndNeverCountAsWork() {
        Schedule schedule = startingOn("2026-03-02").milestones(todo("python", 420, "basics", "learn"), todo("cnn", 600, "deep", "learn"))
                .habit("read-papers", "deep", 90).habit("kaggle", "basics", 60).schedule();

        // Week 1 reaches only "basics": its habit takes 60 of 360 minutes; week 2 starts "deep", so both phases are active.
        assertThat(schedule.weeks().get(0)).isEqualTo(week("2026-03-02", 1,
                session("2026-03-03", "18:00", 180, habitWork("kaggle", 60), work("python", 120)),
                session("2026-03-07", "09:00", 180, work("python", 180))));
        assertThat(schedule.weeks().get(1).sessions().get(0).work())
                .containsExactly(habitWork("read-papers", 90), habitWork("kaggle", 60), work("python", 30));
        assertThat(schedule.remainingMinutes()).isEqualTo(1020);
        assertThat(schedule.weeks().stream().flatMap(w -> w.sessions().stream()).mapToInt(Session::milestoneMinutes).sum()).isEqualTo(1020);
    }

    @Test
    void habitsTakeAtMostHalfOfAWeekSharedInProportion() {
        Schedule schedule = startingOn("2026-03-02").milestones(todo("python", 2000, "basics", "learn"))
                .habit("read", "basics", 300).habit("code", "basics", 100).schedule();

        assertThat(schedule.weeks().get(0).sessions().get(0).work())
                .containsExactly(habitWork("read", 135), habitWork("code", 45));
        assertThat(schedule.weeks().get(0).sessions().get(1).work()).containsExactly(work("python", 180));
    }

    @Test
    void habitsLowerWhatThePastWeeksExpectedOfTheLearner() {
        PacingInput plain = startingOn("2026-03-02").today("2026-03-16").milestones(todo("python", 3000, "basics", "learn")).build();
        PacingInput withHabit = plain.withRoutine(List.of(new Habit("read", "basics", 120)), null);

        assertThat(Pacer.schedule(plain).plannedMinutesByNow()).isEqualTo(360);
        assertThat(Pacer.schedule(withHabit).plannedMinutesByNow()).isEqualTo(240);
    }

    @Test
    void theWeeklyMixSplitsEachWeekByKindAmongKindsWithAvailableWork() {
        Schedule schedule = startingOn("2026-03-02").milestones(
                        todo("stats", 600, "p1", "learn"), todo("numpy", 600, "p1", "learn"),
                        todo("kaggle", 900, "p1", "project", "stats"), todo("drills", 60, "p1", "practice"))
                .mix(mix("learn", 50, "project", 30, "practice", 20)).schedule();

        // Week 1: the project waits for stats, so learn and practice share the week (5:2), practice runs out at 60 minutes.
        assertThat(minutesByMilestone(schedule.weeks().get(0))).containsExactly(Map.entry("stats", 300), Map.entry("drills", 60));
        // Week 2: stats is finished in it, then the project may start; learn and project split 5:3 of the rest.
        assertThat(minutesByMilestone(schedule.weeks().get(1)).get("stats")).isEqualTo(300);
        assertThat(minutesByMilestone(schedule.weeks().get(1)).get("kaggle")).isGreaterThan(0);
        // Week 3: learn and project both available all week: 225 and 135 of 360.
        assertThat(minutesByKind(schedule.weeks().get(2), Map.of("stats", "learn", "numpy", "learn", "kaggle", "project", "drills", "practice")))
                .containsEntry("learn", 225).containsEntry("project", 135);
        assertThat(schedule.projectedFinish()).isPresent();
    }

    @Test
    void withoutAMixMilestonesGoStrictlyInOrder() {
        Schedule schedule = startingOn("2026-03-02").milestones(todo("stats", 300, "p1", "learn"), todo("kaggle", 300, "p1", "project"))
                .schedule();

        assertThat(schedule.weeks().get(0).sessions().get(0).work()).containsExactly(work("stats", 180));
        assertThat(schedule.projectedFinish()).contains(LocalDate.parse("2026-03-14"));
    }

    static Map<String, Integer> mix(Object... kindsAndPercents) {
        Map<String, Integer> mix = new LinkedHashMap<>();
        for (int i = 0; i < kindsAndPercents.length; i += 2) {
            mix.put((String) kindsAndPercents[i], (Integer) kindsAndPercents[i + 1]);
        }
        return mix;
    }

    private static Map<String, Integer> minutesByMilestone(ScheduledWeek week) {
        Map<String, Integer> minutes = new LinkedHashMap<>();
        week.sessions().forEach(s -> s.work().forEach(a -> minutes.merge(a.milestoneId(), a.minutes(), Integer::sum)));
        return minutes;
    }

    private static Map<String, Integer> minutesByKind(ScheduledWeek week, Map<String, String> kinds) {
        Map<String, Integer> minutes = new LinkedHashMap<>();
        minutesByMilestone(week).forEach((id, m) -> minutes.merge(kinds.get(id), m, Integer::sum));
        return minutes;
    }
}
