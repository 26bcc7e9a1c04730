package dev.stride.roadmap.subscription;

import dev.stride.contracts.Topics;
import dev.stride.contracts.event.Unsubscribed;
import dev.stride.roadmap.catalog.CatalogService;
import dev.stride.roadmap.catalog.RoadmapDocument;
import dev.stride.roadmap.link.Links;
import dev.stride.roadmap.outbox.Outbox;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;

import dev.stride.roadmap.subscription.Repositories.SubscriptionRepository;

import java.time.Clock;
import java.util.ArrayList;
import java.util.List;

/**
 * The one rule for ending a subscription for good: status UNSUBSCRIBED, {@code ended_at} from the clock, and
 * {@link Unsubscribed} through the outbox (the reminder stops scheduling, the notifier sends one goodbye unless the
 * reason says not to). Used by the learner's own unsubscribe ({@link SubscriptionService#unsubscribe}) and by
 * "this wasn't me" ({@link NotMe}) and by "stop all Stride email" ({@link #endAll}). A subscription that already ended
 * (unsubscribed or expired) is left as it is.
 */
@ApplicationScoped
public class Leaving {

    private final CatalogService catalog;
    private final Outbox outbox;
    private final Links links;
    private final SubscriptionRepository subscriptions;
    private final Clock clock;

    public Leaving(CatalogService catalog, Outbox outbox, Links links, SubscriptionRepository subscriptions, Clock clock) {
        this.catalog = catalog;
        this.subscriptions = subscriptions;
        this.outbox = outbox;
        this.links = links;
        this.clock = clock;
    }

    /** Ends it, with {@code reason} on the event (null: the learner left); false if it had already ended. */
    @Transactional(Transactional.TxType.MANDATORY)
    public boolean end(Subscription subscription, String reason) {
        if (subscription.status == Subscription.Status.UNSUBSCRIBED || subscription.status == Subscription.Status.EXPIRED) {
            return false;
        }
        subscription.status = Subscription.Status.UNSUBSCRIBED;
        subscription.endedAt = clock.instant();
        subscription.pausedAt = null;
        String title = catalog.document(subscription.roadmapId, subscription.roadmapVersion).map(RoadmapDocument::title).orElse(subscription.roadmapId);
        outbox.add(Topics.SUBSCRIPTION_EVENTS, subscription.id.toString(), new Unsubscribed(subscription.id,
                SubscriptionService.learnerOf(subscription), subscription.roadmapId, title, links.roadmapUrl(subscription.roadmapId),
                subscription.endedAt, reason));
        return true;
    }

    /**
     * "Stop all Stride email": ends {@code clicked} as its own unsubscribe does (one goodbye) and every other live
     * subscription of its learner, pending ones included, with {@link Unsubscribed#STOP_ALL} (no goodbye each). Returns
     * the subscriptions this ended.
     */
    @Transactional
    public List<Subscription> endAll(Subscription clicked) {
        List<Subscription> ended = new ArrayList<>();
        if (end(clicked, null)) {
            ended.add(clicked);
        }
        for (Subscription other : subscriptions.liveOf(clicked.learner.id)) {
            if (end(other, Unsubscribed.STOP_ALL)) {
                ended.add(other);
            }
        }
        return ended;
    }
}
