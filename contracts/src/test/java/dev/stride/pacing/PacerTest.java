package dev.stride.pacing;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

import java.time.LocalDate;

import static dev.stride.pacing.InputBuilder.done;
import static dev.stride.pacing.InputBuilder.inProgress;
import static dev.stride.pacing.InputBuilder.session;
import static dev.stride.pacing.InputBuilder.skipped;
import static dev.stride.pacing.InputBuilder.startingOn;
import static dev.stride.pacing.InputBuilder.todo;
import static dev.stride.pacing.InputBuilder.week;
import static dev.stride.pacing.InputBuilder.work;
import static org.assertj.core.api.Assertions.assertThat;

/** Hand-computed schedules; the default plan is Tuesday 18:00 and Saturday 09:00, 180 minutes each. */
class PacerTest {

    @Test
    void spreadsATenHourMilestoneOverFourSessionsInTwoWeeks() {
        Schedule schedule = startingOn("2026-03-02").milestones(todo("python", 600)).schedule();

        assertThat(schedule.weeks()).containsExactly(
                week("2026-03-02", 1,
                        session("2026-03-03", "18:00", 180, work("python", 180)),
                        session("2026-03-07", "09:00", 180, work("python", 180))),
                week("2026-03-09", 2,
                        session("2026-03-10", "18:00", 180, work("python", 180)),
                        session("2026-03-14", "09:00", 180, work("python", 60))));
        assertThat(schedule.projectedFinish()).contains(LocalDate.parse("2026-03-14"));
        assertThat(schedule.remainingMinutes()).isEqualTo(600);
        assertThat(schedule.weeks().get(1).sessions().get(1).plannedMinutes()).isEqualTo(60);
        assertThat(schedule.complete()).isFalse();
    }

    @Test
    void aSessionFinishesOneMilestoneAndStartsTheNext() {
        Schedule schedule = startingOn("2026-03-02")
                .milestones(todo("linear-algebra", 240), inProgress("statistics", 120), todo("pandas", 300))
                .schedule();

        assertThat(schedule.weeks()).containsExactly(
                week("2026-03-02", 1,
                        session("2026-03-03", "18:00", 180, work("linear-algebra", 180)),
                        session("2026-03-07", "09:00", 180, work("linear-algebra", 60), work("statistics", 120))),
                week("2026-03-09", 2,
                        session("2026-03-10", "18:00", 180, work("pandas", 180)),
                        session("2026-03-14", "09:00", 180, work("pandas", 120))));
        assertThat(schedule.projectedFinish()).contains(LocalDate.parse("2026-03-14"));
    }

    @Test
    void doneAndSkippedMilestonesAreNotLaid() {
        Schedule schedule = startingOn("2026-03-02")
                .milestones(done("setup", 500), todo("numpy", 100), skipped("r-language", 900), todo("pandas", 100))
                .schedule();

        assertThat(schedule.weeks()).containsExactly(
                week("2026-03-02", 1, session("2026-03-03", "18:00", 180, work("numpy", 100), work("pandas", 80)),
                        session("2026-03-07", "09:00", 180, work("pandas", 20))));
        assertThat(schedule.remainingMinutes()).isEqualTo(200);
    }

    @Test
    void aMidWeekStartUsesOnlyTheSlotsFromThatDateOn() {
        Schedule schedule = startingOn("2026-03-05").milestones(todo("python", 600)).schedule();

        assertThat(schedule.weeks()).containsExactly(
                week("2026-03-02", 1,
                        session("2026-03-07", "09:00", 180, work("python", 180))),
                week("2026-03-09", 2,
                        session("2026-03-10", "18:00", 180, work("python", 180)),
                        session("2026-03-14", "09:00", 180, work("python", 180))),
                week("2026-03-16", 3,
                        session("2026-03-17", "18:00", 180, work("python", 60))));
        assertThat(schedule.projectedFinish()).contains(LocalDate.parse("2026-03-17"));
    }

    @Test
    void aStartInTheFutureLaysFromTheStartDate() {
        Schedule schedule = startingOn("2026-03-05").today("2026-02-20").milestones(todo("python", 200)).schedule();

        assertThat(schedule.weeks()).containsExactly(
                week("2026-03-02", 1, session("2026-03-07", "09:00", 180, work("python", 180))),
                week("2026-03-09", 2, session("2026-03-10", "18:00", 180, work("python", 20))));
        assertThat(schedule.plannedMinutesByNow()).isZero();
    }

