package dev.stride.notifier.delivery;

import dev.stride.contracts.event.EmailKind;
import dev.stride.contracts.event.EventEnvelope;
import dev.stride.contracts.event.StrideEvents;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Event;
import jakarta.persistence.LockModeType;
import jakarta.transaction.Transactional;
import org.jboss.logging.Logger;

import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.ThreadLocalRandom;

/**
 * The delivery ledger: every email is recorded here before it is sent (its id unique, so a repeat is dropped),
 * claimed by a sender under a lease, and finished as SENT, FAILED or SUPPRESSED. Retries come from this table,
 * never from memory, so a restart loses nothing and a slow mail server blocks no Kafka partition.
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
     * in the ledger (a redelivered or republished event), or the address left this subscription (recorded as SUPPRESSED).
     */
    @Transactional(Transactional.TxType.MANDATORY)
    public boolean record(EmailKind kind, UUID emailId, UUID subscriptionId, String recipient, EventEnvelope<?> envelope) {
        Instant now = clock.instant();
        boolean suppressed = kind != EmailKind.GOODBYE && suppressions.isSuppressed(recipient, subscriptionId);
        EmailDelivery row = new EmailDelivery();
        row.emailId = emailId;
        row.kind = kind;
        row.subscriptionId = subscriptionId;
        row.recipient = SuppressionRepository.normalise(recipient);
        row.eventType = envelope.type();
        row.payload = new String(StrideEvents.CODEC.encode(envelope), StandardCharsets.UTF_8);
        row.state = suppressed ? DeliveryState.SUPPRESSED : DeliveryState.PENDING;
        row.nextAttemptAt = now;
        row.createdAt = now;
        row.finishedAt = suppressed ? now : null;
        if (!deliveries.insertIfAbsent(row)) {
            metrics.duplicateDropped(kind);
            LOG.debugf("%s email %s is already in the ledger; dropped", kind, emailId);
            return false;
        }
        if (suppressed) {
            metrics.suppressed(kind);
            LOG.infof("%s email %s not sent: %s unsubscribed from subscription %s", kind, emailId, row.recipient, subscriptionId);
            return false;
        }
        queued.fire(new EmailQueued(emailId));
        return true;
    }

    /** Puts the address on the suppression list for this subscription; false if it already was (a repeated Unsubscribed). */
    @Transactional(Transactional.TxType.MANDATORY)
    public boolean suppress(String address, UUID subscriptionId, UUID eventId) {
        return suppressions.suppress(address, subscriptionId, eventId, clock.instant());
    }

    /**
     * Claims up to {@code limit} due emails that no other sender holds and leases them for {@code stride.delivery.lease}.
     * The suppression list is checked again here, at send time: a nudge queued before the learner left is dropped now.
     */
    @Transactional(Transactional.TxType.REQUIRES_NEW)
    public List<ClaimedEmail> claim(int limit) {
        Instant now = clock.instant();
        List<ClaimedEmail> claimed = new ArrayList<>();
        for (EmailDelivery row : deliveries.claimDue(now, limit)) {
            row.updatedAt = now;
            if (row.kind != EmailKind.GOODBYE && suppressions.isSuppressed(row.recipient, row.subscriptionId)) {
                row.state = DeliveryState.SUPPRESSED;
                row.finishedAt = now;
                metrics.suppressed(row.kind);
                LOG.infof("%s email %s not sent: %s unsubscribed from subscription %s", row.kind, row.emailId, row.recipient, row.subscriptionId);
                continue;
            }
            row.attempts++;
            row.nextAttemptAt = now.plus(settings.lease());
            claimed.add(new ClaimedEmail(row.emailId, row.kind, row.subscriptionId, row.recipient, row.payload, row.attempts));
        }
        return claimed;
    }

    /** The SMTP server accepted the email (its 250 reply). */
    @Transactional(Transactional.TxType.REQUIRES_NEW)
    public void sent(UUID emailId, String messageId) {
        EmailDelivery row = deliveries.findById(emailId, LockModeType.PESSIMISTIC_WRITE);
        if (row == null || !isOpen(row)) {
            return;
        }
        Instant now = clock.instant();
        row.state = DeliveryState.SENT;
        row.messageId = messageId;
        row.smtpCode = 250;
        row.updatedAt = now;
        row.finishedAt = now;
        row.outcomeEventId = UUID.randomUUID();
        metrics.sent(row.kind);
    }

    /** A send failed: retried later if the failure is transient and attempts remain, otherwise failed for good. */
    @Transactional(Transactional.TxType.REQUIRES_NEW)
    public DeliveryState failed(UUID emailId, SmtpFailure failure) {
        EmailDelivery row = deliveries.findById(emailId, LockModeType.PESSIMISTIC_WRITE);
        if (row == null || !isOpen(row)) {
            return row == null ? null : row.state;
        }
        Instant now = clock.instant();
        row.lastError = truncate(failure.reason());
        row.smtpCode = failure.replyCode();
        row.updatedAt = now;
        if (failure.permanent() || row.attempts >= settings.maxAttempts()) {
            row.state = DeliveryState.FAILED;
            row.permanentFailure = failure.permanent();
            row.finishedAt = now;
            row.outcomeEventId = UUID.randomUUID();
            metrics.failed(row.kind, failure.permanent());
            LOG.warnf("%s email %s to %s failed for good after %d attempt(s): %s", row.kind, emailId, row.recipient, row.attempts, failure.reason());
        } else {
            row.state = DeliveryState.RETRYING;
            row.nextAttemptAt = now.plus(backoff.delayAfter(row.attempts));
            metrics.retrying(row.kind);
            LOG.infof("%s email %s attempt %d failed (%s); next attempt at %s", row.kind, emailId, row.attempts, failure.reason(), row.nextAttemptAt);
        }
        return row.state;
    }

    private static boolean isOpen(EmailDelivery row) {
        return row.state == DeliveryState.PENDING || row.state == DeliveryState.RETRYING;
    }

    private static String truncate(String text) {
        return text == null || text.length() <= 1000 ? text : text.substring(0, 1000);
    }
}
