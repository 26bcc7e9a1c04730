package dev.stride.notifier.delivery;

import dev.stride.contracts.trace.TraceContexts;
import io.opentelemetry.api.trace.Span;
import io.opentelemetry.api.trace.SpanKind;
import io.opentelemetry.api.trace.StatusCode;
import dev.stride.contracts.consumer.ConsumerRetry;
import dev.stride.contracts.logging.LogContext;
import dev.stride.contracts.privacy.Addresses;
import dev.stride.notifier.mail.EmailComposer;
import dev.stride.notifier.mail.InvalidRecipientException;
import dev.stride.notifier.mail.SmtpSender;
import io.quarkus.scheduler.Scheduled;
import io.smallrye.common.vertx.VertxContext;
import io.smallrye.mutiny.infrastructure.Infrastructure;
import io.vertx.core.Context;
import io.vertx.core.Vertx;
import io.vertx.core.impl.ContextInternal;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.enterprise.event.TransactionPhase;
import org.jboss.logging.Logger;

import java.time.Duration;
import java.util.concurrent.Semaphore;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * Sends what the ledger has due. Each poll claims as many emails as there are free send slots and hands them
 * to the reactive mailer, which sends over pooled, pipelined SMTP connections without holding a thread; a
 * slow exchange occupies one slot only. Outcomes are written back to the ledger on a worker thread, one email per
 * transaction as soon as its send returns. While the mail server is unreachable ({@link SmtpCircuit}) only one probe
 * send goes out every {@code stride.delivery.probe-every}; when one is answered, the backlog the outage caused is due at once.
 * Work-conserving: a drain that stopped because every slot was busy is resumed by the first send that frees one, not by
 * the next poll (with cheap renders a drain filled the slots and ended before any send came back, and a 5,000-email burst
 * then went at about 8 emails a poll: 12 a second instead of 33).
 */
@ApplicationScoped
public class DeliveryWorker {

    private static final Logger LOG = Logger.getLogger(DeliveryWorker.class);

    private final DeliveryLedger ledger;
    private final EmailComposer composer;
    private final SmtpSender mailer;
    private final DeliveryMetrics metrics;
    private final DeliverySettings settings;
    private final SmtpCircuit circuit;
    private final MailEventLoop mailEventLoop;
    private final Semaphore sendSlots;
    /**
     * Recording a 250 is retried while the database is away, for two leases, about once a second: each success closes a
     * duplicate window (found by the fault suite: a 10 s restart outlasted the half lease this used to retry for, and the
     * email was sent again after its lease). Past its lease the email may be claimed again: see {@link AcceptedEmails}.
     */
    private final ConsumerRetry markRetry;
    private final AcceptedEmails accepted;
    private final AtomicBoolean draining = new AtomicBoolean();
    /** A drain was asked for while one ran: the running one goes round again instead of the request being lost. */
    private final AtomicBoolean drainAgain = new AtomicBoolean();
    /** The last drain ended with every slot busy: the next slot freed starts a drain. */
    private final AtomicBoolean slotsFull = new AtomicBoolean();

    public DeliveryWorker(DeliveryLedger ledger, EmailComposer composer, SmtpSender mailer, DeliveryMetrics metrics,
                          DeliverySettings settings, SmtpCircuit circuit, MailEventLoop mailEventLoop) {
        this.ledger = ledger;
        this.composer = composer;
        this.mailer = mailer;
        this.metrics = metrics;
        this.settings = settings;
        this.circuit = circuit;
        this.mailEventLoop = mailEventLoop;
        this.sendSlots = new Semaphore(settings.maxConcurrentSends());
        this.markRetry = new ConsumerRetry(settings.lease().multipliedBy(2), Duration.ofSeconds(1),
                message -> LOG.warnf("Recording an accepted email failed: %s", message));
        this.accepted = new AcceptedEmails(settings.lease());
        if (settings.lease().compareTo(settings.sendTimeout()) <= 0) {
            LOG.warnf("stride.delivery.lease (%s) is not longer than stride.delivery.send-timeout (%s): an email still being sent"
                    + " can be claimed and sent again", settings.lease(), settings.sendTimeout());
        }
    }

