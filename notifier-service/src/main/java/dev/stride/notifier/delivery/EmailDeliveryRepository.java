package dev.stride.notifier.delivery;

import dev.stride.contracts.event.EmailKind;
import io.quarkus.hibernate.orm.panache.PanacheRepositoryBase;
import jakarta.enterprise.context.ApplicationScoped;

import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

@ApplicationScoped
public class EmailDeliveryRepository implements PanacheRepositoryBase<EmailDelivery, UUID> {

    /**
     * Records an email to send unless its id is already in the ledger. Returns false for a repeat, which is
     * then dropped: the unique id, not a read-then-write, decides, so concurrent consumers cannot both win.
     */
    public boolean insertIfAbsent(EmailDelivery row) {
        int inserted = getEntityManager().createNativeQuery("""
                        INSERT INTO email_delivery (email_id, kind, subscription_id, recipient, event_type, payload, state,
                                                    attempts, next_attempt_at, created_at, updated_at, finished_at,
                                                    suppression_reason, last_error, permanent_failure, outcome_event_id, trace_parent,
                                                    resend_of)
                        VALUES (:emailId, :kind, :subscriptionId, :recipient, :eventType, :payload, :state,
                                0, :nextAttemptAt, :createdAt, :createdAt, :finishedAt,
                                :suppressionReason, :lastError, :permanentFailure, :outcomeEventId, :traceParent, :resendOf)
                        ON CONFLICT (email_id) DO NOTHING""")
                .setParameter("emailId", row.emailId)
                .setParameter("kind", row.kind.name())
                .setParameter("subscriptionId", row.subscriptionId)
                .setParameter("recipient", row.recipient)
                .setParameter("eventType", row.eventType)
                .setParameter("payload", row.payload)
                .setParameter("state", row.state.name())
                .setParameter("nextAttemptAt", row.nextAttemptAt)
                .setParameter("createdAt", row.createdAt)
                .setParameter("finishedAt", row.finishedAt)
                .setParameter("suppressionReason", row.suppressionReason)
                .setParameter("lastError", row.lastError)
                .setParameter("permanentFailure", row.permanentFailure)
                .setParameter("outcomeEventId", row.outcomeEventId)
                .setParameter("traceParent", row.traceParent)
                .setParameter("resendOf", row.resendOf)
                .executeUpdate();
        return inserted == 1;
    }

    /**
     * Records the server's 250 for an email still open (pending or retrying), in one statement: returns its kind, or empty
     * if it was already finished (or is gone), when nothing changes. The outcome event id makes it due for publishing.
     */
    @SuppressWarnings("unchecked")
    public Optional<EmailKind> markSent(UUID emailId, String messageId, UUID outcomeEventId, Instant now) {
        List<String> kinds = getEntityManager().createNativeQuery("""
                        UPDATE email_delivery
                        SET state = 'SENT', message_id = :messageId, smtp_code = 250, updated_at = :now, finished_at = :now,
                            outcome_event_id = :outcomeEventId
                        WHERE email_id = :emailId AND state IN ('PENDING', 'RETRYING')
                        RETURNING kind""")
                .setParameter("messageId", messageId)
                .setParameter("now", now)
                .setParameter("outcomeEventId", outcomeEventId)
                .setParameter("emailId", emailId)
                .getResultList();
        return kinds.stream().findFirst().map(EmailKind::valueOf);
    }

    /** Due emails no other sender holds, oldest due first. */
    @SuppressWarnings("unchecked")
    public List<EmailDelivery> claimDue(Instant now, int limit) {
        return getEntityManager().createNativeQuery("""
                        SELECT * FROM email_delivery
                        WHERE state IN ('PENDING', 'RETRYING') AND next_attempt_at <= :now
                        ORDER BY next_attempt_at
                        LIMIT :limit
                        FOR UPDATE SKIP LOCKED""", EmailDelivery.class)
                .setParameter("now", now)
                .setParameter("limit", limit)
                .getResultList();
    }

    /**
     * Candidates for a probe while the mail server is down: what is due, and else what the outage backed off, even if
     * not due yet (the probe pulls it forward), soonest due first.
     */
    @SuppressWarnings("unchecked")
    public List<EmailDelivery> claimProbeCandidates(Instant now, int limit) {
        return getEntityManager().createNativeQuery("""
                        SELECT * FROM email_delivery
                        WHERE state IN ('PENDING', 'RETRYING') AND (next_attempt_at <= :now OR outage_backoff)
                        ORDER BY next_attempt_at
                        LIMIT :limit
                        FOR UPDATE SKIP LOCKED""", EmailDelivery.class)
                .setParameter("now", now)
                .setParameter("limit", limit)
                .getResultList();
    }

    /**
     * The mail server answers again: every email waiting only for it is due now. A row a sender holds has
     * {@code outage_backoff} cleared, so its lease is never cut short. Returns how many were released.
     */
    public int releaseOutageBackoff(Instant now) {
        return getEntityManager().createNativeQuery("""
                        UPDATE email_delivery SET next_attempt_at = :now, updated_at = :now
                        WHERE outage_backoff AND state = 'RETRYING' AND next_attempt_at > :now""")
                .setParameter("now", now)
                .executeUpdate();
    }

    /** Finished emails whose Delivered / DeliveryFailed event Kafka has not acknowledged yet. */
    @SuppressWarnings("unchecked")
    public List<EmailDelivery> claimUnpublishedOutcomes(int limit) {
        return getEntityManager().createNativeQuery("""
                        SELECT * FROM email_delivery
                        WHERE outcome_event_id IS NOT NULL AND outcome_published_at IS NULL
                        ORDER BY finished_at
                        LIMIT :limit
                        FOR UPDATE SKIP LOCKED""", EmailDelivery.class)
                .setParameter("limit", limit)
                .getResultList();
    }
}
