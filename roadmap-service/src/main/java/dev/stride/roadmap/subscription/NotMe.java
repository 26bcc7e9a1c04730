package dev.stride.roadmap.subscription;

import dev.stride.contracts.Topics;
import dev.stride.contracts.event.AddressSuppressed;
import dev.stride.contracts.privacy.Addresses;
import dev.stride.roadmap.outbox.Outbox;
import dev.stride.roadmap.subscription.Repositories.SubscriptionRepository;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;

import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

/**
 * "This wasn't me — never email me again": the owner of an address someone else subscribed suppresses it for all of
 * Stride. Its pending subscriptions expire, its live (active or paused) ones end as an unsubscribe does ({@link Leaving},
 * reason {@code not-me}: the reminder stops, the notifier sends no goodbye), no new one is made for it, and
 * {@link AddressSuppressed} (once, through the outbox, written before the Unsubscribed events) tells notifier-service to
 * send it nothing of any kind. All in one transaction; only the address's hash is kept.
 */
@ApplicationScoped
public class NotMe {

    public static final String REASON = "not-me";

    private final EntityManager em;
    private final SubscriptionRepository subscriptions;
    private final Outbox outbox;
    private final Leaving leaving;
    private final Clock clock;

    public NotMe(EntityManager em, SubscriptionRepository subscriptions, Outbox outbox, Leaving leaving, Clock clock) {
        this.em = em;
        this.subscriptions = subscriptions;
        this.outbox = outbox;
        this.leaving = leaving;
        this.clock = clock;
    }

    /** Suppresses the address of the subscription the link was sent for. Saying it twice changes nothing more. */
    @Transactional
    public void suppress(UUID subscriptionId) {
        Subscription subscription = subscriptions.findByIdOptional(subscriptionId)
                .orElseThrow(() -> dev.stride.roadmap.problem.ProblemException.notFound("Subscription " + subscriptionId));
        String hash = Addresses.hash(subscription.learner.email);
        Instant now = clock.instant();
        int added = em.createNativeQuery("INSERT INTO suppressed_address (address_hash, reason, at) VALUES (?1, ?2, ?3) ON CONFLICT DO NOTHING")
                .setParameter(1, hash).setParameter(2, REASON).setParameter(3, now).executeUpdate();
        subscriptions.update("status = ?1, endedAt = ?2 where learner.id = ?3 and status = ?4",
                Subscription.Status.EXPIRED, now, subscription.learner.id, Subscription.Status.PENDING);
        if (added == 1) {
            outbox.add(Topics.SUBSCRIPTION_EVENTS, hash, new AddressSuppressed(hash, REASON, now));
        }
        for (Subscription live : subscriptions.list("learner.id = ?1 and status in ?2", subscription.learner.id,
                List.of(Subscription.Status.ACTIVE, Subscription.Status.PAUSED))) {
            leaving.end(live, REASON);
        }
    }

    /** Whether the address was suppressed: nothing is stored or sent for it. */
    public boolean suppressed(String address) {
        return ((Number) em.createNativeQuery("SELECT count(*) FROM suppressed_address WHERE address_hash = ?1")
                .setParameter(1, Addresses.hash(address)).getSingleResult()).longValue() > 0;
    }
}
