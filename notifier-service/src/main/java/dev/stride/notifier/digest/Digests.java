package dev.stride.notifier.digest;

import dev.stride.contracts.event.EmailKind;
import dev.stride.contracts.event.EventEnvelope;
import dev.stride.contracts.event.NudgeDue;
import dev.stride.contracts.event.StrideEvents;
import dev.stride.notifier.delivery.DeliveryLedger;
import dev.stride.notifier.delivery.DeliveryMetrics;
import dev.stride.notifier.delivery.SuppressionRepository;
import dev.stride.notifier.mail.DigestPayload;
import dev.stride.notifier.mail.MailSettings;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.quarkus.hibernate.orm.panache.Panache;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;
import org.jboss.logging.Logger;

import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicLong;

/**
 * The weekly digest: a NudgeDue with a {@link NudgeDue.Digest} is held as a part (table {@code digest_part}) instead of
 * queued. The part that completes its digest (as many parts as the largest count announced) queues one email with all of
 * them in the delivery ledger, in the same transaction; {@link DigestHoldJob} queues a digest whose first part is older than
 * {@code stride.mail.digest.hold} with the parts it has. Every part of a key first upserts the key's {@code digest} row, which
 * locks it: parts that arrive at the same moment are counted one after the other, and a part that comes after the email was
 * queued sees it and goes as an email of its own (never lost, never merged twice). A repeated part is dropped.
 */
@ApplicationScoped
public class Digests {

    private static final Logger LOG = Logger.getLogger(Digests.class);

    private final DeliveryLedger ledger;
    private final DeliveryMetrics deliveryMetrics;
    private final SuppressionRepository suppressions;
    private final MailSettings.Digest settings;
    private final Clock clock;
    private final MeterRegistry registry;
    private final AtomicLong held = new AtomicLong();

    public Digests(DeliveryLedger ledger, DeliveryMetrics deliveryMetrics, SuppressionRepository suppressions, MailSettings settings, Clock clock,
                   MeterRegistry registry) {
        this.ledger = ledger;
        this.suppressions = suppressions;
        this.deliveryMetrics = deliveryMetrics;
        this.settings = settings.digest();
        this.clock = clock;
        this.registry = registry;
        Gauge.builder("stride.digest.parts.held", held, AtomicLong::get)
                .description("Nudges held for a weekly digest that has not been queued yet (as of the last hold check)")
                .register(registry);
    }

    /** The email id of a digest: derived from its key, so a digest is one ledger row and one Message-ID, whoever queues it. */
    public static UUID emailId(UUID digestKey) {
        return new NudgeDue.Digest(digestKey, 0).emailId();
    }

    /** Holds one part, in the consumer's transaction; queues the digest if this part completes it. */
    @Transactional(Transactional.TxType.MANDATORY)
    public void hold(EventEnvelope<NudgeDue> envelope) {
        NudgeDue nudge = envelope.data();
        UUID key = nudge.digest().key();
        EntityManager em = Panache.getEntityManager();
        Instant now = clock.instant();
        Object[] digest = (Object[]) em.createNativeQuery("""
                        INSERT INTO digest AS d (digest_key, parts, first_part_at) VALUES (:key, :parts, :now)
                        ON CONFLICT (digest_key) DO UPDATE SET parts = GREATEST(d.parts, EXCLUDED.parts)
                        RETURNING d.parts, d.queued_at""")
                .setParameter("key", key).setParameter("parts", nudge.digest().parts()).setParameter("now", now)
                .getSingleResult();
        int parts = ((Number) digest[0]).intValue();
        boolean alreadyQueued = digest[1] != null;
        if (alreadyQueued) {
            if (isPart(em, nudge.nudgeId())) {
                deliveryMetrics.duplicateDropped(EmailKind.NUDGE);
                LOG.debugf("Nudge %s is already part of digest %s; dropped", nudge.nudgeId(), key);
            } else {
                // Late (after a crash, or after the hold): its own email, under its own id, so a repeat of it is dropped too.
                LOG.infof("Nudge %s came after its digest %s was sent: sent as an email of its own", nudge.nudgeId(), key);
                deliveryMetrics.countOnCommit(registry.counter("stride.digest.late.parts"));
                ledger.record(EmailKind.NUDGE, nudge.nudgeId(), nudge.subscriptionId(), nudge.learner().email(), envelope);
            }
            return;
        }
        int inserted = em.createNativeQuery("""
                        INSERT INTO digest_part (nudge_id, digest_key, subscription_id, recipient, payload, received_at)
                        VALUES (:nudge, :key, :subscription, :recipient, :payload, :now) ON CONFLICT (nudge_id) DO NOTHING""")
                .setParameter("nudge", nudge.nudgeId()).setParameter("key", key).setParameter("subscription", nudge.subscriptionId())
                .setParameter("recipient", nudge.learner().email())
                .setParameter("payload", new String(StrideEvents.CODEC.encode(envelope), StandardCharsets.UTF_8))
                .setParameter("now", now).executeUpdate();
        if (inserted == 0) {
            deliveryMetrics.duplicateDropped(EmailKind.NUDGE);
            LOG.debugf("Nudge %s is already held for digest %s; dropped", nudge.nudgeId(), key);
            return;
        }
        long have = ((Number) em.createNativeQuery("SELECT count(*) FROM digest_part WHERE digest_key = :key")
                .setParameter("key", key).getSingleResult()).longValue();
        if (have >= parts) {
            queue(em, key, false);
        }
    }