    @Test
    void slotsBeforeTodayAreNotUsedOnceTheLearnerIsUnderway() {
        Schedule schedule = startingOn("2026-03-02").today("2026-03-11")
                .milestones(done("setup", 300), todo("python", 600))
                .schedule();

        assertThat(schedule.weeks()).containsExactly(
                week("2026-03-09", 2,
                        session("2026-03-14", "09:00", 180, work("python", 180))),
                week("2026-03-16", 3,
                        session("2026-03-17", "18:00", 180, work("python", 180)),
                        session("2026-03-21", "09:00", 180, work("python", 180))),
                week("2026-03-23", 4,
                        session("2026-03-24", "18:00", 180, work("python", 60))));
        assertThat(schedule.projectedFinish()).contains(LocalDate.parse("2026-03-24"));
    }

    @Test
    void todaysSlotIsStillUsed() {
        Schedule schedule = startingOn("2026-03-02").today("2026-03-10").milestones(todo("python", 100)).schedule();

        assertThat(schedule.weeks()).containsExactly(
                week("2026-03-09", 2, session("2026-03-10", "18:00", 180, work("python", 100))));
    }

    @Test
    void skippedWeeksAndPausesHoldNothingButEmptyWeeksBeforeTheFinishAreListed() {
        Schedule schedule = startingOn("2026-03-02")
                .milestones(todo("python", 900))
                .skipWeek("2026-03-09")
                .pause("2026-03-17", "2026-03-18")
                .schedule();

        assertThat(schedule.weeks()).containsExactly(
                week("2026-03-02", 1,
                        session("2026-03-03", "18:00", 180, work("python", 180)),
                        session("2026-03-07", "09:00", 180, work("python", 180))),
                week("2026-03-09", 2),
                week("2026-03-16", 3,
                        session("2026-03-21", "09:00", 180, work("python", 180))),
                week("2026-03-23", 4,
                        session("2026-03-24", "18:00", 180, work("python", 180)),
                        session("2026-03-28", "09:00", 180, work("python", 180))));
        assertThat(schedule.projectedFinish()).contains(LocalDate.parse("2026-03-28"));
    }

    @Test
    @Timeout(10)
    void anOpenEndedPauseLeavesTheFinishUnknownAndListsWeeksUpToThePause() {
        Schedule schedule = startingOn("2026-03-02")
                .milestones(todo("python", 900))
                .pauseFrom("2026-03-09")
                .schedule();

        assertThat(schedule.weeks()).containsExactly(
                week("2026-03-02", 1,
                        session("2026-03-03", "18:00", 180, work("python", 180)),
                        session("2026-03-07", "09:00", 180, work("python", 180))));
        assertThat(schedule.projectedFinish()).isEmpty();
        assertThat(schedule.remainingMinutes()).isEqualTo(900);
        assertThat(schedule.complete()).isFalse();
    }

    @Test
    @Timeout(10)
    void anOpenEndedPauseCoveringEveryStudyDateLaysNothing() {
        Schedule schedule = startingOn("2026-03-02").today("2026-04-01")
                .milestones(todo("python", 900))
                .pauseFrom("2026-03-01")
                .schedule();

        assertThat(schedule.weeks()).isEmpty();
        assertThat(schedule.projectedFinish()).isEmpty();
        assertThat(schedule.plannedMinutesByNow()).isZero();
    }

    @Test
    void aPauseThatEndsResumesLayingAfterIt() {
        Schedule schedule = startingOn("2026-03-02")
                .milestones(todo("python", 200))
                .pause("2026-03-01", "2026-03-20")
                .schedule();

        assertThat(schedule.weeks()).containsExactly(
                week("2026-03-02", 1),
                week("2026-03-09", 2),
                week("2026-03-16", 3, session("2026-03-21", "09:00", 180, work("python", 180))),
                week("2026-03-23", 4, session("2026-03-24", "18:00", 180, work("python", 20))));
    }

    @Test
    void everythingDoneOrSkippedIsCompleteAndFinishesToday() {
        Schedule schedule = startingOn("2026-03-02").today("2026-04-15")
                .milestones(done("python", 600), skipped("r-language", 300), done("pandas", 240))
                .schedule();

        assertThat(schedule.complete()).isTrue();
        assertThat(schedule.remainingMinutes()).isZero();
        assertThat(schedule.doneMinutesByNow()).isEqualTo(840);
        assertThat(schedule.weeks()).isEmpty();
        assertThat(schedule.projectedFinish()).contains(LocalDate.parse("2026-04-15"));
    }

    @Test
    void markingTheLastMilestoneDoneBringsTheFinishForwardToToday() {
        Schedule before = startingOn("2026-03-02").today("2026-03-04")
                .milestones(done("python", 600), todo("pandas", 100)).schedule();
        Schedule after = startingOn("2026-03-02").today("2026-03-04")
                .milestones(done("python", 600), done("pandas", 100)).schedule();

        assertThat(before.projectedFinish()).contains(LocalDate.parse("2026-03-07"));
        assertThat(after.projectedFinish()).contains(LocalDate.parse("2026-03-04"));
    }
}
