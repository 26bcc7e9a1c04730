package dev.stride.notifier.mail;

import dev.stride.contracts.calendar.StudyCalendar;
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
        Object sequence = getEntityManager().createNativeQuery(StudyCalendar.SEQUENCE_UPSERT)
                .setParameter("uid", uid)
                .setParameter("subscriptionId", subscriptionId)
                .setParameter("hash", contentHash)
                .setParameter("now", now)
                .getSingleResult();
        return ((Number) sequence).intValue();
    }
}
