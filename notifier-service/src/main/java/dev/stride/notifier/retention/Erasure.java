package dev.stride.notifier.retention;

import io.quarkus.hibernate.orm.panache.Panache;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import org.jboss.logging.Logger;

import java.time.Clock;
import java.util.List;
import java.util.UUID;

/**
 * A learner's erasure (LearnerErased): their emails (sent or still to send), nudges held for a digest, calendar UIDs and per-subscription
 * suppressions are deleted (the address's too, matched by its hash as contracts' Addresses computes it); a suppression of
 * the whole address (hard bounce, not me) keeps only its hash, so erasure never makes an address mailable again; and
 * the subscription ids are remembered in {@code erased_subscription} so an email request that comes late is dropped instead of sent.
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
    public void erase(UUID learnerId, String addressHash, List<UUID> subscriptionIds) {
        var em = Panache.getEntityManager();
        if (learnerId != null) {
            // The emails about the learner rather than a subscription (sign-in, a new address) are kept under the learner id.
            em.createNativeQuery("DELETE FROM email_delivery WHERE subscription_id = ?1").setParameter(1, learnerId).executeUpdate();
        }
        if (subscriptionIds != null && !subscriptionIds.isEmpty()) {
            for (String table : List.of("email_delivery", "digest_part", "calendar_event", "suppression")) {
                em.createNativeQuery("DELETE FROM " + table + " WHERE subscription_id IN (:ids)").setParameter("ids", subscriptionIds).executeUpdate();
            }
            for (UUID id : subscriptionIds) {
                em.createNativeQuery("INSERT INTO erased_subscription (subscription_id, erased_at) VALUES (?1, ?2) ON CONFLICT DO NOTHING")
                        .setParameter(1, id).setParameter(2, clock.instant()).executeUpdate();
            }
        }
        if (addressHash != null && !addressHash.isBlank()) {
            em.createNativeQuery("DELETE FROM suppression WHERE " + HASH + " = ?1").setParameter(1, addressHash).executeUpdate();
            // A suppression of the whole address (hard bounce, "this wasn't me") stays in force, by its hash alone.
            em.createNativeQuery("UPDATE address_suppression SET address = NULL, smtp_reply = NULL, email_id = NULL WHERE address_hash = ?1")
                    .setParameter(1, addressHash).executeUpdate();
            // When it was last lifted: without it, a suppression made before that lift and still on its way is applied,
            // which errs towards sending nothing.
            em.createNativeQuery("DELETE FROM address_lift WHERE address_hash = ?1").setParameter(1, addressHash).executeUpdate();
        }
        LOG.infof("Erased subscription(s) %s", subscriptionIds);
    }

    @Transactional(Transactional.TxType.MANDATORY)
    public boolean erased(UUID subscriptionId) {
        return !Panache.getEntityManager().createNativeQuery("SELECT 1 FROM erased_subscription WHERE subscription_id = ?1")
                .setParameter(1, subscriptionId).getResultList().isEmpty();
    }
}
