package dev.stride.roadmap.plan;

import dev.stride.contracts.calendar.StudyCalendar;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;

import java.time.Instant;
import java.util.UUID;

/** The SEQUENCE of each session UID the feed serves, kept in {@code calendar_event}. */
@ApplicationScoped
public class CalendarSequences {

    private final EntityManager em;

    public CalendarSequences(EntityManager em) {
        this.em = em;
    }

    /**
     * 0 the first time a UID is served, the same while its content is unchanged, one more whenever it changed.
     * One statement, so two replicas answering the same calendar app at once agree.
     */
    @Transactional
    public int sequenceFor(String uid, UUID subscriptionId, String contentHash, Instant now) {
        Object sequence = em.createNativeQuery(StudyCalendar.SEQUENCE_UPSERT)
                .setParameter("uid", uid)
                .setParameter("subscriptionId", subscriptionId)
                .setParameter("hash", contentHash)
                .setParameter("now", now)
                .getSingleResult();
        return ((Number) sequence).intValue();
    }
}
