package dev.stride.notifier.delivery;

import dev.stride.contracts.event.EmailKind;
import dev.stride.contracts.event.EventEnvelope;
import dev.stride.contracts.event.StrideEvents;
import dev.stride.contracts.privacy.Addresses;
import dev.stride.notifier.delivery.SuppressionRepository.Suppressed;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Event;
import dev.stride.contracts.trace.TraceContexts;
import jakarta.persistence.LockModeType;
import jakarta.transaction.Transactional;
import org.jboss.logging.Logger;

import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.ThreadLocalRandom;

/**
 * The delivery ledger: every email is recorded here before it is sent (its id unique, so a repeat is dropped),
 * claimed by a sender under a lease, and finished as SENT, FAILED or SUPPRESSED. Retries come from this table,
 * never from memory, so a restart loses nothing and a slow mail server blocks no Kafka partition. Each outcome is
 * committed on its own, right after its send returns: a 250 is on record within one transaction, never batched.
 */
@ApplicationScoped
public class DeliveryLedger {

    private static final Logger LOG = Logger.getLogger(DeliveryLedger.class);

    private final EmailDeliveryRepository deliveries;
    private final SuppressionRepository suppressions;
    private final DeliveryMetrics metrics;
    private final DeliverySettings settings;
    private final Backoff backoff;
    private final Clock clock;
    private final Event<EmailQueued> queued;

    public DeliveryLedger(EmailDeliveryRepository deliveries, SuppressionRepository suppressions, DeliveryMetrics metrics,
                          DeliverySettings settings, Clock clock, Event<EmailQueued> queued) {
        this.deliveries = deliveries;
        this.queued = queued;
        this.suppressions = suppressions;
        this.metrics = metrics;
        this.settings = settings;
        this.clock = clock;
        this.backoff = new Backoff(settings.retryBase(), settings.retryFactor(), settings.retryMaxDelay(),
                () -> ThreadLocalRandom.current().nextDouble());
    }

    /**
     * Records an email to send, in the consumer's transaction. Returns false if it was dropped: its id is already
     * in the ledger (a redelivered or republished event), or the address left this subscription or hard-bounced
     * (recorded as SUPPRESSED).
     */
    @Transactional(Transactional.TxType.MANDATORY)
    public boolean record(EmailKind kind, UUID emailId, UUID subscriptionId, String recipient, EventEnvelope<?> envelope) {
        return record(kind, emailId, subscriptionId, recipient, envelope.type(),
                new String(StrideEvents.CODEC.encode(envelope), StandardCharsets.UTF_8));
    }

    /**
     * The same for an email rendered from something other than one event (a weekly digest: its parts' events, see
     * {@code DigestPayload}); {@code eventType} names what the payload is.
     */
    @Transactional(Transactional.TxType.MANDATORY)
    public boolean record(EmailKind kind, UUID emailId, UUID subscriptionId, String recipient, String eventType, String payload) {
        return record(kind, emailId, subscriptionId, recipient, eventType, payload, null);
    }

    /**
     * An operator's resend: the stored content of {@code originalId} once more, as a new email {@code emailId} (the request's
     * event id, so a redelivered request sends nothing more) of the original's kind, to its recipient, unless suppressed.
     */
    @Transactional(Transactional.TxType.MANDATORY)
    public Resend resend(UUID emailId, UUID originalId) {
        EmailDelivery original = deliveries.findById(originalId);
        if (original == null) {
            return Resend.UNKNOWN_EMAIL;
        }
        return record(original.kind, emailId, original.subscriptionId, original.recipient, original.eventType, original.payload, original.emailId)
                ? Resend.QUEUED : Resend.NOT_QUEUED;
    }

    /**
     * What came of a resend request: queued; not queued (a repeat of the request, or the address is suppressed: recorded
     * SUPPRESSED); or the original is unknown (never recorded, or removed with its payload by retention).
     */
    public enum Resend { QUEUED, NOT_QUEUED, UNKNOWN_EMAIL }

    /**
     * An operator lifted the address's suppression (hard bounce or "this wasn't me") at {@code liftedAt}; false if it had
     * none. Ordered by the events' times, not by their arrival ({@link SuppressionRepository#unsuppress}).
     */
    @Transactional(Transactional.TxType.MANDATORY)
    public boolean unsuppressAddress(String addressHash, Instant liftedAt) {
        return suppressions.unsuppress(addressHash, liftedAt);
    }

