package dev.stride.roadmap.subscription;

import io.quarkus.hibernate.orm.panache.PanacheRepositoryBase;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.LockModeType;
import org.hibernate.Timeouts;
import org.hibernate.jpa.AvailableHints;

import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

/** The Panache repositories of the subscription side. */
public final class Repositories {

    private Repositories() {
    }

    @ApplicationScoped
    public static class LearnerRepository implements PanacheRepositoryBase<Learner, UUID> {
        public Optional<Learner> findByEmail(String email) {
            return find("lower(email) = lower(?1)", email).firstResultOptional();
        }
    }

    @ApplicationScoped
    public static class SubscriptionRepository implements PanacheRepositoryBase<Subscription, UUID> {
        public Optional<Subscription> findLive(UUID learnerId, String roadmapId) {
            return find("learner.id = ?1 and roadmapId = ?2 and status in ?3", learnerId, roadmapId,
                    List.of(Subscription.Status.PENDING, Subscription.Status.ACTIVE, Subscription.Status.PAUSED)).firstResultOptional();
        }

        /** The learner's confirmed subscriptions that still run (active or paused). */
        public List<Subscription> followedBy(UUID learnerId) {
            return list("learner.id = ?1 and status in ?2", learnerId, List.of(Subscription.Status.ACTIVE, Subscription.Status.PAUSED));
        }

        /** Every subscription of the learner that has not ended (pending ones included). */
        public List<Subscription> liveOf(UUID learnerId) {
            return list("learner.id = ?1 and status in ?2", learnerId,
                    List.of(Subscription.Status.PENDING, Subscription.Status.ACTIVE, Subscription.Status.PAUSED));
        }

        /** The learner's most recently ended (unsubscribed) subscription to the roadmap, if it ended at {@code since} or later. */
        public Optional<Subscription> leftSince(UUID learnerId, String roadmapId, Instant since) {
            return find("learner.id = ?1 and roadmapId = ?2 and status = ?3 and endedAt >= ?4 order by endedAt desc",
                    learnerId, roadmapId, Subscription.Status.UNSUBSCRIBED, since).firstResultOptional();
        }

        /**
         * Locked, skipping rows another transaction holds: every replica runs the expiry job, and a learner may be
         * confirming at that moment. Without it two expiries met on the same rows and one failed its whole batch on the
         * row version.
         */
        public List<Subscription> pendingExpiredBy(Instant now, int limit) {
            return find("status = ?1 and expiresAt <= ?2", Subscription.Status.PENDING, now).page(0, limit)
                    .withLock(LockModeType.PESSIMISTIC_WRITE).withHint(AvailableHints.HINT_SPEC_LOCK_TIMEOUT, Timeouts.SKIP_LOCKED_MILLI)
                    .list();
        }
    }

    @ApplicationScoped
    public static class ProgressRepository implements PanacheRepositoryBase<MilestoneProgress, MilestoneProgress.Key> {
        public List<MilestoneProgress> of(UUID subscriptionId) {
            return list("key.subscriptionId", subscriptionId);
        }
    }

    @ApplicationScoped
    public static class PlanBreakRepository implements PanacheRepositoryBase<PlanBreak, Long> {
        public List<PlanBreak> of(UUID subscriptionId) {
            return list("subscriptionId = ?1 order by startsOn", subscriptionId);
        }

        public Optional<PlanBreak> openPause(UUID subscriptionId) {
            return find("subscriptionId = ?1 and kind = ?2 and endsBefore is null", subscriptionId, PlanBreak.Kind.PAUSE).firstResultOptional();
        }
    }
}
