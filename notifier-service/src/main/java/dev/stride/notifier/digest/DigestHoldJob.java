package dev.stride.notifier.digest;

import io.quarkus.scheduler.Scheduled;
import jakarta.enterprise.context.ApplicationScoped;

/**
 * Every {@code stride.mail.digest.check-every}: sends the digests whose missing parts did not come within
 * {@code stride.mail.digest.hold} with the parts they have, and refreshes the held-parts gauge. Any number of replicas
 * may run it: a digest is taken with {@code FOR UPDATE SKIP LOCKED}.
 */
@ApplicationScoped
public class DigestHoldJob {

    private final Digests digests;

    public DigestHoldJob(Digests digests) {
        this.digests = digests;
    }

    @Scheduled(every = "${stride.mail.digest.check-every:5s}", concurrentExecution = Scheduled.ConcurrentExecution.SKIP,
            skipExecutionIf = Scheduled.ApplicationNotRunning.class)
    void scheduled() {
        run();
    }

    /** One pass; returns how many digests it queued. */
    public int run() {
        int queued = 0;
        int batch;
        do {
            batch = digests.queueOverdue();
            queued += batch;
        } while (batch > 0);
        digests.countHeld();
        return queued;
    }
}
