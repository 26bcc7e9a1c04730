package dev.stride.pacing;

import java.time.LocalDate;
import java.util.Objects;

/** Local dates from {@code start} up to, not including, {@code endExclusive}; a null end means open-ended. */
public record DateRange(LocalDate start, LocalDate endExclusive) {

    public DateRange {
        Objects.requireNonNull(start, "start");
        if (endExclusive != null && !endExclusive.isAfter(start)) {
            throw new IllegalArgumentException("a date range must end after it starts: " + start + " to " + endExclusive);
        }
    }

    public static DateRange openEnded(LocalDate start) {
        return new DateRange(start, null);
    }

    public boolean isOpenEnded() {
        return endExclusive == null;
    }

    public boolean contains(LocalDate date) {
        return !date.isBefore(start) && (endExclusive == null || date.isBefore(endExclusive));
    }
}
