package dev.stride.pacing;

import java.util.Objects;

/** One milestone of a roadmap as pacing sees it: its estimated study time and the learner's progress. */
public record MilestoneWork(String milestoneId, int minutes, ProgressState state) {

    public MilestoneWork {
        if (milestoneId == null || milestoneId.isBlank()) {
            throw new IllegalArgumentException("milestoneId must not be blank");
        }
        if (minutes <= 0) {
            throw new IllegalArgumentException("minutes of milestone " + milestoneId + " must be positive, was " + minutes);
        }
        Objects.requireNonNull(state, "state");
    }

    public boolean remains() {
        return state.remains();
    }

    public MilestoneWork withState(ProgressState newState) {
        return new MilestoneWork(milestoneId, minutes, newState);
    }
}
