package dev.stride.contracts.learning;

import dev.stride.contracts.event.NudgeDue;

/**
 * What the policy knows about a learner at dispatch: enough to decide which variants are awake ({@link Eligibility})
 * and which posterior to sample ({@link #context()}).
 *
 * @param aheadMinutes         minutes of planned work the learner is ahead of the plan (negative = behind)
 * @param streakWeeks          consecutive weeks, up to the last one, with progress
 * @param finishProjected      a finish date can be projected from the learner's pace
 * @param projectWorkWithSteps this week works on a project milestone that has recipe steps
 */
public record NudgeState(int aheadMinutes, int streakWeeks, boolean finishProjected, boolean projectWorkWithSteps) {

    /** The state a weekly nudge describes: the one reading, for the reminder choosing its variant and the notifier showing it. */
    public static NudgeState of(NudgeDue due) {
        boolean projectSteps = due.focus() != null
                && due.focus().stream().anyMatch(focus -> focus != null && focus.steps() != null && !focus.steps().isEmpty());
        return new NudgeState(due.aheadMinutes(), due.streakWeeks(), due.projectedFinish() != null, projectSteps);
    }

    /** More than an hour off the plan either way counts as behind or ahead; within an hour is on track. */
    public static final int ON_TRACK_MINUTES = 60;

    public static final String BEHIND = "behind";
    public static final String ON_TRACK = "on-track";
    public static final String AHEAD = "ahead";

    /**
     * The coarse learner state a posterior is kept per: {@code "behind"} when more than {@link #ON_TRACK_MINUTES}
     * behind, {@code "ahead"} when more than that ahead, else {@code "on-track"}. Coarse on purpose: three contexts
     * times five arms learn from a few hundred nudges, finer ones would each see too few.
     */
    public String context() {
        if (aheadMinutes < -ON_TRACK_MINUTES) {
            return BEHIND;
        }
        return aheadMinutes > ON_TRACK_MINUTES ? AHEAD : ON_TRACK;
    }
}
