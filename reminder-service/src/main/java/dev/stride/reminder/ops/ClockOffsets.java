package dev.stride.reminder.ops;

import dev.stride.contracts.time.AdjustableClock;
import io.quarkus.runtime.StartupEvent;
import jakarta.annotation.Priority;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;
import org.jboss.logging.Logger;

import java.time.Duration;
import java.time.Instant;
import java.util.List;

/**
 * Keeps the demo clock's offset in the database, so a restarted service (or a second replica) goes on at the demo's
 * time instead of falling back to today and treating every nudge the demo made due as not due yet. In production
 * the offset is never moved and the row never exists.
 */
@ApplicationScoped
public class ClockOffsets {

    private static final Logger LOG = Logger.getLogger(ClockOffsets.class);

    private final EntityManager em;
    private final AdjustableClock clock;

    public ClockOffsets(EntityManager em, AdjustableClock clock) {
        this.em = em;
        this.clock = clock;
    }

    /** Early at start (before the dispatcher's first tick), catches up with the offset stored by an earlier run. */
    @Transactional
    public void restore(@Observes @Priority(1) StartupEvent start) {
        @SuppressWarnings("unchecked")
        List<Number> stored = em.createNativeQuery("SELECT seconds FROM clock_offset WHERE id = 1").getResultList();
        if (!stored.isEmpty()) {
            Duration behind = Duration.ofSeconds(stored.get(0).longValue()).minus(clock.offset());
            if (!behind.isNegative() && !behind.isZero()) {
                clock.advance(behind);
                LOG.infof("Demo clock restored to %s (offset %s)", clock.instant(), clock.offset());
            }
        }
    }

    /** Moves the clock forward and stores the new offset; an offset stored by another replica that is larger wins. */
    @Transactional
    public Instant advance(Duration by) {
        Instant now = clock.advance(by);
        em.createNativeQuery("""
                        INSERT INTO clock_offset (id, seconds) VALUES (1, ?1)
                        ON CONFLICT (id) DO UPDATE SET seconds = greatest(clock_offset.seconds, excluded.seconds)""")
                .setParameter(1, clock.offset().getSeconds()).executeUpdate();
        return now;
    }
}
