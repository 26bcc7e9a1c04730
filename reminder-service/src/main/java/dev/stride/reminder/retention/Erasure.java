package dev.stride.reminder.retention;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;
import org.jboss.logging.Logger;

import java.time.Clock;
import java.util.List;
import java.util.UUID;

/**
 * A learner's erasure (LearnerErased): everything this service holds about their subscriptions is deleted, and the ids
 * are remembered in {@code erased_subscription} (ids only), so an event that comes late does not bring any of it back.
 */
@ApplicationScoped
public class Erasure {

    private static final Logger LOG = Logger.getLogger(Erasure.class);

    private static final List<String> TABLES = List.of("subscription_projection", "milestone_state", "progress_day", "skipped_week",
            "plan_break", "nudge", "waiting_event");

    private final EntityManager em;
    private final Clock clock;

    public Erasure(EntityManager em, Clock clock) {
        this.em = em;
        this.clock = clock;
    }

    @Transactional(Transactional.TxType.MANDATORY)
    public void erase(List<UUID> subscriptionIds) {
        if (subscriptionIds == null || subscriptionIds.isEmpty()) {
            return;
        }
        for (String table : TABLES) {
            em.createNativeQuery("DELETE FROM " + table + " WHERE subscription_id IN (:ids)").setParameter("ids", subscriptionIds).executeUpdate();
        }
        for (UUID id : subscriptionIds) {
            em.createNativeQuery("INSERT INTO erased_subscription (subscription_id, erased_at) VALUES (?1, ?2) ON CONFLICT DO NOTHING")
                    .setParameter(1, id).setParameter(2, clock.instant()).executeUpdate();
        }
        LOG.infof("Erased subscription(s) %s", subscriptionIds);
    }

    /** Whether the event's aggregate is an erased subscription (roadmap ids are not UUIDs and never are). */
    @Transactional(Transactional.TxType.MANDATORY)
    public boolean erased(String aggregateId) {
        UUID id;
        try {
            id = UUID.fromString(aggregateId);
        } catch (IllegalArgumentException e) {
            return false;
        }
        return !em.createNativeQuery("SELECT 1 FROM erased_subscription WHERE subscription_id = ?1").setParameter(1, id).getResultList().isEmpty();
    }
}
