package dev.stride.notifier.delivery;

import dev.stride.notifier.mail.EmailComposer;
import dev.stride.notifier.mail.InvalidRecipientException;
import io.quarkus.mailer.reactive.ReactiveMailer;
import io.quarkus.scheduler.Scheduled;
import io.smallrye.mutiny.infrastructure.Infrastructure;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.enterprise.event.TransactionPhase;
import org.jboss.logging.Logger;

import java.time.Duration;
import java.util.List;
import java.util.concurrent.Semaphore;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * Sends what the ledger has due. Each poll claims as many emails as there are free send slots and hands them
 * to the reactive mailer, which sends over pooled, pipelined SMTP connections without holding a thread; a
 * slow exchange occupies one slot only. Outcomes are written back to the ledger on a worker thread.
 */
@ApplicationScoped
public class DeliveryWorker {

    private static final Logger LOG = Logger.getLogger(DeliveryWorker.class);

    private final DeliveryLedger ledger;
    private final EmailComposer composer;
    private final ReactiveMailer mailer;
    private final DeliveryMetrics metrics;
    private final DeliverySettings settings;
    private final Semaphore sendSlots;
    private final AtomicBoolean draining = new AtomicBoolean();

    public DeliveryWorker(DeliveryLedger ledger, EmailComposer composer, ReactiveMailer mailer, DeliveryMetrics metrics,
                          DeliverySettings settings) {
        this.ledger = ledger;
        this.composer = composer;
        this.mailer = mailer;
        this.metrics = metrics;
        this.settings = settings;
        this.sendSlots = new Semaphore(settings.maxConcurrentSends());
    }

    @Scheduled(every = "${stride.delivery.poll-interval}", concurrentExecution = Scheduled.ConcurrentExecution.SKIP,
            skipExecutionIf = Scheduled.ApplicationNotRunning.class)
    void poll() {
        sendDue();
    }

    /** A new email committed to the ledger: start on it now rather than at the next poll. */
    void onQueued(@Observes(during = TransactionPhase.AFTER_SUCCESS) EmailQueued queued) {
        Infrastructure.getDefaultWorkerPool().execute(this::sendDue);
    }

    /** Starts sending every due email a free slot allows; returns how many sends it started (0 if another drain is running). */
    public int sendDue() {
        if (!draining.compareAndSet(false, true)) {
            return 0;
        }
        try {
            return drain();
        } finally {
            draining.set(false);
        }
    }

    private int drain() {
        int started = 0;
        while (true) {
            int free = sendSlots.availablePermits();
            if (free == 0) {
                return started;
            }
            int wanted = Math.min(free, settings.batchSize());
            List<ClaimedEmail> claimed = ledger.claim(wanted);
            for (ClaimedEmail email : claimed) {
                sendSlots.acquireUninterruptibly();
                send(email);
                started++;
            }
            if (claimed.size() < wanted) {
                return started;
            }
        }
    }

    private void send(ClaimedEmail email) {
        EmailComposer.ComposedEmail composed;
        try {
            composed = composer.compose(email.emailId(), email.kind(), email.recipient(), email.payload());
        } catch (InvalidRecipientException e) {
            finish(email, SmtpFailure.permanent(e.getMessage()));
            return;
        } catch (RuntimeException e) {
            // The same event renders the same way every time: retrying a broken template or event cannot help.
            LOG.errorf(e, "%s email %s cannot be rendered", email.kind(), email.emailId());
            finish(email, SmtpFailure.permanent("cannot render the email: " + e));
            return;
        }
        long startedAt = System.nanoTime();
        mailer.send(composed.mail())
                .ifNoItem().after(settings.sendTimeout()).fail()
                .emitOn(Infrastructure.getDefaultWorkerPool())
                .subscribe().with(
                        ignored -> {
                            metrics.sendLatency(email.kind(), true, Duration.ofNanos(System.nanoTime() - startedAt));
                            finishSent(email, composed.messageId());
                        },
                        failure -> {
                            metrics.sendLatency(email.kind(), false, Duration.ofNanos(System.nanoTime() - startedAt));
                            finish(email, SmtpFailure.of(failure));
                        });
    }

    private void finishSent(ClaimedEmail email, String messageId) {
        try {
            ledger.sent(email.emailId(), messageId);
        } catch (RuntimeException e) {
            // The server has the email but the ledger does not know: after the lease it is sent again (the documented duplicate window).
            LOG.errorf(e, "%s email %s was sent but could not be marked sent", email.kind(), email.emailId());
        } finally {
            sendSlots.release();
        }
    }

    private void finish(ClaimedEmail email, SmtpFailure failure) {
        try {
            ledger.failed(email.emailId(), failure);
        } catch (RuntimeException e) {
            LOG.errorf(e, "%s email %s failed (%s) and the failure could not be recorded; it is retried after its lease",
                    email.kind(), email.emailId(), failure.reason());
        } finally {
            sendSlots.release();
        }
    }
}
