package dev.stride.roadmap.plan;

import dev.stride.contracts.calendar.StudyCalendar;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;

import java.time.Instant;
import java.util.UUID;

/**
 * The SEQUENCE of each session UID the feed serves. By the shared rule ({@link StudyCalendar#sequenceAsOf}) it is the
 * time the content was computed; a feed computes its content at every fetch, so {@code calendar_event} remembers when
 * each UID's current content was first served, and an unchanged session keeps its SEQUENCE from fetch to fetch.
 */
@ApplicationScoped
public class CalendarSequences {

    /**
     * New content takes the SEQUENCE of {@code now}, and never less than one above the last (a clock set back, or the rows
     * of the counter this table held before the shared rule).
     */
    private static final String UPSERT = """
            INSERT INTO calendar_event AS known (uid, subscription_id, content_hash, sequence, updated_at)
            VALUES (:uid, :subscriptionId, :hash, :sequence, :now)
            ON CONFLICT (uid) DO UPDATE
                SET sequence = CASE WHEN known.content_hash = EXCLUDED.content_hash THEN known.sequence
                                    ELSE GREATEST(EXCLUDED.sequence, known.sequence + 1) END,
                    updated_at = CASE WHEN known.content_hash = EXCLUDED.content_hash THEN known.updated_at ELSE EXCLUDED.updated_at END,
                    content_hash = EXCLUDED.content_hash
            RETURNING sequence""";

    private final EntityManager em;

    public CalendarSequences(EntityManager em) {
        this.em = em;
    }

    /** One statement, so two replicas answering the same calendar app at once agree. */
    @Transactional
    public int sequenceFor(String uid, UUID subscriptionId, String contentHash, Instant now) {
        Object sequence = em.createNativeQuery(UPSERT)
                .setParameter("uid", uid)
                .setParameter("subscriptionId", subscriptionId)
                .setParameter("hash", contentHash)
                .setParameter("sequence", StudyCalendar.sequenceAsOf(now))
                .setParameter("now", now)
                .getSingleResult();
        return ((Number) sequence).intValue();
    }
}
