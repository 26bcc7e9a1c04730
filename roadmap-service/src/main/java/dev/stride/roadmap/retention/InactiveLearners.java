package dev.stride.roadmap.retention;

import dev.stride.roadmap.privacy.LearnerData;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;

import java.time.Instant;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.UUID;

/**
 * The one home of who is erased for inactivity. Learners who left: every subscription of theirs ended (at least one by
 * unsubscribing) before the ended cutoff. Learners who paused and never came back: every subscription paused or ended,
 * at least one paused, and the last pause began (and the last subscription ended) before the paused cutoff. They are
 * erased as if they had asked ({@link LearnerData#erase}), so the reminder and the notifier forget them through the
 * same LearnerErased events; each learner is its own transaction.
 */
@ApplicationScoped
public class InactiveLearners {

    /** Learners whose every subscription ended, one by unsubscribing; the latest end is the aggregate. */
    private static final Rule ENDED = new Rule("bool_and(s.status IN ('UNSUBSCRIBED', 'EXPIRED')) AND bool_or(s.status = 'UNSUBSCRIBED')",
            "max(s.ended_at)");

    /**
     * Learners whose every subscription is paused or ended, one paused; since the latest pause began or end came. A pause
     * with no instant (written by a version before V20 during a rollout) keeps its learner: without it, max() would fall
     * back to an old plan's end and erase someone who has just paused.
     */
    private static final Rule PAUSED = new Rule("bool_and(s.status IN ('PAUSED', 'UNSUBSCRIBED', 'EXPIRED')) AND bool_or(s.status = 'PAUSED')"
            + " AND bool_and(s.status <> 'PAUSED' OR s.paused_at IS NOT NULL)",
            "max(CASE WHEN s.status = 'PAUSED' THEN s.paused_at ELSE s.ended_at END)");

    /** Which learners ({@code having}, over their subscriptions {@code s}) and since when ({@code since}, the last of them). */
    record Rule(String having, String since) {
    }

    private final EntityManager em;
    private final LearnerData learnerData;
    private final RetentionSettings settings;

    public InactiveLearners(EntityManager em, LearnerData learnerData, RetentionSettings settings) {
        this.em = em;
        this.learnerData = learnerData;
        this.settings = settings;
    }

    /** Erases, {@code limit} at a time, the learners who left before the cutoff; returns how many. */
    public long eraseEndedBefore(Instant cutoff, int limit) {
        return erase(ENDED, cutoff, limit);
    }

    /** Erases, {@code limit} at a time, the learners paused (or gone) since before the cutoff; returns how many. */
    public long erasePausedBefore(Instant cutoff, int limit) {
        return erase(PAUSED, cutoff, limit);
    }

    /**
     * When the learner of this subscription is erased for having paused, unless they resume (or subscribe) first:
     * {@code stride.retention.paused-learners} after their last pause began or last subscription ended. Empty while
     * anything of theirs runs.
     */
    @Transactional
    public Optional<Instant> pausedErasure(UUID subscriptionId) {
        List<?> since = em.createNativeQuery("SELECT " + PAUSED.since() + " FROM subscription s"
                        + " WHERE s.learner_id = (SELECT learner_id FROM subscription WHERE id = ?1) GROUP BY s.learner_id HAVING " + PAUSED.having(),
                        Instant.class)
                .setParameter(1, subscriptionId).getResultList();
        return since.stream().filter(Objects::nonNull).findFirst().map(at -> ((Instant) at).plus(settings.pausedLearners()));
    }

    private long erase(Rule rule, Instant cutoff, int limit) {
        long erased = 0;
        List<UUID> batch;
        do {
            batch = oneSubscriptionEach(rule, cutoff, limit);
            batch.forEach(learnerData::erase);
            erased += batch.size();
        } while (batch.size() == limit);
        return erased;
    }

    @Transactional
    @SuppressWarnings("unchecked")
    List<UUID> oneSubscriptionEach(Rule rule, Instant cutoff, int limit) {
        return em.createNativeQuery("SELECT (array_agg(s.id))[1] FROM subscription s GROUP BY s.learner_id"
                        + " HAVING " + rule.having() + " AND " + rule.since() + " < ?1 LIMIT ?2")
                .setParameter(1, cutoff).setParameter(2, limit).getResultList();
    }
}
