package dev.stride.notifier.delivery;

import dev.stride.contracts.event.StrideEvents;
import dev.stride.notifier.TestEvents;
import io.quarkus.narayana.jta.QuarkusTransaction;
import jakarta.persistence.EntityManager;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Optional;
import java.util.UUID;

/** Reads ledger rows in their own transaction, as a test outside the service's transactions must, and queues rows. */
final class LedgerRows {

    private LedgerRows() {
    }

    static Optional<EmailDelivery> row(EmailDeliveryRepository deliveries, UUID emailId) {
        return QuarkusTransaction.requiringNew().call(() -> deliveries.findByIdOptional(emailId));
    }

    static EmailDelivery existing(EmailDeliveryRepository deliveries, UUID emailId) {
        return row(deliveries, emailId).orElseThrow(() -> new AssertionError("no ledger row " + emailId));
    }

    /**
     * {@code count} pending nudges of {@code first}'s subscription to {@code address}, due at {@code due}, without the queued
     * event that would start a drain; in the caller's transaction.
     */
    static void queue(EntityManager em, TestEvents.Nudge first, String address, int count, Instant due) {
        TestEvents.Nudge next = first;
        for (int i = 0; i < count; i++, next = next.withNewNudgeId()) {
            em.createNativeQuery("""
                            INSERT INTO email_delivery (email_id, kind, subscription_id, recipient, event_type, payload, state,
                                                        attempts, next_attempt_at, created_at, updated_at)
                            VALUES (?1, 'NUDGE', ?2, ?3, 'NudgeDue', ?4, 'PENDING', 0, ?5, ?5, ?5)""")
                    .setParameter(1, next.nudgeId()).setParameter(2, next.subscriptionId()).setParameter(3, address)
                    .setParameter(4, new String(StrideEvents.CODEC.encode(next.envelope()), StandardCharsets.UTF_8))
                    .setParameter(5, due).executeUpdate();
        }
    }
}
