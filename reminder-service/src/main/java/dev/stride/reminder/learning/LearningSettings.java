package dev.stride.reminder.learning;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import jakarta.validation.constraints.DecimalMax;
import jakarta.validation.constraints.DecimalMin;
import jakarta.validation.constraints.Positive;

import java.util.Optional;
import java.util.Set;

/**
 * Nudges that learn (issue 19): whether the dispatcher picks a content strategy per weekly nudge, for which roadmaps, how
 * many learners keep the default to measure the lift, and how strongly a recently sent strategy is held back. Each has an
 * environment-variable form (STRIDE_LEARNING_ENABLED, STRIDE_LEARNING_HOLDOUT_SHARE, ...). Out-of-range values stop the
 * service at start (Bean Validation), not each dispatch.
 */
@ConfigMapping(prefix = "stride.learning")
public interface LearningSettings {

    /** Off: every weekly nudge gets the default content ({@code NEXT_STEP}, reason {@code LEARNING_OFF}). */
    @WithDefault("true")
    boolean enabled();

    /** The share of subscriptions (a stable hash of the id) that always get the default, to measure the lift; in [0, 1]. */
    @WithDefault("0.10")
    @DecimalMin("0")
    @DecimalMax("1")
    double holdoutShare();

    /** Roadmap ids learning is off for (comma-separated); none by default. */
    Optional<Set<String>> disabledRoadmaps();

    Recovering recovering();

    interface Recovering {
        /** How much a strategy sent to this learner last week is held back (0 = off); 0.3 keeps 70 % of its score. */
        @WithDefault("0.3")
        @DecimalMin("0")
        @DecimalMax("1")
        double strength();

        /** The penalty halves every this many weeks. */
        @WithDefault("2")
        @Positive
        double halfLifeWeeks();
    }

    /** Whether learning runs for nudges of {@code roadmapId}. */
    default boolean onFor(String roadmapId) {
        return enabled() && disabledRoadmaps().map(roadmaps -> !roadmaps.contains(roadmapId)).orElse(true);
    }
}
