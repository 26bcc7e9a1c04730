package dev.stride.pacing;

import java.util.List;
import java.util.Objects;

/**
 * One in-play milestone of a roadmap as pacing sees it: its estimated study time, the learner's progress and the minutes
 * they logged against it while in progress (those count as done and are not laid again). {@code phaseId} (whose habits run
 * while it is laid), {@code kind} (for the weekly mix) and {@code requires} (milestone ids laid before it) may be null or
 * empty: no phase, no kind, no prerequisites beyond the order.
 */
public record MilestoneWork(String milestoneId, int minutes, ProgressState state, int loggedMinutes, String phaseId, String kind,
                            List<String> requires) {

    public MilestoneWork {
        if (milestoneId == null || milestoneId.isBlank()) {
            throw new IllegalArgumentException("milestoneId must not be blank");
        }
        if (minutes <= 0) {
            throw new IllegalArgumentException("minutes of milestone " + milestoneId + " must be positive, was " + minutes);
        }
        Objects.requireNonNull(state, "state");
        if (loggedMinutes < 0) {
            throw new IllegalArgumentException("logged minutes of milestone " + milestoneId + " must not be negative, was " + loggedMinutes);
        }
        requires = requires == null ? List.of() : List.copyOf(requires);
    }

    public MilestoneWork(String milestoneId, int minutes, ProgressState state, int loggedMinutes) {
        this(milestoneId, minutes, state, loggedMinutes, null, null, List.of());
    }

    public MilestoneWork(String milestoneId, int minutes, ProgressState state) {
        this(milestoneId, minutes, state, 0);
    }

    public boolean remains() {
        return state.remains();
    }

    /** What counts as done: all of a DONE milestone, the logged minutes (at most its estimate) of one IN_PROGRESS. */
    public int doneMinutes() {
        return switch (state) {
            case DONE -> minutes;
            case IN_PROGRESS -> Math.min(loggedMinutes, minutes);
            default -> 0;
        };
    }

    /** What is still to lay: nothing of a DONE or SKIPPED milestone, the estimate less what was logged otherwise. */
    public int leftMinutes() {
        return remains() ? minutes - doneMinutes() : 0;
    }

    public MilestoneWork withState(ProgressState newState) {
        return new MilestoneWork(milestoneId, minutes, newState, loggedMinutes, phaseId, kind, requires);
    }

    /** The same milestone with its place in the roadmap: phase, kind and prerequisites. */
    public MilestoneWork in(String newPhaseId, String newKind, List<String> newRequires) {
        return new MilestoneWork(milestoneId, minutes, state, loggedMinutes, newPhaseId, newKind, newRequires);
    }
}
