package dev.stride.pacing;

import org.junit.jupiter.api.Test;

import static dev.stride.pacing.InputBuilder.done;
import static dev.stride.pacing.InputBuilder.skipped;
import static dev.stride.pacing.InputBuilder.startingOn;
import static dev.stride.pacing.InputBuilder.todo;
import static org.assertj.core.api.Assertions.assertThat;

/** Planned-by-now, done-by-now and ahead/behind, against the Tuesday and Saturday plan. */
class PacerProgressTest {

    @Test
    void behindWhenLessIsDoneThanThePlanLaidBeforeToday() {
        Schedule schedule = startingOn("2026-03-02").today("2026-03-17")
                .milestones(done("python", 300), todo("pandas", 300), skipped("r-language", 120))
                .schedule();

        assertThat(schedule.plannedMinutesByNow()).isEqualTo(360);
        assertThat(schedule.doneMinutesByNow()).isEqualTo(300);
        assertThat(schedule.remainingMinutes()).isEqualTo(300);
        assertThat(schedule.aheadMinutes()).isEqualTo(-60);
    }

    @Test
    void aheadWhenMoreIsDone() {
        Schedule schedule = startingOn("2026-03-02").today("2026-03-15")
                .milestones(done("python", 300), done("numpy", 300), todo("pandas", 300))
                .schedule();

        assertThat(schedule.plannedMinutesByNow()).isEqualTo(360);
        assertThat(schedule.aheadMinutes()).isEqualTo(240);
    }

    @Test
    void thePlanNeverLaysMoreThanTheNonSkippedWork() {
        Schedule schedule = startingOn("2026-03-02").today("2026-06-01")
                .milestones(done("python", 300), skipped("r-language", 120))
                .schedule();

        assertThat(schedule.plannedMinutesByNow()).isEqualTo(300);
        assertThat(schedule.aheadMinutes()).isZero();
    }

    @Test
    void thePlanHonoursSkippedWeeksAndPauses() {
        Schedule schedule = startingOn("2026-03-02").today("2026-03-31")
                .milestones(todo("python", 2000))
                .skipWeek("2026-03-09")
                .pause("2026-03-17", "2026-03-18")
                .schedule();

        assertThat(schedule.plannedMinutesByNow()).isEqualTo(540);
        assertThat(schedule.doneMinutesByNow()).isZero();
        assertThat(schedule.aheadMinutes()).isEqualTo(-540);
    }

    @Test
    void nothingIsPlannedBeforeTheStartDateNorInTheRestOfItsWeek() {
        Schedule schedule = startingOn("2026-03-05").today("2026-03-11")
                .milestones(todo("python", 2000))
                .schedule();

        // Saturday 7 March lies in the start week; Tuesday 10 March is the first planned session.
        assertThat(schedule.plannedMinutesByNow()).isEqualTo(180);
    }
}
