package dev.stride.pacing;

/** Minutes of one milestone laid into a session. */
public record Allocation(String milestoneId, int minutes) {

    public Allocation {
        if (milestoneId == null || milestoneId.isBlank()) {
            throw new IllegalArgumentException("milestoneId must not be blank");
        }
        if (minutes <= 0) {
            throw new IllegalArgumentException("allocated minutes must be positive, was " + minutes + " for " + milestoneId);
        }
    }
}
