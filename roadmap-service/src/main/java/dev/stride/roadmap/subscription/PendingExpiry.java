package dev.stride.roadmap.subscription;

import io.quarkus.scheduler.Scheduled;
import jakarta.enterprise.context.ApplicationScoped;
import org.jboss.logging.Logger;

/** Unconfirmed subscriptions expire after the confirmation window, freeing the email to subscribe again. */
@ApplicationScoped
public class PendingExpiry {

    private static final Logger LOG = Logger.getLogger(PendingExpiry.class);

    private final SubscriptionService subscriptions;

    public PendingExpiry(SubscriptionService subscriptions) {
        this.subscriptions = subscriptions;
    }

    @Scheduled(every = "${stride.subscriptions.expiry-check}", concurrentExecution = Scheduled.ConcurrentExecution.SKIP,
            skipExecutionIf = Scheduled.ApplicationNotRunning.class)
    void expire() {
        int expired;
        do {
            expired = subscriptions.expirePending(500);
            if (expired > 0) {
                LOG.infof("%d unconfirmed subscription(s) expired", expired);
            }
        } while (expired == 500);
    }
}
