package dev.stride.contracts.learning;

import java.util.Arrays;
import java.util.Optional;

/**
 * The content strategies of the weekly email: the arms the learning policy picks from. {@link #NEXT_STEP} is the
 * default (learning off, the holdout, a learner who opted out of measurement, or no other arm awake). Which arms are
 * eligible for a nudge is decided by {@code Eligibility}; how one is picked, by the policy.
 */
public enum NudgeVariant {
    /** Default: the next concrete step first, then the week's sessions. Always eligible. */
    NEXT_STEP("next-step"),
    /** Progress and streak first. Eligible only with a streak of at least two weeks. */
    PROGRESS_STREAK("progress-streak"),
    /** The projected finish date first, and what this week does to it. Eligible when a finish date is projected. */
    FINISH_DATE("finish-date"),
    /** A lighter catch-up week proposal. Eligible only when the learner is behind. */
    CATCH_UP("catch-up"),
    /** The project's recipe steps as a checklist. Eligible only when this week works on a project milestone with steps. */
    PROJECT_RECIPE("project-recipe");

    private final String id;

    NudgeVariant(String id) {
        this.id = id;
    }

    /** The stable id carried in {@code NudgeDue.Variant#id}, stored in the databases and shown to operators. */
    public String id() {
        return id;
    }

    public static Optional<NudgeVariant> byId(String id) {
        return Arrays.stream(values()).filter(variant -> variant.id.equals(id)).findFirst();
    }

    /** Why a nudge got its variant (carried as {@code NudgeDue.Variant#reason}). */
    public enum Reason {
        /** Learning is off (globally or for this roadmap): the default. */
        LEARNING_OFF,
        /** The learner opted out of measurement on the manage page: the default. */
        OPTED_OUT,
        /** The learner is in the random holdout: the default, to measure the lift. */
        HOLDOUT,
        /** Only the default was eligible this week (every other arm asleep). */
        ONLY_ELIGIBLE,
        /** Thompson sampling over the eligible arms, after the recovering penalty, picked it. */
        SAMPLED
    }
}
