package dev.stride.roadmap;

import java.sql.Timestamp;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.Objects;

/** Columns of native queries as Java values: the JDBC driver and Hibernate hand a timestamptz over in several types. */
public final class NativeColumns {

    private NativeColumns() {
    }

    /** A non-null timestamptz column as an instant. */
    public static Instant instant(Object value) {
        Objects.requireNonNull(value, "a timestamp column");
        if (value instanceof Timestamp timestamp) {
            return timestamp.toInstant();
        }
        if (value instanceof Instant instant) {
            return instant;
        }
        return value instanceof OffsetDateTime time ? time.toInstant() : Instant.parse(value.toString());
    }
}
