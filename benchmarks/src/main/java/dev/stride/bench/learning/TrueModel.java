package dev.stride.bench.learning;

import dev.stride.contracts.learning.NudgeState;
import dev.stride.contracts.learning.NudgeVariant;

import java.util.Map;

/**
 * The synthetic world's truth, which only the oracle reads. A learner makes progress in a week with probability
 * {@code base + lift(variant, context) * novelty}, where novelty = {@code exp(-decay * memory)} falls each time the
 * variant is repeated to the learner and recovers as the memory halves every {@link #MEMORY_HALF_LIFE_WEEKS}. The
 * lifts are made up but shaped like the variants' intent: catch-up helps those behind, the streak and the finish date
 * those on track or ahead, the recipe any project week; the default helps a little everywhere.
 */
final class TrueModel {

    static final double MEMORY_HALF_LIFE_WEEKS = 3.0;
    /** Minutes done in a progress week are the plan times U(0.6, 1.6), so the reward is E[min(1, 0.6 + U)] = 0.92. */
    static final double REWARD_IF_PROGRESS = 0.92;
    /** A learner with nothing done that week unsubscribes with this chance. */
    static final double CHURN_AFTER_IDLE_WEEK = 0.01;

    /** Lift per variant in the contexts behind, on-track, ahead. */
    private static final Map<NudgeVariant, double[]> LIFTS = Map.of(
            NudgeVariant.NEXT_STEP, new double[] {0.06, 0.06, 0.06},
            NudgeVariant.PROGRESS_STREAK, new double[] {0.02, 0.12, 0.10},
            NudgeVariant.FINISH_DATE, new double[] {-0.02, 0.08, 0.12},
            NudgeVariant.CATCH_UP, new double[] {0.14, 0.04, 0.0},
            NudgeVariant.PROJECT_RECIPE, new double[] {0.09, 0.09, 0.09});

    private final double decay;
    private final double memoryKeep = Math.pow(0.5, 1.0 / MEMORY_HALF_LIFE_WEEKS);

    TrueModel(double decay) {
        this.decay = decay;
    }

    /** How much of each variant's memory is left a week later. */
    double memoryKeep() {
        return memoryKeep;
    }

    double progressChance(Learner learner, NudgeState state, NudgeVariant variant) {
        double lift = LIFTS.get(variant)[contextIndex(state.context())];
        double novelty = Math.exp(-decay * learner.memory(variant));
        return Math.max(0.02, Math.min(0.98, learner.base + lift * novelty));
    }

    double expectedReward(Learner learner, NudgeState state, NudgeVariant variant) {
        return progressChance(learner, state, variant) * REWARD_IF_PROGRESS;
    }

    private static int contextIndex(String context) {
        return switch (context) {
            case NudgeState.BEHIND -> 0;
            case NudgeState.ON_TRACK -> 1;
            default -> 2;
        };
    }
}
