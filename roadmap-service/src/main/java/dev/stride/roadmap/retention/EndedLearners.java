package dev.stride.roadmap.retention;

import dev.stride.roadmap.privacy.LearnerData;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

/**
 * Learners who left: every subscription of theirs ended (at least one by unsubscribing) before the cutoff. They are
 * erased as if they had asked ({@link LearnerData#erase}), so the reminder and the notifier forget them through the same
 * LearnerErased events; each learner is its own transaction.
 */
@ApplicationScoped
public class EndedLearners {

    private final EntityManager em;
    private final LearnerData learnerData;

    public EndedLearners(EntityManager em, LearnerData learnerData) {
        this.em = em;
        this.learnerData = learnerData;
    }

    /** Erases up to {@code limit} learners at a time until none is left; returns how many. */
    public long eraseEndedBefore(Instant cutoff, int limit) {
        long erased = 0;
        List<UUID> batch;
        do {
            batch = oneSubscriptionEachOfEndedLearners(cutoff, limit);
            batch.forEach(learnerData::erase);
            erased += batch.size();
        } while (batch.size() == limit);
        return erased;
    }

    @Transactional
    @SuppressWarnings("unchecked")
    List<UUID> oneSubscriptionEachOfEndedLearners(Instant cutoff, int limit) {
        return em.createNativeQuery("SELECT (array_agg(s.id))[1] FROM subscription s GROUP BY s.learner_id"
                        + " HAVING bool_and(s.status IN ('UNSUBSCRIBED', 'EXPIRED') AND s.ended_at < ?1) AND bool_or(s.status = 'UNSUBSCRIBED')"
                        + " LIMIT ?2")
                .setParameter(1, cutoff).setParameter(2, limit).getResultList();
    }
}
