package dev.stride.roadmap.subscription;

import dev.stride.roadmap.subscription.Repositories.LearnerRepository;
import jakarta.enterprise.context.ApplicationScoped;

import java.time.Clock;
import java.util.UUID;

/**
 * The one rule for a learner's name and language: anyone can type anyone's address into the subscribe form, so what a
 * request asks for is kept on its subscription and reaches the learner only when the address's owner confirms through
 * the emailed link. Until then a known learner keeps their own; a new one has no name, and the requested language only
 * for the confirmation email itself.
 */
@ApplicationScoped
public class LearnerProfile {

    private final LearnerRepository learners;
    private final Clock clock;

    public LearnerProfile(LearnerRepository learners, Clock clock) {
        this.learners = learners;
        this.clock = clock;
    }

    /** The learner behind the request's address: the known one unchanged, or a new one without a name yet. */
    Learner learnerFor(SubscribeRequest request) {
        return learners.findByEmail(request.email()).orElseGet(() -> {
            Learner learner = new Learner();
            learner.id = UUID.randomUUID();
            learner.email = request.email().strip();
            learner.displayName = "";
            learner.locale = request.locale();
            learner.createdAt = clock.instant();
            learners.persist(learner);
            return learner;
        });
    }

    /** Remembers what the request asked for, on the subscription only. */
    void request(Subscription subscription, SubscribeRequest request) {
        subscription.requestedName = request.name().strip();
        subscription.requestedLocale = request.locale();
    }

    /** The owner confirmed: what the request asked for becomes the learner's. */
    void confirmed(Subscription subscription) {
        Learner learner = subscription.learner;
        if (subscription.requestedName != null) {
            learner.displayName = subscription.requestedName;
        }
        if (subscription.requestedLocale != null) {
            learner.locale = subscription.requestedLocale;
        }
        subscription.requestedName = null;
        subscription.requestedLocale = null;
    }

    /** The language of an email about this request: what was asked for while it is pending, else the learner's own. */
    public static String localeOf(Subscription subscription) {
        return subscription.requestedLocale != null ? subscription.requestedLocale : subscription.learner.locale;
    }
}
