package dev.stride.pacing;

import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.List;
import java.util.Objects;

/**
 * One occurrence of a study slot, in local wall time, and the work laid into it: habits first (a week's habits take its
 * first sessions), then milestones in the order the pacer lays them.
 */
public record Session(LocalDate date, LocalTime start, int minutes, List<Allocation> work) {

    public Session {
        Objects.requireNonNull(date, "date");
        Objects.requireNonNull(start, "start");
        work = List.copyOf(Objects.requireNonNull(work, "work"));
        if (minutes <= 0) {
            throw new IllegalArgumentException("session minutes must be positive, was " + minutes);
        }
        if (work.isEmpty()) {
            throw new IllegalArgumentException("a session on " + date + " " + start + " must hold some work");
        }
        int planned = work.stream().mapToInt(Allocation::minutes).sum();
        if (planned > minutes) {
            throw new IllegalArgumentException("a session of " + minutes + " minutes on " + date + " cannot hold " + planned + " minutes of work");
        }
    }

    public LocalDateTime startDateTime() {
        return LocalDateTime.of(date, start);
    }

    /** The wall-clock end, as the learner would read it on the slot's own terms. */
    public LocalDateTime end() {
        return startDateTime().plusMinutes(minutes);
    }

    public ZonedDateTime startIn(ZoneId zone) {
        // ZonedDateTime.of: a start in a DST gap moves forward by the gap's length, one in an overlap takes the earlier instant.
        return ZonedDateTime.of(startDateTime(), zone);
    }

    /** Everything laid into the session, habits included. */
    public int plannedMinutes() {
        return work.stream().mapToInt(Allocation::minutes).sum();
    }

    public int milestoneMinutes() {
        return work.stream().filter(a -> !a.habit()).mapToInt(Allocation::minutes).sum();
    }

    public int habitMinutes() {
        return plannedMinutes() - milestoneMinutes();
    }

    public boolean holdsMilestoneWork() {
        return work.stream().anyMatch(a -> !a.habit());
    }
}
