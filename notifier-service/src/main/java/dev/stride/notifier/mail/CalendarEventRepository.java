package dev.stride.notifier.mail;

import io.quarkus.hibernate.orm.panache.PanacheRepositoryBase;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;

import java.time.Instant;
import java.util.UUID;

@ApplicationScoped
public class CalendarEventRepository implements PanacheRepositoryBase<CalendarEvent, String> {

    /**
     * The SEQUENCE to send for this UID: 0 the first time, the same again while the content is unchanged
     * (a retried email), one more whenever it changed. One statement, so concurrent senders agree.
     */
    @Transactional
    public int sequenceFor(String uid, UUID subscriptionId, String contentHash, Instant now) {
        Object sequence = getEntityManager().createNativeQuery("""
                        INSERT INTO calendar_event AS known (uid, subscription_id, content_hash, sequence, updated_at)
                        VALUES (:uid, :subscriptionId, :hash, 0, :now)
                        ON CONFLICT (uid) DO UPDATE
                            SET sequence = CASE WHEN known.content_hash = EXCLUDED.content_hash THEN known.sequence ELSE known.sequence + 1 END,
                                updated_at = CASE WHEN known.content_hash = EXCLUDED.content_hash THEN known.updated_at ELSE EXCLUDED.updated_at END,
                                content_hash = EXCLUDED.content_hash
                        RETURNING sequence""")
                .setParameter("uid", uid)
                .setParameter("subscriptionId", subscriptionId)
                .setParameter("hash", contentHash)
                .setParameter("now", now)
                .getSingleResult();
        return ((Number) sequence).intValue();
    }
}
