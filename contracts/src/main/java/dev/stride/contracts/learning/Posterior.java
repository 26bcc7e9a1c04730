package dev.stride.contracts.learning;

/**
 * What the policy believes about one arm in one context: Beta(alpha, beta) over the arm's mean reward. Rewards are in
 * [0, 1] ({@link Reward}), so a fractional reward is a fractional success: alpha gains r, beta gains 1 - r.
 */
public record Posterior(double alpha, double beta) {

    /** Beta(1, 1): uniform, no belief yet. */
    public static final Posterior PRIOR = new Posterior(1.0, 1.0);

    public Posterior {
        if (!(alpha > 0) || !(beta > 0) || Double.isInfinite(alpha) || Double.isInfinite(beta)) {
            throw new IllegalArgumentException("alpha and beta must be positive and finite: " + alpha + ", " + beta);
        }
    }

    public Posterior update(double reward) {
        if (!(reward >= 0.0 && reward <= 1.0)) {
            throw new IllegalArgumentException("reward must be in [0, 1]: " + reward);
        }
        return new Posterior(alpha + reward, beta + 1.0 - reward);
    }

    public double mean() {
        return alpha / (alpha + beta);
    }
}