    /** Queues every digest held longer than the hold with the parts it has; returns how many. Its own transaction. */
    @Transactional(Transactional.TxType.REQUIRES_NEW)
    public int queueOverdue() {
        EntityManager em = Panache.getEntityManager();
        @SuppressWarnings("unchecked")
        List<UUID> overdue = em.createNativeQuery("""
                        SELECT digest_key FROM digest WHERE queued_at IS NULL AND first_part_at <= :cutoff
                        ORDER BY first_part_at LIMIT :limit FOR UPDATE SKIP LOCKED""", UUID.class)
                .setParameter("cutoff", clock.instant().minus(settings.hold())).setParameter("limit", settings.batchSize())
                .getResultList();
        overdue.forEach(key -> queue(em, key, true));
        return overdue.size();
    }

    /** Refreshes the gauge of parts held now. */
    @Transactional(Transactional.TxType.REQUIRES_NEW)
    public long countHeld() {
        long count = ((Number) Panache.getEntityManager().createNativeQuery("""
                SELECT count(*) FROM digest_part p JOIN digest d ON d.digest_key = p.digest_key WHERE d.queued_at IS NULL""")
                .getSingleResult()).longValue();
        held.set(count);
        return count;
    }

    /** One email from every part held for the key, in the order they came; the first part's subscription and address. */
    private void queue(EntityManager em, UUID key, boolean afterHold) {
        @SuppressWarnings("unchecked")
        List<Object[]> parts = em.createNativeQuery("""
                        SELECT subscription_id, recipient, payload FROM digest_part WHERE digest_key = :key ORDER BY received_at, nudge_id""")
                .setParameter("key", key).getResultList();
        if (parts.isEmpty()) {
            // Its parts were erased (LearnerErased) while held: nothing to send.
            em.createNativeQuery("DELETE FROM digest WHERE digest_key = :key").setParameter("key", key).executeUpdate();
            return;
        }
        List<Object[]> live = withoutUnsubscribed(key, parts);
        UUID emailId = emailId(key);
        Object[] first = live.get(0);
        ledger.record(EmailKind.NUDGE, emailId, (UUID) first[0], (String) first[1], DigestPayload.EVENT_TYPE,
                DigestPayload.of(live.stream().map(part -> (String) part[2]).toList()));
        em.createNativeQuery("UPDATE digest SET email_id = :email, queued_at = :now WHERE digest_key = :key")
                .setParameter("email", emailId).setParameter("now", clock.instant()).setParameter("key", key).executeUpdate();
        deliveryMetrics.countOnCommit(registry.counter("stride.digest.sent"));
        if (afterHold) {
            deliveryMetrics.countOnCommit(registry.counter("stride.digest.sent.incomplete"));
            LOG.infof("Digest %s sent after the hold with %d part(s)", key, parts.size());
        }
    }

    /**
     * The parts whose roadmap the address has not left while they were held (an unsubscribed roadmap has no place in the
     * email); all of them if every one was left, so the ledger settles the digest as suppressed like any such nudge.
     */
    private List<Object[]> withoutUnsubscribed(UUID key, List<Object[]> parts) {
        List<Object[]> live = parts.stream().filter(part -> !suppressions.isSuppressed((String) part[1], (UUID) part[0])).toList();
        if (live.isEmpty()) {
            return parts;
        }
        if (live.size() < parts.size()) {
            deliveryMetrics.suppressed(EmailKind.NUDGE, SuppressionRepository.Suppressed.UNSUBSCRIBED);
            LOG.infof("Digest %s: %d of its %d part(s) left out, their subscription ended while held", key, parts.size() - live.size(), parts.size());
        }
        return live;
    }

    private static boolean isPart(EntityManager em, UUID nudgeId) {
        return !em.createNativeQuery("SELECT 1 FROM digest_part WHERE nudge_id = :nudge").setParameter("nudge", nudgeId).getResultList().isEmpty();
    }
}