    @Scheduled(every = "${stride.delivery.poll-interval}", concurrentExecution = Scheduled.ConcurrentExecution.SKIP,
            skipExecutionIf = Scheduled.ApplicationNotRunning.class)
    void poll() {
        sendDue();
    }

    /** A new email committed to the ledger: start on it now rather than at the next poll. */
    void onQueued(@Observes(during = TransactionPhase.AFTER_SUCCESS) EmailQueued queued) {
        Infrastructure.getDefaultWorkerPool().execute(this::sendDueInBackground);
    }

    /**
     * Starts sending every due email a free slot allows; returns how many sends it started. If another drain is running it
     * returns 0 at once, and that drain goes round once more after it ends, so no request is lost.
     */
    public int sendDue() {
        drainAgain.set(true);
        int started = 0;
        while (drainAgain.get() && draining.compareAndSet(false, true)) {
            try {
                drainAgain.set(false);
                started += drain();
            } finally {
                draining.set(false);
            }
        }
        return started;
    }

    /** {@link #sendDue} off the scheduler: a failure (the database away) is logged, and the next poll tries again. */
    private void sendDueInBackground() {
        try {
            sendDue();
        } catch (RuntimeException e) {
            LOG.warnf("A drain stopped (%s); the next poll starts another", Addresses.redact(String.valueOf(e)));
            LOG.debug("The drain's failure", e);
        }
    }

    private int drain() {
        int started = 0;
        while (true) {
            int free = sendSlots.availablePermits();
            if (free == 0) {
                slotsFull.set(true);
                if (sendSlots.availablePermits() == 0) {
                    return started; // a send ending from now on starts the next drain (releaseSlot)
                }
                slotsFull.set(false);
                continue;
            }
            // While SMTP is down, one probe send now and then instead of the whole backlog failing email by email.
            SmtpCircuit.Admission admission = circuit.admit();
            if (admission == SmtpCircuit.Admission.NONE) {
                return started;
            }
            boolean probe = admission == SmtpCircuit.Admission.PROBE;
            int wanted = probe ? 1 : Math.min(free, settings.batchSize());
            DeliveryLedger.Claim claim = claim(wanted, probe);
            for (ClaimedEmail email : claim.emails()) {
                if (accepted.holds(email.emailId())) {
                    LOG.infof("%s email %s was claimed again while its 250 was being recorded: not sent again", email.kind(), email.emailId());
                    if (email.probe()) {
                        circuit.probeUnused();
                    }
                    continue;
                }
                sendSlots.acquireUninterruptibly();
                inLogContext(email, () -> send(email));
                started++;
            }
            // Not "fewer claimed than wanted": a claim that settled suppressed rows claims fewer, and more may be due.
            if (probe || !claim.moreMayBeDue()) {
                return started;
            }
        }
    }

