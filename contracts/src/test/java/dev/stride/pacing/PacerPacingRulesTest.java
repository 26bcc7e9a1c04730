package dev.stride.pacing;

import org.junit.jupiter.api.Test;

import java.time.DayOfWeek;
import java.time.LocalDate;
import java.util.List;

import static dev.stride.pacing.InputBuilder.BERLIN;
import static dev.stride.pacing.InputBuilder.done;
import static dev.stride.pacing.InputBuilder.inProgress;
import static dev.stride.pacing.InputBuilder.session;
import static dev.stride.pacing.InputBuilder.slot;
import static dev.stride.pacing.InputBuilder.startingOn;
import static dev.stride.pacing.InputBuilder.todo;
import static dev.stride.pacing.InputBuilder.week;
import static dev.stride.pacing.InputBuilder.work;
import static org.assertj.core.api.Assertions.assertThat;

/** Honest, encouraging pacing: the start week, plan changes that keep the past, logged hours and "re-plan from today". */
class PacerPacingRulesTest {

    /** Three hours on Tuesday, Thursday and Saturday evenings: nine a week. */
    private static final WeeklyPlan NINE_HOURS = new WeeklyPlan(BERLIN, List.of(
            slot(DayOfWeek.TUESDAY, "18:00", 180), slot(DayOfWeek.THURSDAY, "18:00", 180), slot(DayOfWeek.SATURDAY, "18:00", 180)));

    @Test
    void aLearnerWhoSubscribedOnAThursdayIsNotBehindOnTheFollowingMonday() {
        // Thursday 5 March to Monday 9 March: the start week's Thursday and Saturday sessions passed without progress.
        Schedule schedule = startingOn("2026-03-05").today("2026-03-09").milestones(todo("python", 3000)).schedule();

        assertThat(schedule.plannedMinutesByNow()).isZero();
        assertThat(schedule.aheadMinutes()).isZero();
    }

    @Test
    void workDoneInTheStartWeekPutsTheLearnerAhead() {
        Schedule schedule = startingOn("2026-03-02").today("2026-03-08")
                .milestones(done("python", 300), todo("pandas", 3000)).schedule();

        assertThat(schedule.aheadMinutes()).isEqualTo(300);
    }

    @Test
    void theWeekAfterTheStartWeekCountsInFull() {
        Schedule schedule = startingOn("2026-03-05").today("2026-03-16").milestones(todo("python", 3000)).schedule();

        assertThat(schedule.plannedMinutesByNow()).isEqualTo(360);
        assertThat(schedule.aheadMinutes()).isEqualTo(-360);
    }

    @Test
    void raisingTheWeeklyHoursLeavesPastWeeksWithThePlanTheyHad() {
        // Two weeks at six hours (after the start week), then the learner goes up to nine on Wednesday 25 March.
        PacingInput before = startingOn("2026-03-02").today("2026-03-25")
                .milestones(done("python", 720), todo("pandas", 6000)).build();
        PaceBaseline baseline = Pacer.planChangeBaseline(before);

        // The change applies to its whole week: the weeks of 9 and 16 March keep their six hours.
        assertThat(baseline).isEqualTo(new PaceBaseline(LocalDate.parse("2026-03-23"), 720));
        // Monday 30 March: the week of the change counts at nine hours, the weeks before it at six.
        Schedule after = Pacer.schedule(before.withPlan(NINE_HOURS, baseline).on(LocalDate.parse("2026-03-30")));
        assertThat(after.plannedMinutesByNow()).isEqualTo(720 + 540);
        // Without the baseline the nine hours would re-rate every past week.
        Schedule rerated = Pacer.schedule(before.withPlan(NINE_HOURS, null).on(LocalDate.parse("2026-03-30")));
        assertThat(rerated.plannedMinutesByNow()).isEqualTo(3 * 540);
    }

    @Test
    void aSecondPlanChangeBuildsOnTheFirstsBaseline() {
        PacingInput first = startingOn("2026-03-02").today("2026-03-18").milestones(todo("python", 6000)).build();
        PaceBaseline firstBaseline = Pacer.planChangeBaseline(first);
        PacingInput second = first.withPlan(NINE_HOURS, firstBaseline).on(LocalDate.parse("2026-04-01"));
        PaceBaseline secondBaseline = Pacer.planChangeBaseline(second);

        // Week of 9 March at six hours, weeks of 16 and 23 March at nine; the change of 1 April applies from 30 March.
        assertThat(firstBaseline).isEqualTo(new PaceBaseline(LocalDate.parse("2026-03-16"), 360));
        assertThat(secondBaseline).isEqualTo(new PaceBaseline(LocalDate.parse("2026-03-30"), 360 + 540 + 540));
    }

    @Test
    void replanningFromTodayPutsTheLearnerOnPlanAndKeepsTheFinishHonest() {
        PacingInput behind = startingOn("2026-03-02").today("2026-04-01")
                .milestones(done("python", 300), inProgress("numpy", 600, 120), todo("pandas", 600)).build();
        assertThat(Pacer.schedule(behind).aheadMinutes()).isEqualTo(420 - 1260);

        PaceBaseline reset = Pacer.replanBaseline(behind);
        assertThat(reset).isEqualTo(new PaceBaseline(LocalDate.parse("2026-04-01"), 420));
        Schedule replanned = Pacer.schedule(behind.withPlan(behind.plan(), reset));
        assertThat(replanned.aheadMinutes()).isZero();
        assertThat(replanned.projectedFinish()).isEqualTo(Pacer.schedule(behind).projectedFinish());

        // A week later, the plan counts again from the reset: Saturday 4 and Tuesday 7 April.
        Schedule aWeekOn = Pacer.schedule(behind.withPlan(behind.plan(), reset).on(LocalDate.parse("2026-04-08")));
        assertThat(aWeekOn.aheadMinutes()).isEqualTo(-360);
    }

    @Test
    void minutesLoggedAgainstAMilestoneInProgressCountAsDoneAndAreNotLaidAgain() {
        Schedule schedule = startingOn("2026-03-02").today("2026-03-03")
                .milestones(inProgress("python", 300, 200), todo("pandas", 300)).schedule();

        assertThat(schedule.doneMinutesByNow()).isEqualTo(200);
        assertThat(schedule.remainingMinutes()).isEqualTo(400);
        assertThat(schedule.weeks()).containsExactly(week("2026-03-02", 1,
                session("2026-03-03", "18:00", 180, work("python", 100), work("pandas", 80)),
                session("2026-03-07", "09:00", 180, work("pandas", 180))),
                week("2026-03-09", 2, session("2026-03-10", "18:00", 180, work("pandas", 40))));
    }

    @Test
    void loggingMoreThanTheEstimateCountsTheEstimateAndTheMilestoneStaysOpenUntilMarkedDone() {
        Schedule schedule = startingOn("2026-03-02").today("2026-03-03")
                .milestones(inProgress("python", 300, 500)).schedule();

        assertThat(schedule.doneMinutesByNow()).isEqualTo(300);
        assertThat(schedule.remainingMinutes()).isZero();
        assertThat(schedule.weeks()).isEmpty();
        assertThat(schedule.projectedFinish()).contains(LocalDate.parse("2026-03-03"));
        assertThat(schedule.complete()).isFalse();
    }
}
