package dev.stride.pacing;

import org.junit.jupiter.api.Test;

import java.util.Optional;

import static dev.stride.pacing.InputBuilder.startingOn;
import static dev.stride.pacing.InputBuilder.todo;
import static org.assertj.core.api.Assertions.assertThat;

/** Streaks seen on Wednesday 2026-03-18 (the week of Monday 2026-03-16). */
class PacerStreakTest {

    private InputBuilder onWednesdayOfWeekSeven() {
        return startingOn("2026-02-02").today("2026-03-18").milestones(todo("python", 6000));
    }

    @Test
    void countsConsecutiveWeeksWithProgressIncludingTheCurrentOne() {
        assertThat(onWednesdayOfWeekSeven().progressOn("2026-03-17", "2026-03-10", "2026-03-03").schedule().streakWeeks())
                .isEqualTo(3);
    }

    @Test
    void isNotBrokenMidWeekWhenTheCurrentWeekHasNoProgressYet() {
        assertThat(onWednesdayOfWeekSeven().progressOn("2026-03-12", "2026-03-04").schedule().streakWeeks())
                .isEqualTo(2);
    }

    @Test
    void aWeekWithoutProgressBreaksIt() {
        assertThat(onWednesdayOfWeekSeven().progressOn("2026-03-17", "2026-03-03", "2026-02-24").schedule().streakWeeks())
                .isEqualTo(1);
    }

    @Test
    void aSkippedWeekIsPassedOver() {
        assertThat(onWednesdayOfWeekSeven().skipWeek("2026-03-09")
                .progressOn("2026-03-17", "2026-03-04", "2026-02-25").schedule().streakWeeks())
                .isEqualTo(3);
    }

    @Test
    void progressInASkippedWeekDoesNotExtendIt() {
        assertThat(onWednesdayOfWeekSeven().skipWeek("2026-03-09")
                .progressOn("2026-03-17", "2026-03-10").schedule().streakWeeks())
                .isEqualTo(1);
    }

    @Test
    void aWeekFullyInsideAPauseIsPassedOver() {
        assertThat(onWednesdayOfWeekSeven().pause("2026-03-07", "2026-03-16")
                .progressOn("2026-03-17", "2026-03-04").schedule().streakWeeks())
                .isEqualTo(2);
    }

    @Test
    void aWeekCoveredByBackToBackPausesIsPassedOver() {
        assertThat(onWednesdayOfWeekSeven().pause("2026-03-06", "2026-03-12").pause("2026-03-12", "2026-03-16")
                .progressOn("2026-03-17", "2026-03-04").schedule().streakWeeks())
                .isEqualTo(2);
    }

    @Test
    void aPartlyPausedWeekWithoutProgressBreaksIt() {
        assertThat(onWednesdayOfWeekSeven().pause("2026-03-11", "2026-03-16")
                .progressOn("2026-03-17", "2026-03-04").schedule().streakWeeks())
                .isEqualTo(1);
    }

    @Test
    void weeksBeforeTheStartDateEndIt() {
        Schedule schedule = startingOn("2026-03-04").today("2026-03-18").milestones(todo("python", 6000))
                .progressOn("2026-03-17", "2026-03-10", "2026-03-04", "2026-02-25")
                .schedule();

        assertThat(schedule.streakWeeks()).isEqualTo(3);
    }

    @Test
    void isZeroWithoutProgress() {
        assertThat(onWednesdayOfWeekSeven().schedule().streakWeeks()).isZero();
    }

    @Test
    void progressDatedAfterTodayDoesNotCount() {
        assertThat(onWednesdayOfWeekSeven().progressOn("2026-03-19").schedule().streakWeeks()).isZero();
    }

    @Test
    void anOpenEndedPauseSinceTheStartLeavesNoStreak() {
        Schedule schedule = onWednesdayOfWeekSeven().pauseFrom("2026-02-01").progressOn("2026-03-17").schedule();

        assertThat(schedule.streakWeeks()).isZero();
        assertThat(schedule.projectedFinish()).isEqualTo(Optional.empty());
    }
}
