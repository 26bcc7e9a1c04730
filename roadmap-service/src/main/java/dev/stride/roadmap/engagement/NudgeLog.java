package dev.stride.roadmap.engagement;

import dev.stride.contracts.event.Delivered;
import dev.stride.contracts.event.DeliveryFailed;
import dev.stride.contracts.event.NudgeDue;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;

import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.util.UUID;

/**
 * The nudge log (every nudge the reminder published, with the email it went out in and when that was delivered) and the
 * delivery log (each email's latest outcome). Both are idempotent, as Kafka redelivers: a nudge is keyed by its id, a
 * delivery by its email, and an older outcome never replaces a newer one.
 */
@ApplicationScoped
public class NudgeLog {

    private final EntityManager em;
    private final Clock clock;

    public NudgeLog(EntityManager em, Clock clock) {
        this.em = em;
        this.clock = clock;
    }

    /** Records a published nudge once; a delivery already reported for its email (topics are not ordered) sets its sent_at. */
    @Transactional
    public boolean nudge(NudgeDue nudge) {
        UUID emailId = nudge.digest() != null && nudge.digest().key() != null ? nudge.digest().emailId() : nudge.nudgeId();
        int planned = nudge.sessions() == null ? 0 : nudge.sessions().stream().mapToInt(NudgeDue.PlannedSession::minutes).sum();
        NudgeDue.Variant variant = nudge.variant();
        int inserted = em.createNativeQuery("""
                        INSERT INTO nudge_log (nudge_id, subscription_id, roadmap_id, kind, week_start, due_at, variant, variant_reason, holdout,
                                               planned_minutes, received_at, email_id, sent_at)
                        VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11, ?12,
                                (SELECT d.at FROM delivery_log d WHERE d.email_id = ?12 AND d.outcome = 'DELIVERED'))
                        ON CONFLICT (nudge_id) DO NOTHING""")
                .setParameter(1, nudge.nudgeId())
                .setParameter(2, nudge.subscriptionId())
                .setParameter(3, nudge.roadmapId())
                .setParameter(4, nudge.kind().name())
                .setParameter(5, nudge.weekStart())
                .setParameter(6, Timestamp.from(nudge.dueAt()))
                .setParameter(7, Params.text(variant == null ? null : variant.id()))
                .setParameter(8, Params.text(variant == null ? null : variant.reason()))
                .setParameter(9, variant != null && variant.holdout())
                .setParameter(10, planned)
                .setParameter(11, Timestamp.from(clock.instant()))
                .setParameter(12, emailId)
                .executeUpdate();
        return inserted == 1;
    }

    /** An email was accepted: its latest outcome, and the sent_at of every nudge it carried (each part of a digest). */
    @Transactional
    public void delivered(Delivered delivered, Instant at) {
        outcome(delivered.emailId(), delivered.kind().name(), delivered.subscriptionId(), "DELIVERED", null, false, delivered.attempts(),
                delivered.messageId(), at);
        em.createNativeQuery("UPDATE nudge_log SET sent_at = ?2 WHERE email_id = ?1 AND sent_at IS NULL")
                .setParameter(1, delivered.emailId()).setParameter(2, Timestamp.from(at)).executeUpdate();
    }

    @Transactional
    public void failed(DeliveryFailed failed, Instant at) {
        outcome(failed.emailId(), failed.kind().name(), failed.subscriptionId(), "FAILED", failed.reason(), failed.permanent(), failed.attempts(),
                null, at);
    }

    private void outcome(UUID emailId, String kind, UUID subscriptionId, String outcome, String reason, boolean permanent, int attempts,
                         String messageId, Instant at) {
        em.createNativeQuery("""
                        INSERT INTO delivery_log (email_id, kind, subscription_id, outcome, reason, permanent, attempts, message_id, at)
                        VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9)
                        ON CONFLICT (email_id) DO UPDATE SET kind = excluded.kind, subscription_id = excluded.subscription_id,
                            outcome = excluded.outcome, reason = excluded.reason, permanent = excluded.permanent, attempts = excluded.attempts,
                            message_id = excluded.message_id, at = excluded.at
                        WHERE excluded.at >= delivery_log.at""")
                .setParameter(1, emailId)
                .setParameter(2, kind)
                .setParameter(3, Params.uuid(subscriptionId))
                .setParameter(4, outcome)
                .setParameter(5, Params.text(reason == null ? null : reason.substring(0, Math.min(reason.length(), 500))))
                .setParameter(6, permanent)
                .setParameter(7, attempts)
                .setParameter(8, Params.text(messageId))
                .setParameter(9, Timestamp.from(at))
                .executeUpdate();
    }
}
