package dev.stride.contracts.time;

import javax.sql.DataSource;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.Collection;
import java.util.Optional;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * The demo switch of a service's {@link AdjustableClock}, the one home of its rules for every service that has it:
 * it is on only where {@code stride.demo.clock-control} says so and never in the {@code prod} profile, it moves forward
 * by at most a year at a time, and its offset is kept in the service's own {@code clock_offset} table (one row, whole
 * seconds, only ever growing), so a restarted service or a second replica goes on at the demo's time. Where the switch
 * is off the stored offset is neither read nor written. Plain JDBC and JUL, so contracts stays plain Java.
 */
public final class DemoClock {

    /** The longest single step: a demo moves weeks, not years. */
    public static final Duration LONGEST_STEP = Duration.ofDays(366);
    private static final Logger LOG = Logger.getLogger(DemoClock.class.getName());

    private final AdjustableClock clock;
    private final DataSource dataSource;
    private final boolean enabled;

    /** {@code flag} is {@code stride.demo.clock-control}, {@code profiles} the active config profiles. */
    public DemoClock(AdjustableClock clock, DataSource dataSource, boolean flag, Collection<String> profiles) {
        this.clock = clock;
        this.dataSource = dataSource;
        this.enabled = flag && !profiles.contains("prod");
    }

    public boolean enabled() {
        return enabled;
    }

    /** The step asked for ({@code P7D} when none): empty with why when it is not an ISO-8601 duration forward of at most a year. */
    public static Step step(String by) {
        Duration duration;
        try {
            duration = Duration.parse(by == null || by.isBlank() ? "P7D" : by.strip());
        } catch (DateTimeParseException e) {
            return new Step(Optional.empty(), "must be an ISO-8601 duration such as P7D or PT12H");
        }
        if (duration.isNegative() || duration.compareTo(LONGEST_STEP) > 0) {
            return new Step(Optional.empty(), "must move forward, by at most a year");
        }
        return new Step(Optional.of(duration), null);
    }

    /** A parsed step, or why it was refused (for a problem naming the field {@code by}). */
    public record Step(Optional<Duration> duration, String refusal) {
    }

    /** At start, where the switch is on: catches up with the offset stored by an earlier run or another replica. */
    public void restore() {
        if (!enabled) {
            return;
        }
        try (Connection connection = dataSource.getConnection();
             PreparedStatement select = connection.prepareStatement("SELECT seconds FROM clock_offset WHERE id = 1");
             ResultSet row = select.executeQuery()) {
            if (row.next()) {
                Duration behind = Duration.ofSeconds(row.getLong(1)).minus(clock.offset());
                if (!behind.isNegative() && !behind.isZero()) {
                    clock.advance(behind);
                    LOG.log(Level.INFO, "Demo clock restored to {0} (offset {1})", new Object[]{clock.instant(), clock.offset()});
                }
            }
        } catch (SQLException e) {
            throw new IllegalStateException("cannot read the demo clock's offset", e);
        }
    }

    /** Moves the clock forward and stores the new offset (a larger one stored by another replica wins); the new now. */
    public Instant advance(Duration by) {
        if (!enabled) {
            throw new IllegalStateException("the demo clock is switched off here");
        }
        Instant now = clock.advance(by);
        try (Connection connection = dataSource.getConnection();
             PreparedStatement upsert = connection.prepareStatement("""
                     INSERT INTO clock_offset (id, seconds) VALUES (1, ?)
                     ON CONFLICT (id) DO UPDATE SET seconds = greatest(clock_offset.seconds, excluded.seconds)""")) {
            upsert.setLong(1, clock.offset().getSeconds());
            upsert.executeUpdate();
        } catch (SQLException e) {
            throw new IllegalStateException("cannot store the demo clock's offset", e);
        }
        return now;
    }

    public Duration offset() {
        return clock.offset();
    }
}
