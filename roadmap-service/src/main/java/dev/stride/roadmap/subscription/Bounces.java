package dev.stride.roadmap.subscription;

import dev.stride.roadmap.subscription.Repositories.SubscriptionRepository;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;

import java.time.Instant;
import java.util.Optional;
import java.util.UUID;

/**
 * Hard bounces: an address that refused delivery for good, which notifier-service stops emailing for every subscription.
 * Recorded on the learner (one learner is one address), so every manage page of theirs tells them.
 */
@ApplicationScoped
public class Bounces {

    /** SMTP replies are short; anything longer is cut, so a page never shows a wall of text. */
    static final int MAX_REASON_LENGTH = 500;

    private final SubscriptionRepository subscriptions;

    public Bounces(SubscriptionRepository subscriptions) {
        this.subscriptions = subscriptions;
    }

    /**
     * Records that the address of the subscription's learner refused delivery for good at {@code at}, for {@code reason}.
     * Returns false for a subscription this service does not know. Applying one twice, or an older one after a newer, changes
     * nothing: the latest refusal is what the learner sees.
     */
    @Transactional
    public boolean record(UUID subscriptionId, String reason, Instant at) {
        Optional<Subscription> subscription = subscriptionId == null ? Optional.empty() : subscriptions.findByIdOptional(subscriptionId);
        if (subscription.isEmpty()) {
            return false;
        }
        Learner learner = subscription.get().learner;
        if (learner.bouncedAt == null || at.isAfter(learner.bouncedAt)) {
            learner.bouncedAt = at;
            learner.bounceReason = clip(reason);
        }
        return true;
    }

    private static String clip(String reason) {
        if (reason == null || reason.isBlank()) {
            return "no reason given";
        }
        String text = reason.strip();
        return text.length() <= MAX_REASON_LENGTH ? text : text.substring(0, MAX_REASON_LENGTH - 1) + "…";
    }
}
