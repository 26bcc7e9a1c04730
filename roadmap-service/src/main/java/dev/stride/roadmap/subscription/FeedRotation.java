package dev.stride.roadmap.subscription;

import dev.stride.contracts.link.LinkToken;
import dev.stride.contracts.link.LinkUrls;
import dev.stride.roadmap.problem.ProblemException;
import dev.stride.roadmap.subscription.Repositories.SubscriptionRepository;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;

import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.UUID;

/**
 * The calendar feed's link works while its subscription lives, so it is ended by rotating, not by time: a learner whose
 * feed URL leaked rotates it from the manage page, and every feed link issued before that is refused from then on (links
 * name their issue time, {@link LinkUrls#calendarIssuedAt}); the manage page and later emails carry new ones.
 */
@ApplicationScoped
public class FeedRotation {

    private final SubscriptionRepository subscriptions;
    private final Clock clock;

    public FeedRotation(SubscriptionRepository subscriptions, Clock clock) {
        this.subscriptions = subscriptions;
        this.clock = clock;
    }

    @Transactional
    public void rotate(UUID subscriptionId) {
        // Links name their issue time in milliseconds: one issued right after this, in the same millisecond, still works.
        require(subscriptionId).calendarRotatedAt = clock.instant().truncatedTo(ChronoUnit.MILLIS);
    }

    /** Whether a verified feed link was issued after the feed's last rotation. */
    @Transactional
    public boolean current(LinkToken token) {
        Instant rotatedAt = require(token.subscriptionId()).calendarRotatedAt;
        return rotatedAt == null || LinkUrls.calendarIssuedAt(token).map(issued -> !issued.isBefore(rotatedAt)).orElse(false);
    }

    private Subscription require(UUID subscriptionId) {
        return subscriptions.findByIdOptional(subscriptionId).orElseThrow(() -> ProblemException.notFound("Subscription " + subscriptionId));
    }
}
