package dev.stride.contracts.learning;

import static dev.stride.contracts.learning.NudgeVariant.CATCH_UP;
import static dev.stride.contracts.learning.NudgeVariant.FINISH_DATE;
import static dev.stride.contracts.learning.NudgeVariant.NEXT_STEP;
import static dev.stride.contracts.learning.NudgeVariant.PROGRESS_STREAK;
import static dev.stride.contracts.learning.NudgeVariant.PROJECT_RECIPE;
import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class EligibilityTest {

    @Test
    void aFreshOnTrackLearnerGetsOnlyTheDefault() {
        assertThat(Eligibility.of(new NudgeState(0, 0, false, false))).containsExactly(NEXT_STEP);
    }

    @Test
    void aStreakWakesFromTwoWeeks() {
        assertThat(Eligibility.of(new NudgeState(0, 1, false, false))).containsExactly(NEXT_STEP);
        assertThat(Eligibility.of(new NudgeState(0, 2, false, false))).containsExactly(NEXT_STEP, PROGRESS_STREAK);
    }

    @Test
    void aProjectedFinishWakesFinishDate() {
        assertThat(Eligibility.of(new NudgeState(0, 0, true, false))).containsExactly(NEXT_STEP, FINISH_DATE);
    }

    @Test
    void anyMinuteBehindWakesCatchUpButOnTimeDoesNot() {
        assertThat(Eligibility.of(new NudgeState(-1, 0, false, false))).containsExactly(NEXT_STEP, CATCH_UP);
        assertThat(Eligibility.of(new NudgeState(0, 0, false, false))).doesNotContain(CATCH_UP);
        assertThat(Eligibility.of(new NudgeState(500, 0, false, false))).doesNotContain(CATCH_UP);
    }

    @Test
    void projectWorkWithStepsWakesTheRecipe() {
        assertThat(Eligibility.of(new NudgeState(0, 0, false, true))).containsExactly(NEXT_STEP, PROJECT_RECIPE);
    }

    @Test
    void everyConditionAtOnceWakesEveryArm() {
        assertThat(Eligibility.of(new NudgeState(-90, 5, true, true))).containsExactly(NudgeVariant.values());
    }

    @Test
    void contextIsBehindOnTrackOrAheadByMoreThanAnHour() {
        assertThat(new NudgeState(-61, 0, false, false).context()).isEqualTo("behind");
        assertThat(new NudgeState(-60, 0, false, false).context()).isEqualTo("on-track");
        assertThat(new NudgeState(0, 0, false, false).context()).isEqualTo("on-track");
        assertThat(new NudgeState(60, 0, false, false).context()).isEqualTo("on-track");
        assertThat(new NudgeState(61, 0, false, false).context()).isEqualTo("ahead");
    }
}
