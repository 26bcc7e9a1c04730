package dev.stride.roadmap.subscription;

import dev.stride.contracts.Topics;
import dev.stride.contracts.event.SignInRequested;
import dev.stride.contracts.link.LinkPurpose;
import dev.stride.roadmap.link.Links;
import dev.stride.roadmap.outbox.Outbox;
import dev.stride.roadmap.problem.ProblemException;
import dev.stride.roadmap.subscription.Repositories.LearnerRepository;
import dev.stride.roadmap.subscription.Repositories.SubscriptionRepository;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;

import java.time.Clock;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

/**
 * "Email me my links": a short-lived link to the learner's home page, which lists every subscription and opens each
 * manage page with a fresh link, so a lost or expired link is never a dead end. Sent only to an address Stride knows (a
 * learner who confirmed a subscription once) and that was not suppressed; the asker cannot tell ({@link SubscribeIntake#signIn}).
 */
@ApplicationScoped
public class SignIn {

    private final LearnerRepository learners;
    private final SubscriptionRepository subscriptions;
    private final NotMe notMe;
    private final Outbox outbox;
    private final Links links;
    private final Clock clock;

    public SignIn(LearnerRepository learners, SubscriptionRepository subscriptions, NotMe notMe, Outbox outbox, Links links, Clock clock) {
        this.learners = learners;
        this.subscriptions = subscriptions;
        this.notMe = notMe;
        this.outbox = outbox;
        this.links = links;
        this.clock = clock;
    }

    /** Emits SignInRequested for a known address; true if it did. */
    @Transactional
    boolean send(String email) {
        Optional<Learner> known = learners.findByEmail(email.strip())
                .filter(learner -> subscriptions.count("learner.id = ?1 and confirmedAt is not null", learner.id) > 0)
                .filter(learner -> !notMe.suppressed(learner.email));
        known.ifPresent(learner -> outbox.add(Topics.SUBSCRIPTION_EVENTS, learner.id.toString(), new SignInRequested(learner.id,
                learner.asEvent(), links.homeUrl(learner.id),
                clock.instant().plus(links.validity(LinkPurpose.SIGN_IN)))));
        return known.isPresent();
    }

    /** The learner a home page link was signed for; 404 once they were erased. */
    @Transactional
    public Learner learner(UUID learnerId) {
        return learners.findByIdOptional(learnerId).orElseThrow(() -> ProblemException.notFound("This learner"));
    }

    /** What the home page lists: every subscription but the requests never confirmed, newest first. */
    @Transactional
    public List<UUID> subscriptionsOf(UUID learnerId) {
        return subscriptions.list("learner.id = ?1 and status <> ?2", learnerId, Subscription.Status.EXPIRED).stream()
                .sorted(Comparator.comparing((Subscription s) -> s.createdAt).reversed()).map(s -> s.id).toList();
    }

    /** The learner of a subscription: a manage link opens the home page too. */
    @Transactional
    public UUID learnerOf(UUID subscriptionId) {
        return subscriptions.findByIdOptional(subscriptionId).map(s -> s.learner.id)
                .orElseThrow(() -> ProblemException.notFound("Subscription " + subscriptionId));
    }
}