    private boolean record(EmailKind kind, UUID emailId, UUID subscriptionId, String recipient, String eventType, String payload,
                           UUID resendOf) {
        Instant now = clock.instant();
        Optional<Suppressed> suppressed = suppressions.find(recipient, subscriptionId, kind);
        EmailDelivery row = new EmailDelivery();
        row.emailId = emailId;
        row.kind = kind;
        row.subscriptionId = subscriptionId;
        row.recipient = SuppressionRepository.normalise(recipient);
        row.eventType = eventType;
        row.payload = payload;
        row.state = DeliveryState.PENDING;
        row.nextAttemptAt = now;
        row.createdAt = now;
        row.traceParent = TraceContexts.currentTraceParent().orElse(null);
        row.resendOf = resendOf;
        suppressed.ifPresent(why -> settleSuppressed(row, why, now));
        if (!deliveries.insertIfAbsent(row)) {
            metrics.duplicateDropped(kind);
            LOG.debugf("%s email %s is already in the ledger; dropped", kind, emailId);
            return false;
        }
        if (suppressed.isPresent()) {
            countSuppressed(row, suppressed.get());
            return false;
        }
        queued.fire(new EmailQueued(emailId));
        return true;
    }

    /**
     * "This wasn't me", requested at {@code requestedAt}: the address (by its hash) gets no email of any kind from now on,
     * unless a lift made later has been applied already. False if nothing new was suppressed.
     */
    @Transactional
    public boolean suppressAddress(String addressHash, Instant requestedAt) {
        return suppressions.suppressNotMe(addressHash, requestedAt, clock.instant());
    }

    /** Puts the address on the suppression list for this subscription; false if it already was (a repeated Unsubscribed). */
    @Transactional(Transactional.TxType.MANDATORY)
    public boolean suppress(String address, UUID subscriptionId, UUID eventId) {
        return suppressions.suppress(address, subscriptionId, eventId, clock.instant());
    }

    /**
     * Claims up to {@code limit} due emails that no other sender holds and leases them for {@code stride.delivery.lease}.
     * The suppression lists are checked again here, at send time: a nudge queued before the learner left, or before
     * the address hard-bounced, is settled now. A {@code probe} claims one email to find out whether the mail server
     * answers again: a due one, or else the one the outage backed off that is due soonest, pulled forward.
     */
    @Transactional(Transactional.TxType.REQUIRES_NEW)
    public Claim claim(int limit, boolean probe) {
        Instant now = clock.instant();
        List<EmailDelivery> rows = probe ? deliveries.claimProbeCandidates(now, settings.batchSize()) : deliveries.claimDue(now, limit);
        List<Optional<Suppressed>> suppression = suppressions.findAll(rows.stream()
                .map(row -> new SuppressionRepository.Recipient(row.recipient, row.subscriptionId, row.kind)).toList());
        List<ClaimedEmail> claimed = new ArrayList<>();
        for (int i = 0; i < rows.size(); i++) {
            if (claimed.size() == limit) {
                break; // a probe's further candidates stay as they are
            }
            EmailDelivery row = rows.get(i);
            Optional<Suppressed> suppressed = suppression.get(i);
            if (suppressed.isPresent()) {
                settleSuppressed(row, suppressed.get(), now);
                countSuppressed(row, suppressed.get());
                continue;
            }
            Instant pulledForwardFrom = row.nextAttemptAt.isAfter(now) ? row.nextAttemptAt : null;
            row.attempts++;
            row.nextAttemptAt = now.plus(settings.lease());
            row.outageBackoff = false;
            row.updatedAt = now;
            claimed.add(new ClaimedEmail(row.emailId, row.kind, row.subscriptionId, row.recipient, row.payload, row.attempts,
                    probe, pulledForwardFrom, row.traceParent, row.resendOf != null));
        }
        return new Claim(claimed, !probe && rows.size() == limit);
    }

    /**
     * What a claim took: the emails to send now, and whether more may be due (the query found as many due rows as it
     * asked for, some of which may have been settled as suppressed instead of claimed); never for a probe.
     */
    public record Claim(List<ClaimedEmail> emails, boolean moreMayBeDue) {
    }

