package dev.stride.contracts.learning;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import java.util.OptionalInt;
import org.junit.jupiter.api.Test;

class RecoveringPenaltyTest {

    private final RecoveringPenalty penalty = new RecoveringPenalty(0.3, 2.0);

    @Test
    void sentThisWeekTakesTheFullStrength() {
        assertThat(penalty.factor(OptionalInt.of(0))).isCloseTo(0.7, within(1e-12));
    }

    @Test
    void oneHalfLifeLaterHalfThePenaltyIsGone() {
        assertThat(penalty.factor(OptionalInt.of(2))).isCloseTo(0.85, within(1e-12));
        assertThat(penalty.factor(OptionalInt.of(4))).isCloseTo(0.925, within(1e-12));
    }

    @Test
    void neverSentIsUnpenalised() {
        assertThat(penalty.factor(OptionalInt.empty())).isEqualTo(1.0);
    }

    @Test
    void strengthZeroIsOff() {
        RecoveringPenalty off = new RecoveringPenalty(0.0, 2.0);
        assertThat(off.factor(OptionalInt.of(0))).isEqualTo(1.0);
        assertThat(RecoveringPenalty.OFF.factor(OptionalInt.of(0))).isEqualTo(1.0);
    }

    @Test
    void theArmRecoversMonotonicallyTowardsOne() {
        double previous = penalty.factor(OptionalInt.of(0));
        for (int weeks = 1; weeks <= 52; weeks++) {
            double factor = penalty.factor(OptionalInt.of(weeks));
            assertThat(factor).isGreaterThan(previous).isLessThan(1.0);
            previous = factor;
        }
        assertThat(previous).isCloseTo(1.0, within(1e-6));
    }

    @Test
    void outOfRangeSettingsAreRefused() {
        assertThatThrownBy(() -> new RecoveringPenalty(1.5, 2.0)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new RecoveringPenalty(-0.1, 2.0)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new RecoveringPenalty(0.3, 0.0)).isInstanceOf(IllegalArgumentException.class);
    }
}
