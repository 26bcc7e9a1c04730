package dev.stride.roadmap.outbox;

import io.quarkus.hibernate.orm.panache.PanacheRepository;
import jakarta.enterprise.context.ApplicationScoped;

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

    public long countPending() {
        return count("publishedAt is null");
    }
}