    /** The mail server answers again: the emails its outage backed off are due now. Returns how many. */
    @Transactional(Transactional.TxType.REQUIRES_NEW)
    public int releaseOutageBackoff() {
        int released = deliveries.releaseOutageBackoff(clock.instant());
        metrics.releasedAfterOutage(released);
        return released;
    }

    /** The SMTP server accepted the email (its 250 reply). */
    @Transactional(Transactional.TxType.REQUIRES_NEW)
    public void sent(UUID emailId, String messageId) {
        deliveries.markSent(emailId, messageId, UUID.randomUUID(), clock.instant()).ifPresent(metrics::sent);
    }

    /**
     * A send failed: retried later if the failure is transient and attempts remain, otherwise failed for good. A hard
     * bounce also suppresses the address for every later email. A probe pulled forward that found the server still
     * down does not count as an attempt and keeps its due time.
     */
    @Transactional(Transactional.TxType.REQUIRES_NEW)
    public DeliveryState failed(ClaimedEmail email, SmtpFailure failure) {
        EmailDelivery row = deliveries.findById(email.emailId(), LockModeType.PESSIMISTIC_WRITE);
        if (row == null || !isOpen(row)) {
            return row == null ? null : row.state;
        }
        Instant now = clock.instant();
        row.lastError = truncate(failure.reason());
        row.smtpCode = failure.replyCode();
        row.updatedAt = now;
        if (failure.hardBounce()) {
            row.lastError = truncate(HardBounces.bouncedReason(failure.reason()));
            if (suppressions.suppressHardBounce(row.recipient, failure.replyCode(), truncate(failure.reason()), row.emailId, now)) {
                metrics.hardBounce(row.kind);
                LOG.warnf("%s hard-bounced (%s): suppressed for every subscription", Addresses.logId(row.recipient), Addresses.redact(failure.reason()));
            }
        }
        if (email.pulledForwardFrom() != null && failure.connectionLevel()) {
            row.attempts--;
            row.nextAttemptAt = email.pulledForwardFrom();
            row.outageBackoff = true;
            LOG.debugf("Probe with %s email %s: SMTP still down (%s)", row.kind, row.emailId, Addresses.redact(failure.reason()));
        } else if (failure.permanent() || row.attempts >= settings.maxAttempts()) {
            row.state = DeliveryState.FAILED;
            row.permanentFailure = failure.permanent();
            row.finishedAt = now;
            row.outcomeEventId = UUID.randomUUID();
            metrics.failed(row.kind, failure.permanent());
            LOG.warnf("%s email %s to %s failed for good after %d attempt(s): %s", row.kind, row.emailId, Addresses.logId(row.recipient), row.attempts,
                    Addresses.redact(failure.reason()));
        } else {
            row.state = DeliveryState.RETRYING;
            row.nextAttemptAt = now.plus(backoff.delayAfter(row.attempts));
            row.outageBackoff = failure.connectionLevel();
            metrics.retrying(row.kind);
            LOG.infof("%s email %s attempt %d failed (%s); next attempt at %s", row.kind, row.emailId, row.attempts, Addresses.redact(failure.reason()),
                    row.nextAttemptAt);
        }
        return row.state;
    }

    /**
     * Settles an email as not sent. A hard-bounced address's emails also get a DeliveryFailed event (permanent, reason
     * "hard-bounce: ..."), so each subscription learns why its emails stopped; an unsubscribed one's emit nothing.
     */
    private static void settleSuppressed(EmailDelivery row, Suppressed why, Instant now) {
        row.state = DeliveryState.SUPPRESSED;
        row.suppressionReason = why.reason();
        row.finishedAt = now;
        row.updatedAt = now;
        if (why.hardBounce()) {
            row.lastError = truncate(why.detail());
            row.permanentFailure = true;
            row.outcomeEventId = UUID.randomUUID();
        }
    }

    private void countSuppressed(EmailDelivery row, Suppressed why) {
        metrics.suppressed(row.kind, why.reason());
        LOG.infof("%s email %s not sent: %s", row.kind, row.emailId, Addresses.redact(why.detail()));
    }

    private static boolean isOpen(EmailDelivery row) {
        return row.state == DeliveryState.PENDING || row.state == DeliveryState.RETRYING;
    }

    private static String truncate(String text) {
        return text == null || text.length() <= 1000 ? text : text.substring(0, 1000);
    }
}
