package dev.stride.pacing;

/** Ongoing practice while its phase is active: {@code minutesPerWeek} taken from each such week first. */
public record Habit(String habitId, String phaseId, int minutesPerWeek) {

    public Habit {
        if (habitId == null || habitId.isBlank()) {
            throw new IllegalArgumentException("habitId must not be blank");
        }
        if (phaseId == null || phaseId.isBlank()) {
            throw new IllegalArgumentException("the phase of habit " + habitId + " must not be blank");
        }
        if (minutesPerWeek <= 0) {
            throw new IllegalArgumentException("minutes per week of habit " + habitId + " must be positive, was " + minutesPerWeek);
        }
    }
}
