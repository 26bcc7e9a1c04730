package dev.stride.reminder.messaging;

import dev.stride.reminder.scheduling.ReminderSettings;
import io.micrometer.core.instrument.MeterRegistry;
import io.quarkus.runtime.Startup;
import io.quarkus.scheduler.Scheduled;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;
import org.jboss.logging.Logger;

import java.time.Clock;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Events for a subscription this service has not seen yet. Its activation may be late (another partition, a replay
 * of a dead-lettered record): the events wait, in arrival order, and are applied right after it. One that waits longer
 * than {@code stride.reminder.consumers.wait-for-subscription} belonged to nothing and is deleted.
 */
@ApplicationScoped
@Startup
public class WaitingEvents {

    private static final Logger LOG = Logger.getLogger(WaitingEvents.class);

    private final EntityManager em;
    private final Clock clock;
    private final ReminderSettings settings;
    private final AtomicLong count = new AtomicLong();

    public WaitingEvents(EntityManager em, Clock clock, ReminderSettings settings, MeterRegistry registry) {
        this.em = em;
        this.clock = clock;
        this.settings = settings;
        registry.gauge("stride.events.waiting", count);
    }

    @Transactional(Transactional.TxType.REQUIRES_NEW)
    public void await(UUID subscriptionId, UUID eventId, byte[] record) {
        em.createNativeQuery("INSERT INTO waiting_event (event_id, subscription_id, record, received_at) VALUES (?1, ?2, ?3, ?4) ON CONFLICT DO NOTHING")
                .setParameter(1, eventId).setParameter(2, subscriptionId).setParameter(3, record).setParameter(4, clock.instant())
                .executeUpdate();
        count.incrementAndGet();
    }

    /** Takes the records waiting for a subscription, oldest first, in the caller's transaction. */
    @Transactional(Transactional.TxType.MANDATORY)
    @SuppressWarnings("unchecked")
    public List<byte[]> release(UUID subscriptionId) {
        List<byte[]> records = em.createNativeQuery("SELECT record FROM waiting_event WHERE subscription_id = ?1 ORDER BY received_at, event_id")
                .setParameter(1, subscriptionId).getResultList();
        if (!records.isEmpty()) {
            em.createNativeQuery("DELETE FROM waiting_event WHERE subscription_id = ?1").setParameter(1, subscriptionId).executeUpdate();
            count.addAndGet(-records.size());
        }
        return records;
    }

    @Scheduled(every = "1h", delayed = "1m", skipExecutionIf = Scheduled.ApplicationNotRunning.class)
    @Transactional
    void expire() {
        int deleted = em.createNativeQuery("DELETE FROM waiting_event WHERE received_at < ?1")
                .setParameter(1, clock.instant().minus(settings.consumers().waitForSubscription())).executeUpdate();
        if (deleted > 0) {
            LOG.warnf("Deleted %d events that waited too long for a subscription that never came", deleted);
        }
        count.set(((Number) em.createNativeQuery("SELECT count(*) FROM waiting_event").getSingleResult()).longValue());
    }
}
