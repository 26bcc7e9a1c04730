package dev.stride.roadmap.outbox;

import io.quarkus.hibernate.orm.panache.PanacheRepository;
import jakarta.enterprise.context.ApplicationScoped;

import java.time.Instant;
import java.util.List;

@ApplicationScoped
public class OutboxRepository implements PanacheRepository<OutboxEvent> {

    /**
     * The next pending rows in write order that no other relay holds. The advisory lock per aggregate keeps
     * one subscription's (or roadmap's) events with one relay at a time, so several relays never reorder them.
     */
    @SuppressWarnings("unchecked")
    public List<OutboxEvent> claimPending(int limit) {
        return getEntityManager().createNativeQuery("""
                        SELECT * FROM outbox_event
                        WHERE published_at IS NULL AND pg_try_advisory_xact_lock(hashtext(aggregate_id))
                        ORDER BY seq
                        LIMIT :limit
                        FOR UPDATE SKIP LOCKED""", OutboxEvent.class)
                .setParameter("limit", limit)
                .getResultList();
    }

    /** How many rows wait and when the oldest of them was written (null when none waits), in one query. */
    public Pending pending() {
        Object[] row = (Object[]) getEntityManager()
                .createQuery("select count(e), min(e.occurredAt) from OutboxEvent e where e.publishedAt is null")
                .getSingleResult();
        return new Pending(((Number) row[0]).longValue(), (Instant) row[1]);
    }

    /** The rows not yet acknowledged by Kafka: their number and the oldest one's write time (null if none). */
    public record Pending(long count, Instant oldest) {
    }
}
