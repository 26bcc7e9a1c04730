package dev.stride.pacing;

import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.temporal.TemporalAdjusters;

/** ISO weeks: Monday to Sunday, named by their Monday. */
final class Weeks {

    static final int MINUTES_PER_DAY = 24 * 60;
    static final int MINUTES_PER_WEEK = 7 * MINUTES_PER_DAY;

    private Weeks() {
    }

    static LocalDate mondayOf(LocalDate date) {
        return date.with(TemporalAdjusters.previousOrSame(DayOfWeek.MONDAY));
    }

    static LocalDate dayIn(LocalDate weekStart, DayOfWeek day) {
        return weekStart.plusDays(day.getValue() - 1L);
    }

    static LocalDate requireMonday(LocalDate date, String name) {
        if (date == null) {
            throw new IllegalArgumentException(name + " must not be null");
        }
        if (date.getDayOfWeek() != DayOfWeek.MONDAY) {
            throw new IllegalArgumentException(name + " must be a Monday (a week start), was " + date + " (" + date.getDayOfWeek() + ")");
        }
        return date;
    }
}
