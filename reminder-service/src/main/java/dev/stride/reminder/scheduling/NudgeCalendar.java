package dev.stride.reminder.scheduling;

import dev.stride.pacing.DateRange;
import dev.stride.pacing.NudgeMoment;

import java.time.DayOfWeek;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.time.temporal.TemporalAdjusters;
import java.util.Collection;
import java.util.Optional;
import java.util.Set;
import java.util.function.Predicate;

/**
 * When the nudge of a study week is due. A nudge on Monday to Thursday opens its own week; one on Friday
 * to Sunday prepares the next week, so it falls in the week before. The moment is resolved in the
 * learner's zone for its own date: a time in a DST gap moves forward by the gap, one in an overlap
 * takes the earlier instant.
 */
public final class NudgeCalendar {

    static final int HORIZON_WEEKS = 520;

    private NudgeCalendar() {
    }

    public static ZonedDateTime dueFor(LocalDate weekStart, NudgeMoment nudge, ZoneId zone) {
        LocalDate inWeek = nudge.day().compareTo(DayOfWeek.FRIDAY) >= 0 ? weekStart.minusWeeks(1) : weekStart;
        return nudge.dueIn(inWeek, zone);
    }

    /**
     * The first study week, from {@code earliestWeek} on, whose nudge is not before {@code now} and which is
     * neither skipped, nor has its nudge date inside a pause or snooze, nor is refused by {@code taken}.
     */
    public static Optional<LocalDate> nextWeek(LocalDate earliestWeek, Instant now, NudgeMoment nudge, ZoneId zone,
                                               Set<LocalDate> skippedWeeks, Collection<DateRange> breaks, Predicate<LocalDate> taken) {
        LocalDate week = earliestWeek.with(TemporalAdjusters.previousOrSame(DayOfWeek.MONDAY));
        for (int i = 0; i < HORIZON_WEEKS; i++, week = week.plusWeeks(1)) {
            ZonedDateTime due = dueFor(week, nudge, zone);
            LocalDate dueDate = due.toLocalDate();
            if (due.toInstant().isBefore(now) || skippedWeeks.contains(week) || taken.test(week)
                    || breaks.stream().anyMatch(range -> range.contains(dueDate))) {
                continue;
            }
            return Optional.of(week);
        }
        return Optional.empty();
    }

    public static LocalDate mondayOf(LocalDate date) {
        return date.with(TemporalAdjusters.previousOrSame(DayOfWeek.MONDAY));
    }

}
