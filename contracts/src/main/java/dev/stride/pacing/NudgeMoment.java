package dev.stride.pacing;

import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.Objects;

/** When in the week the learner gets the nudge, in wall-clock time. */
public record NudgeMoment(DayOfWeek day, LocalTime time) {

    public static final NudgeMoment DEFAULT = new NudgeMoment(DayOfWeek.MONDAY, LocalTime.of(7, 30));

    public NudgeMoment {
        Objects.requireNonNull(day, "day");
        Objects.requireNonNull(time, "time");
    }

    /** This week's nudge as an instant in {@code zone}, resolved for its own date. */
    public ZonedDateTime dueIn(LocalDate weekStart, ZoneId zone) {
        Weeks.requireMonday(weekStart, "weekStart");
        Objects.requireNonNull(zone, "zone");
        // ZonedDateTime.of: a time in a DST gap moves forward by the gap's length, one in an overlap takes the earlier instant.
        return ZonedDateTime.of(Weeks.dayIn(weekStart, day), time, zone);
    }
}
