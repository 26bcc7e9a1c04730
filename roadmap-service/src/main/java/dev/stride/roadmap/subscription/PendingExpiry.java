package dev.stride.roadmap.subscription;

import dev.stride.roadmap.subscription.Repositories.SubscriptionRepository;
import io.quarkus.scheduler.Scheduled;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import org.jboss.logging.Logger;

import java.time.Clock;
import java.util.List;

/** Unconfirmed subscriptions expire after the confirmation window, freeing the email to subscribe again. */
@ApplicationScoped
public class PendingExpiry {

    private static final Logger LOG = Logger.getLogger(PendingExpiry.class);

    private final SubscriptionRepository subscriptions;
    private final Clock clock;

    public PendingExpiry(SubscriptionRepository subscriptions, Clock clock) {
        this.subscriptions = subscriptions;
        this.clock = clock;
    }

    @Scheduled(every = "${stride.subscriptions.expiry-check}", concurrentExecution = Scheduled.ConcurrentExecution.SKIP,
            skipExecutionIf = Scheduled.ApplicationNotRunning.class)
    void expire() {
        int expired;
        do {
            expired = expirePending(500);
            if (expired > 0) {
                LOG.infof("%d unconfirmed subscription(s) expired", expired);
            }
        } while (expired == 500);
    }

    /** Pending subscriptions whose confirmation window closed, up to {@code limit} in one transaction; returns how many expired. */
    @Transactional
    public int expirePending(int limit) {
        List<Subscription> due = subscriptions.pendingExpiredBy(clock.instant(), limit);
        due.forEach(subscription -> subscription.expire(clock.instant()));
        return due.size();
    }
}
