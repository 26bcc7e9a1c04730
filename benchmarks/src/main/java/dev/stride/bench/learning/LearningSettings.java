package dev.stride.bench.learning;

import dev.stride.contracts.learning.RecoveringPenalty;

/**
 * One simulator run's size and knobs, each a system property: {@code -Dlearners=2000 -Dweeks=52 -Dseeds=10}
 * {@code -Ddecay=0.3} (novelty decay of the synthetic learners; 0 = a variant works as well the tenth time as the
 * first) {@code -Dpenalty=0.3 -Dpenalty.halfLife=2} (the bandit's recovering term, as the reminder is configured).
 */
public record LearningSettings(int learners, int weeks, int seeds, double decay, RecoveringPenalty penalty) {

    public static final double DEFAULT_DECAY = 0.3;

    public static LearningSettings documented() {
        return new LearningSettings(2_000, 52, 10, DEFAULT_DECAY, new RecoveringPenalty(0.3, 2.0));
    }

    public static LearningSettings fromProperties() {
        LearningSettings base = documented();
        return new LearningSettings(Integer.getInteger("learners", base.learners()), Integer.getInteger("weeks", base.weeks()),
                Integer.getInteger("seeds", base.seeds()), doubleProperty("decay", base.decay()),
                new RecoveringPenalty(doubleProperty("penalty", base.penalty().strength()),
                        doubleProperty("penalty.halfLife", base.penalty().halfLifeWeeks())));
    }

    public LearningSettings withSize(int learners, int weeks, int seeds) {
        return new LearningSettings(learners, weeks, seeds, decay, penalty);
    }

    public LearningSettings withDecay(double decay) {
        return new LearningSettings(learners, weeks, seeds, decay, penalty);
    }

    public String describe() {
        return "learners " + learners + ", weeks " + weeks + ", seeds " + seeds + ", novelty decay " + decay
                + ", recovering penalty " + penalty.strength() + " (half-life " + penalty.halfLifeWeeks() + " weeks)";
    }

    private static double doubleProperty(String name, double fallback) {
        String value = System.getProperty(name);
        return value == null || value.isBlank() ? fallback : Double.parseDouble(value.trim());
    }
}
