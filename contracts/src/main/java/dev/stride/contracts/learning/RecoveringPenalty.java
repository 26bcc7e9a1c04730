package dev.stride.contracts.learning;

import java.util.OptionalInt;

/**
 * The "recovering arms" twist (Yancey &amp; Settles, KDD 2020): a variant sent to this learner recently is less novel,
 * so its sampled score is scaled down by {@code 1 - strength * 0.5^(weeks / halfLifeWeeks)}; the penalty halves every
 * half-life and the arm recovers towards its full score. Strength 0 turns the twist off.
 *
 * @param strength      share of the score taken in the week the arm was sent, in [0, 1]
 * @param halfLifeWeeks weeks after which half the penalty is gone, positive
 */
public record RecoveringPenalty(double strength, double halfLifeWeeks) {

    /** No penalty: plain Thompson sampling. */
    public static final RecoveringPenalty OFF = new RecoveringPenalty(0.0, 1.0);

    public RecoveringPenalty {
        if (!(strength >= 0.0 && strength <= 1.0)) {
            throw new IllegalArgumentException("strength must be in [0, 1]: " + strength);
        }
        if (!(halfLifeWeeks > 0) || Double.isInfinite(halfLifeWeeks)) {
            throw new IllegalArgumentException("halfLifeWeeks must be positive and finite: " + halfLifeWeeks);
        }
    }

    /** The factor for an arm last sent this many weeks ago (negative counts as 0); never sent (empty) = 1. */
    public double factor(OptionalInt weeksSinceLastSent) {
        if (weeksSinceLastSent.isEmpty() || strength == 0.0) {
            return 1.0;
        }
        int weeks = Math.max(0, weeksSinceLastSent.getAsInt());
        return 1.0 - strength * Math.pow(0.5, weeks / halfLifeWeeks);
    }
}
