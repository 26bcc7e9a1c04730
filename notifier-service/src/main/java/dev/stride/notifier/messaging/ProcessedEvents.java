package dev.stride.notifier.messaging;

import io.quarkus.hibernate.orm.panache.Panache;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;

import java.time.Clock;
import java.util.UUID;

/** Event ids this service has applied ({@code processed_event}): a redelivered event finds its id and is dropped. */
@ApplicationScoped
public class ProcessedEvents {

    private final Clock clock;

    public ProcessedEvents(Clock clock) {
        this.clock = clock;
    }

    /** Records the id in the caller's transaction; false if it was already there. */
    @Transactional(Transactional.TxType.MANDATORY)
    public boolean firstTime(UUID eventId, String eventType) {
        return Panache.getEntityManager().createNativeQuery("""
                        INSERT INTO processed_event (event_id, event_type, processed_at) VALUES (:eventId, :eventType, :at)
                        ON CONFLICT (event_id) DO NOTHING""")
                .setParameter("eventId", eventId)
                .setParameter("eventType", eventType)
                .setParameter("at", clock.instant())
                .executeUpdate() == 1;
    }
}
