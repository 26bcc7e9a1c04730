package dev.stride.roadmap.engagement;

import dev.stride.contracts.Topics;
import dev.stride.contracts.event.MeasurementChanged;
import dev.stride.roadmap.outbox.Outbox;
import dev.stride.roadmap.subscription.Subscription;
import dev.stride.roadmap.subscription.SubscriptionService;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;

import java.time.Clock;
import java.util.UUID;

/**
 * The learner's choice whether what follows their nudges is measured (manage page, API). A change is published as
 * {@link MeasurementChanged} in the same transaction (the reminder then sends the default content); setting what is
 * already set publishes nothing.
 */
@ApplicationScoped
public class Measurement {

    private final SubscriptionService subscriptions;
    private final Outbox outbox;
    private final Clock clock;

    public Measurement(SubscriptionService subscriptions, Outbox outbox, Clock clock) {
        this.subscriptions = subscriptions;
        this.outbox = outbox;
        this.clock = clock;
    }

    @Transactional
    public Subscription set(UUID subscriptionId, boolean measured) {
        Subscription subscription = subscriptions.require(subscriptionId);
        if (subscription.measured != measured) {
            subscription.measured = measured;
            outbox.add(Topics.SUBSCRIPTION_EVENTS, subscriptionId.toString(), new MeasurementChanged(subscriptionId, measured, clock.instant()));
        }
        return subscription;
    }

    @Transactional
    public boolean measured(UUID subscriptionId) {
        return subscriptions.require(subscriptionId).measured;
    }
}
