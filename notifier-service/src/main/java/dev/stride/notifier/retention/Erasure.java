package dev.stride.notifier.retention;

import io.quarkus.hibernate.orm.panache.Panache;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import org.jboss.logging.Logger;

import java.time.Clock;
import java.util.List;
import java.util.UUID;

/**
 * A learner's erasure (LearnerErased): their emails (sent or still to send), calendar UIDs and suppressions are deleted,
 * the address's too (matched by its hash, as contracts' Addresses computes it), and the subscription ids are remembered
 * in {@code erased_subscription} so an email request that comes late is dropped instead of sent.
 */
@ApplicationScoped
public class Erasure {

    private static final Logger LOG = Logger.getLogger(Erasure.class);

    /** PostgreSQL's form of Addresses.hash for an address stored trimmed and lower-cased. */
    private static final String HASH = "encode(sha256(convert_to(address, 'UTF8')), 'hex')";

    private final Clock clock;

    public Erasure(Clock clock) {
        this.clock = clock;
    }

    @Transactional(Transactional.TxType.MANDATORY)
    public void erase(String addressHash, List<UUID> subscriptionIds) {
        var em = Panache.getEntityManager();
        if (subscriptionIds != null && !subscriptionIds.isEmpty()) {
            for (String table : List.of("email_delivery", "calendar_event", "suppression")) {
                em.createNativeQuery("DELETE FROM " + table + " WHERE subscription_id IN (:ids)").setParameter("ids", subscriptionIds).executeUpdate();
            }
            for (UUID id : subscriptionIds) {
                em.createNativeQuery("INSERT INTO erased_subscription (subscription_id, erased_at) VALUES (?1, ?2) ON CONFLICT DO NOTHING")
                        .setParameter(1, id).setParameter(2, clock.instant()).executeUpdate();
            }
        }
        if (addressHash != null && !addressHash.isBlank()) {
            for (String table : List.of("suppression", "address_suppression")) {
                em.createNativeQuery("DELETE FROM " + table + " WHERE " + HASH + " = ?1").setParameter(1, addressHash).executeUpdate();
            }
        }
        LOG.infof("Erased subscription(s) %s", subscriptionIds);
    }

    @Transactional(Transactional.TxType.MANDATORY)
    public boolean erased(UUID subscriptionId) {
        return !Panache.getEntityManager().createNativeQuery("SELECT 1 FROM erased_subscription WHERE subscription_id = ?1")
                .setParameter(1, subscriptionId).getResultList().isEmpty();
    }
}
