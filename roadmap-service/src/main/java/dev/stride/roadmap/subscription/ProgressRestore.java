package dev.stride.roadmap.subscription;

import dev.stride.contracts.Topics;
import dev.stride.contracts.event.MilestoneProgressed;
import dev.stride.roadmap.catalog.CatalogService;
import dev.stride.roadmap.outbox.Outbox;
import dev.stride.roadmap.subscription.Repositories.ProgressRepository;
import dev.stride.roadmap.subscription.Repositories.SubscriptionRepository;
import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;

import java.time.Clock;
import java.time.Duration;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * Coming back restores where the learner stood: confirming a subscription to a roadmap the learner left (unsubscribed)
 * within {@link Settings#progressWithin()} copies the ended subscription's milestone progress, for the milestones
 * the roadmap still has, each with a {@link MilestoneProgressed} so the reminder paces from there. Later, the learner
 * starts afresh.
 */
@ApplicationScoped
public class ProgressRestore {

    /** STRIDE_SUBSCRIPTIONS_RESTORE_PROGRESS_WITHIN. */
    @ConfigMapping(prefix = "stride.subscriptions.restore")
    public interface Settings {
        /** How long after unsubscribing a new subscription to the same roadmap takes over the old one's progress. */
        @WithDefault("P180D")
        Duration progressWithin();
    }

    private final SubscriptionRepository subscriptions;
    private final ProgressRepository progress;
    private final CatalogService catalog;
    private final Outbox outbox;
    private final Settings settings;
    private final Clock clock;

    public ProgressRestore(SubscriptionRepository subscriptions, ProgressRepository progress, CatalogService catalog, Outbox outbox,
                           Settings settings, Clock clock) {
        this.subscriptions = subscriptions;
        this.progress = progress;
        this.catalog = catalog;
        this.outbox = outbox;
        this.settings = settings;
        this.clock = clock;
    }

    /** Copies the progress of the learner's subscription to the same roadmap that ended within the window; the count copied. */
    @Transactional(Transactional.TxType.MANDATORY)
    public int restore(Subscription confirmed) {
        return subscriptions.leftSince(confirmed.learner.id, confirmed.roadmapId, clock.instant().minus(settings.progressWithin()))
                .map(left -> copy(left, confirmed)).orElse(0);
    }

    private int copy(Subscription left, Subscription confirmed) {
        Set<String> milestones = catalog.find(confirmed.roadmapId).map(roadmap -> roadmap.document().milestones().stream()
                .map(milestone -> milestone.id()).collect(Collectors.toSet())).orElse(Set.of());
        int copied = 0;
        for (MilestoneProgress old : progress.of(left.id)) {
            if (!milestones.contains(old.key.milestoneId()) || progress.findByIdOptional(new MilestoneProgress.Key(confirmed.id, old.key.milestoneId())).isPresent()) {
                continue;
            }
            MilestoneProgress row = new MilestoneProgress();
            row.key = new MilestoneProgress.Key(confirmed.id, old.key.milestoneId());
            row.state = old.state;
            row.updatedAt = clock.instant();
            row.updatedOn = old.updatedOn;
            row.loggedMinutes = old.loggedMinutes;
            progress.persist(row);
            outbox.add(Topics.SUBSCRIPTION_EVENTS, confirmed.id.toString(),
                    new MilestoneProgressed(confirmed.id, row.key.milestoneId(), row.state, row.updatedOn, row.updatedAt,
                            row.loggedMinutes == 0 ? null : row.loggedMinutes));
            copied++;
        }
        return copied;
    }
}
