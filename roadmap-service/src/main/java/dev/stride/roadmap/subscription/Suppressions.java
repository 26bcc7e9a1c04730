package dev.stride.roadmap.subscription;

import dev.stride.contracts.Topics;
import dev.stride.contracts.event.AddressSuppressed;
import dev.stride.contracts.event.AddressUnsuppressed;
import dev.stride.contracts.privacy.Addresses;
import dev.stride.roadmap.NativeColumns;
import dev.stride.roadmap.outbox.Outbox;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;

import java.time.Clock;
import java.time.Instant;
import java.util.Optional;

/**
 * Suppressed addresses (table {@code suppressed_address}, by hash only): no subscription is made for them and
 * notifier-service sends them nothing ({@link AddressSuppressed}, published once, key = the hash). The one home of
 * adding and lifting a suppression: {@link NotMe} adds one for its learner, the operators' console adds and lifts them.
 */
@ApplicationScoped
public class Suppressions {

    /** Why an address is suppressed, as the console shows it. */
    public record Suppression(String reason, Instant at) {
    }

    private final EntityManager em;
    private final Outbox outbox;
    private final Clock clock;

    public Suppressions(EntityManager em, Outbox outbox, Clock clock) {
        this.em = em;
        this.outbox = outbox;
        this.clock = clock;
    }

    /** Suppresses the address for {@code reason}; true if it was not suppressed before (only then is the event written). */
    @Transactional(Transactional.TxType.MANDATORY)
    public boolean suppress(String address, String reason) {
        String hash = Addresses.hash(address);
        Instant now = clock.instant();
        int added = em.createNativeQuery("INSERT INTO suppressed_address (address_hash, reason, at) VALUES (?1, ?2, ?3) ON CONFLICT DO NOTHING")
                .setParameter(1, hash).setParameter(2, reason).setParameter(3, now).executeUpdate();
        if (added == 1) {
            outbox.add(Topics.SUBSCRIPTION_EVENTS, hash, new AddressSuppressed(hash, reason, now));
        }
        return added == 1;
    }

    /**
     * Lifts the suppression of the learner's address and their hard bounce, if they have either; {@link AddressUnsuppressed}
     * (key = the hash) is written only when something was lifted. True if something was.
     */
    @Transactional(Transactional.TxType.MANDATORY)
    public boolean unsuppress(Learner learner, String operator) {
        String hash = Addresses.hash(learner.email);
        int removed = em.createNativeQuery("DELETE FROM suppressed_address WHERE address_hash = ?1").setParameter(1, hash).executeUpdate();
        boolean bounced = learner.bouncedAt != null;
        learner.bouncedAt = null;
        learner.bounceReason = null;
        if (removed == 0 && !bounced) {
            return false;
        }
        outbox.add(Topics.SUBSCRIPTION_EVENTS, hash, new AddressUnsuppressed(hash, operator, clock.instant()));
        return true;
    }

    /** Whether the address is suppressed: nothing is stored or sent for it. */
    public boolean suppressed(String address) {
        return of(address).isPresent();
    }

    /** The address's suppression, if it has one. */
    @SuppressWarnings("unchecked")
    public Optional<Suppression> of(String address) {
        return ((java.util.List<Object[]>) em.createNativeQuery("SELECT reason, at FROM suppressed_address WHERE address_hash = ?1")
                .setParameter(1, Addresses.hash(address)).getResultList()).stream()
                .findFirst().map(row -> new Suppression((String) row[0], NativeColumns.instant(row[1])));
    }
}
