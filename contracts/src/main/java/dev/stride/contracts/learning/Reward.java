package dev.stride.contracts.learning;

/**
 * The one rule for a nudge's reward: progress in the 7 days after it, not opens. The share of the week's planned
 * minutes the learner moved forward (minutes of milestones marked done plus minutes logged), capped at 1; 0 when the
 * learner unsubscribed in the window. A week with nothing planned rewards any progress with 1.
 */
public final class Reward {

    /** How long after a nudge its outcome is measured. */
    public static final java.time.Duration WINDOW = java.time.Duration.ofDays(7);

    private Reward() {
    }

    public static double of(int progressMinutes, int plannedMinutes, boolean unsubscribed) {
        if (unsubscribed || progressMinutes <= 0) {
            return 0.0;
        }
        if (plannedMinutes <= 0) {
            return 1.0;
        }
        return Math.min(1.0, (double) progressMinutes / plannedMinutes);
    }
}