    private DeliveryLedger.Claim claim(int wanted, boolean probe) {
        DeliveryLedger.Claim claim = null;
        try {
            claim = ledger.claim(wanted, probe);
            return claim;
        } finally {
            if (probe && (claim == null || claim.emails().isEmpty())) {
                circuit.probeUnused();
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
            // Rendering reads nothing but the stored event (the calendar's SEQUENCE is the nudge's build time): the same
            // event renders the same way every time, so retrying a broken template or event cannot help.
            LOG.errorf(e, "%s email %s cannot be rendered", email.kind(), email.emailId());
            finish(email, SmtpFailure.permanent("cannot render the email: " + e));
            return;
        }
        long startedAt = System.nanoTime();
        // The SMTP exchange as a span of the trace that queued the email: which email and kind, never the address.
        Span smtp = TraceContexts.tracer().spanBuilder("smtp send").setSpanKind(SpanKind.CLIENT)
                .setParent(TraceContexts.restore(email.traceParent()))
                .setAttribute("stride.email.id", email.emailId().toString())
                .setAttribute("stride.email.kind", email.kind().name())
                .setAttribute("stride.email.attempt", (long) email.attempt())
                .startSpan();
        // Started on the mail client's own event loop: started from this worker thread, a send can miss the
        // server's greeting and hang (MailEventLoop).
        mailEventLoop.run(() -> mailer.send(composed.mail()))
                .ifNoItem().after(settings.sendTimeout()).fail()
                .emitOn(Infrastructure.getDefaultWorkerPool())
                .subscribe().with(
                        ignored -> {
                            smtp.end();
                            metrics.sendLatency(email.kind(), true, Duration.ofNanos(System.nanoTime() - startedAt));
                            if (!email.resend()) {
                                metrics.nudgeAccepted(composed.dueAt());
                            }
                            inLogContext(email, () -> finishSent(email, composed.messageId()));
                        },
                        failure -> {
                            smtp.recordException(failure);
                            smtp.setStatus(StatusCode.ERROR);
                            smtp.end();
                            metrics.sendLatency(email.kind(), false, Duration.ofNanos(System.nanoTime() - startedAt));
                            inLogContext(email, () -> finish(email, SmtpFailure.of(failure)));
                        });
    }

    private static LogContext logContext(ClaimedEmail email) {
        return LogContext.email(email.kind(), email.emailId(), email.subscriptionId());
    }

    /**
     * The mail client's outcome arrives with its root Vert.x context current, where Quarkus's MDC does not keep what is put
     * (each put lands in a new duplicated context): the work runs in a duplicated context of its own, on this thread.
     */
    private static void inLogContext(ClaimedEmail email, Runnable work) {
        Context current = Vertx.currentContext();
        if (current == null || VertxContext.isDuplicatedContext(current)) {
            try (LogContext context = logContext(email)) {
                work.run();
            }
            return;
        }
        ((ContextInternal) VertxContext.createNewDuplicatedContext(current)).dispatch(() -> {
            try (LogContext context = logContext(email)) {
                work.run();
            }
        });
    }

    /** The server's 250, committed for this one email at once (its own transaction), never at the end of a batch. */
    private void finishSent(ClaimedEmail email, String messageId) {
        accepted.marking(email.emailId());
        int[] tries = {0};
        try {
            markRetry.get(() -> {
                tries[0]++;
                ledger.sent(email.emailId(), messageId);
                return null;
            });
            accepted.marked(email.emailId(), tries[0] > 1);
        } catch (RuntimeException e) {
            // The server has the email but the ledger does not know: after the lease it is sent again (the documented duplicate window).
            accepted.markAbandoned(email.emailId());
            LOG.errorf(e, "%s email %s was sent but could not be marked sent", email.kind(), email.emailId());
        } finally {
            answered(email, SmtpCircuit.Outcome.ANSWERED, "250");
        }
    }

    private void finish(ClaimedEmail email, SmtpFailure failure) {
        try {
            ledger.failed(email, failure);
        } catch (RuntimeException e) {
            LOG.errorf(e, "%s email %s failed (%s) and the failure could not be recorded; it is retried after its lease",
                    email.kind(), email.emailId(), Addresses.redact(failure.reason()));
        } finally {
            answered(email, SmtpCircuit.Outcome.of(failure), failure.reason());
        }
    }

    /**
     * The circuit hears of a send's outcome before its slot is freed: the drain a freed slot may start then finds the
     * circuit already open after a refused connection, and a probe's outcome is never skipped.
     */
    private void answered(ClaimedEmail email, SmtpCircuit.Outcome outcome, String reply) {
        try {
            circuit.finished(email.probe(), outcome, reply).ifPresent(downSince -> resume());
        } finally {
            releaseSlot();
        }
    }

    private void releaseSlot() {
        sendSlots.release();
        if (slotsFull.getAndSet(false)) {
            try {
                Infrastructure.getDefaultWorkerPool().execute(this::sendDueInBackground);
            } catch (RejectedExecutionException e) {
                LOG.debug("No drain after a send: the worker pool is shutting down");
            }
        }
    }

    /** The mail server answers again: what its outage backed off is due now, and the sender starts on it at once. */
    private void resume() {
        try {
            int released = ledger.releaseOutageBackoff();
            LOG.infof("%d email(s) backed off by the SMTP outage are due now", released);
        } catch (RuntimeException e) {
            LOG.errorf(e, "Emails backed off by the SMTP outage could not be made due; they go out at their own retry times");
        }
        Infrastructure.getDefaultWorkerPool().execute(this::sendDueInBackground);
    }
}
