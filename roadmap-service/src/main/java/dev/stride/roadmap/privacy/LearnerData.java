package dev.stride.roadmap.privacy;

import dev.stride.roadmap.engagement.Engagements;

import dev.stride.contracts.Topics;
import dev.stride.contracts.event.LearnerErased;
import dev.stride.contracts.privacy.Addresses;
import dev.stride.roadmap.outbox.Outbox;
import dev.stride.roadmap.subscription.Learner;
import dev.stride.roadmap.subscription.Repositories.SubscriptionRepository;
import dev.stride.roadmap.subscription.Subscription;
import dev.stride.roadmap.subscription.SubscriptionService;
import dev.stride.roadmap.subscription.SubscriptionView;
import dev.stride.roadmap.subscription.SubscriptionViews;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;
import org.jboss.logging.Logger;

import java.time.Clock;
import java.time.Instant;
import java.util.Comparator;
import java.util.List;
import java.util.UUID;

/**
 * Everything Stride holds about a learner, reached through any one of their subscriptions (its manage link): exported as
 * JSON, or erased. Erasure deletes the learner and all their subscriptions here and emits one {@link LearnerErased} per
 * subscription through the outbox, keyed by the subscription, so the reminder and the notifier erase theirs after every
 * earlier event of that subscription.
 */
@ApplicationScoped
public class LearnerData {

    private static final Logger LOG = Logger.getLogger(LearnerData.class);

    /** The learner as stored, and each subscription as its manage page shows it. */
    public record Export(LearnerRecord learner, List<SubscriptionRecord> subscriptions, List<Engagements.Row> engagement, Instant exportedAt) {
    }

    public record LearnerRecord(UUID id, String email, String name, String locale, boolean separateEmails, Instant createdAt, Instant bouncedAt,
                                String bounceReason) {
    }

    public record SubscriptionRecord(Instant createdAt, Instant confirmedAt, Instant endedAt, SubscriptionView subscription) {
    }

    /** What an erasure removed: the learner and their subscriptions' ids. */
    public record Erased(UUID learnerId, List<UUID> subscriptionIds) {
    }

    private final SubscriptionService service;
    private final SubscriptionViews views;
    private final SubscriptionRepository subscriptions;
    private final Outbox outbox;
    private final EntityManager em;
    private final Clock clock;
    private final Engagements engagements;

    public LearnerData(SubscriptionService service, SubscriptionViews views, SubscriptionRepository subscriptions, Outbox outbox, EntityManager em,
                       Clock clock, Engagements engagements) {
        this.engagements = engagements;
        this.service = service;
        this.views = views;
        this.subscriptions = subscriptions;
        this.outbox = outbox;
        this.em = em;
        this.clock = clock;
    }

    @Transactional
    public Export export(UUID subscriptionId) {
        Learner learner = service.require(subscriptionId).learner;
        List<SubscriptionRecord> records = subscriptionsOf(learner).stream()
                .map(s -> new SubscriptionRecord(s.createdAt, s.confirmedAt, s.endedAt, views.view(s.id))).toList();
        return new Export(new LearnerRecord(learner.id, learner.email, learner.displayName, learner.locale, learner.separateEmails, learner.createdAt,
                learner.bouncedAt, learner.bounceReason), records,
                engagements.of(records.stream().map(r -> r.subscription().id()).toList()), clock.instant());
    }

    @Transactional
    public Erased erase(UUID subscriptionId) {
        Learner learner = service.require(subscriptionId).learner;
        List<UUID> ids = subscriptionsOf(learner).stream().map(s -> s.id).toList();
        String addressHash = Addresses.hash(learner.email);
        Instant at = clock.instant();
        ids.forEach(id -> outbox.add(Topics.SUBSCRIPTION_EVENTS, id.toString(), new LearnerErased(learner.id, addressHash, List.of(id), at)));
        em.flush();
        em.clear();
        // The sign-in and new-address events are keyed by the learner.
        List<String> aggregates = java.util.stream.Stream.concat(ids.stream(), java.util.stream.Stream.of(learner.id)).map(UUID::toString).toList();
        // Events already relayed carry the address; the ones still pending (this erasure's among them) go after relaying.
        em.createNativeQuery("DELETE FROM outbox_event WHERE aggregate_id IN (:ids) AND published_at IS NOT NULL")
                .setParameter("ids", aggregates).executeUpdate();
        em.createNativeQuery("DELETE FROM calendar_event WHERE subscription_id IN (:ids)").setParameter("ids", ids).executeUpdate();
        engagements.forget(ids);
        // Slots, progress, skipped weeks and breaks go with their subscription (ON DELETE CASCADE).
        em.createNativeQuery("DELETE FROM subscription WHERE learner_id = :learner").setParameter("learner", learner.id).executeUpdate();
        em.createNativeQuery("DELETE FROM learner WHERE id = :learner").setParameter("learner", learner.id).executeUpdate();
        LOG.infof("Erased learner %s (%s) and %d subscription(s)", learner.id, Addresses.logId(learner.email), ids.size());
        return new Erased(learner.id, ids);
    }

    private List<Subscription> subscriptionsOf(Learner learner) {
        return subscriptions.list("learner.id", learner.id).stream().sorted(Comparator.comparing(s -> s.createdAt)).toList();
    }
}
