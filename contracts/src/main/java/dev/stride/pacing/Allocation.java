package dev.stride.pacing;

/**
 * Minutes of one milestone laid into a session, or with {@code habit} of one habit: then {@code milestoneId} holds the
 * habit's id. Habit minutes never count toward a milestone, the progress or the finish date.
 */
public record Allocation(String milestoneId, int minutes, boolean habit) {

    public Allocation {
        if (milestoneId == null || milestoneId.isBlank()) {
            throw new IllegalArgumentException("milestoneId must not be blank");
        }
        if (minutes <= 0) {
            throw new IllegalArgumentException("allocated minutes must be positive, was " + minutes + " for " + milestoneId);
        }
    }

    /** Minutes of a milestone. */
    public Allocation(String milestoneId, int minutes) {
        this(milestoneId, minutes, false);
    }

    public static Allocation ofHabit(String habitId, int minutes) {
        return new Allocation(habitId, minutes, true);
    }

    Allocation withMinutes(int newMinutes) {
        return new Allocation(milestoneId, newMinutes, habit);
    }
}
