package dev.stride.pacing;

import java.time.LocalDate;
import java.util.List;
import java.util.Objects;

/** One calendar week of the schedule; {@code weekNumber} 1 is the ISO week holding the start date. */
public record ScheduledWeek(LocalDate weekStart, int weekNumber, List<Session> sessions) {

    public ScheduledWeek {
        Weeks.requireMonday(weekStart, "weekStart");
        if (weekNumber < 1) {
            throw new IllegalArgumentException("weekNumber must be 1 or more, was " + weekNumber);
        }
        sessions = List.copyOf(Objects.requireNonNull(sessions, "sessions"));
    }

    public int plannedMinutes() {
        return sessions.stream().mapToInt(Session::plannedMinutes).sum();
    }
}
