package dev.stride.roadmap.subscription;

import dev.stride.roadmap.subscription.Repositories.SubscriptionRepository;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;

import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

/**
 * "This wasn't me — never email me again": the owner of an address someone else subscribed suppresses it for all of
 * Stride. Its pending subscriptions expire, its live (active or paused) ones end as an unsubscribe does ({@link Leaving},
 * reason {@code not-me}: the reminder stops, the notifier sends no goodbye), no new one is made for it, and
 * {@link Suppressions} suppresses it ({@code AddressSuppressed} once, through the outbox, written before the Unsubscribed
 * events, tells notifier-service to send it nothing of any kind). All in one transaction; only the address's hash is kept.
 */
@ApplicationScoped
public class NotMe {

    public static final String REASON = "not-me";

    private final Suppressions suppressions;
    private final SubscriptionRepository subscriptions;
    private final Leaving leaving;
    private final Clock clock;

    public NotMe(Suppressions suppressions, SubscriptionRepository subscriptions, Leaving leaving, Clock clock) {
        this.suppressions = suppressions;
        this.subscriptions = subscriptions;
        this.leaving = leaving;
        this.clock = clock;
    }

    /** Suppresses the address of the subscription the link was sent for. Saying it twice changes nothing more. */
    @Transactional
    public void suppress(UUID subscriptionId) {
        Subscription subscription = subscriptions.findByIdOptional(subscriptionId)
                .orElseThrow(() -> dev.stride.roadmap.problem.ProblemException.notFound("Subscription " + subscriptionId));
        Instant now = clock.instant();
        suppressions.suppress(subscription.learner.email, REASON);
        subscriptions.update("status = ?1, endedAt = ?2 where learner.id = ?3 and status = ?4",
                Subscription.Status.EXPIRED, now, subscription.learner.id, Subscription.Status.PENDING);
        for (Subscription live : subscriptions.list("learner.id = ?1 and status in ?2", subscription.learner.id,
                List.of(Subscription.Status.ACTIVE, Subscription.Status.PAUSED))) {
            leaving.end(live, REASON);
        }
    }

    /** Whether the address was suppressed: nothing is stored or sent for it. */
    public boolean suppressed(String address) {
        return suppressions.suppressed(address);
    }
}
