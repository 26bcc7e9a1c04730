package dev.stride.pacing;

import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.LocalTime;
import java.util.Objects;

/** A weekly recurring study time in the learner's wall-clock time; it may run past midnight into the next day. */
public record StudySlot(DayOfWeek day, LocalTime start, int minutes) {

    public static final int MIN_MINUTES = 15;
    public static final int MAX_MINUTES = 8 * 60;

    public StudySlot {
        Objects.requireNonNull(day, "day");
        Objects.requireNonNull(start, "start");
        if (start.getSecond() != 0 || start.getNano() != 0) {
            throw new IllegalArgumentException("study slot start must be a whole minute, was " + start);
        }
        if (minutes < MIN_MINUTES || minutes > MAX_MINUTES) {
            throw new IllegalArgumentException("study slot must last " + MIN_MINUTES + " to " + MAX_MINUTES
                    + " minutes, was " + minutes + " (" + day + " " + start + ")");
        }
    }

    /** The date this slot starts on in the week beginning {@code weekStart}. */
    public LocalDate dateIn(LocalDate weekStart) {
        return Weeks.dayIn(weekStart, day);
    }

    int startMinuteOfWeek() {
        return (day.getValue() - 1) * Weeks.MINUTES_PER_DAY + start.getHour() * 60 + start.getMinute();
    }

    /** May exceed a week: a Sunday-night slot runs into the next Monday. */
    int endMinuteOfWeek() {
        return startMinuteOfWeek() + minutes;
    }

    @Override
    public String toString() {
        return day + " " + start + " for " + minutes + " min";
    }
}
