package dev.stride.contracts.learning;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import org.junit.jupiter.api.Test;

class PosteriorTest {

    @Test
    void thePriorIsUniform() {
        assertThat(Posterior.PRIOR).isEqualTo(new Posterior(1, 1));
        assertThat(Posterior.PRIOR.mean()).isEqualTo(0.5);
    }

    @Test
    void aRewardAddsToAlphaAndItsComplementToBeta() {
        assertThat(Posterior.PRIOR.update(1.0)).isEqualTo(new Posterior(2, 1));
        assertThat(Posterior.PRIOR.update(0.0)).isEqualTo(new Posterior(1, 2));
        Posterior partial = Posterior.PRIOR.update(0.25).update(0.5);
        assertThat(partial.alpha()).isCloseTo(1.75, within(1e-12));
        assertThat(partial.beta()).isCloseTo(2.25, within(1e-12));
        assertThat(partial.mean()).isCloseTo(1.75 / 4.0, within(1e-12));
    }

    @Test
    void rewardsOutsideTheUnitIntervalAreRefused() {
        assertThatThrownBy(() -> Posterior.PRIOR.update(1.01)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> Posterior.PRIOR.update(-0.01)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> Posterior.PRIOR.update(Double.NaN)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new Posterior(0, 1)).isInstanceOf(IllegalArgumentException.class);
    }
}
