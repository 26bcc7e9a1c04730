package dev.stride.contracts.learning;

import java.util.Collections;
import java.util.EnumSet;
import java.util.Set;

/**
 * Which variants are awake for a learner this week. An arm that is not eligible "sleeps": the policy never samples it,
 * and its posterior is neither helped nor hurt by the weeks it sleeps (Yancey &amp; Settles, KDD 2020).
 */
public final class Eligibility {

    /** A streak is worth showing from two weeks on. */
    public static final int MIN_STREAK_WEEKS = 2;

    private Eligibility() {
    }

    /** The awake arms, in declaration order; always contains {@link NudgeVariant#NEXT_STEP}. */
    public static Set<NudgeVariant> of(NudgeState state) {
        EnumSet<NudgeVariant> awake = EnumSet.of(NudgeVariant.NEXT_STEP);
        if (state.streakWeeks() >= MIN_STREAK_WEEKS) {
            awake.add(NudgeVariant.PROGRESS_STREAK);
        }
        if (state.finishProjected()) {
            awake.add(NudgeVariant.FINISH_DATE);
        }
        if (state.aheadMinutes() < 0) {
            awake.add(NudgeVariant.CATCH_UP);
        }
        if (state.projectWorkWithSteps()) {
            awake.add(NudgeVariant.PROJECT_RECIPE);
        }
        return Collections.unmodifiableSet(awake);
    }
}
