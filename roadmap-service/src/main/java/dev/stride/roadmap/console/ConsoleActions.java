package dev.stride.roadmap.console;

import dev.stride.contracts.Topics;
import dev.stride.contracts.event.EmailResendRequested;
import dev.stride.roadmap.outbox.Outbox;
import dev.stride.roadmap.problem.ProblemException;
import dev.stride.roadmap.subscription.Learner;
import dev.stride.roadmap.subscription.Repositories.LearnerRepository;
import dev.stride.roadmap.subscription.Repositories.SubscriptionRepository;
import dev.stride.roadmap.subscription.Subscription;
import dev.stride.roadmap.subscription.Suppressions;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;

import java.time.Clock;
import java.util.List;
import java.util.UUID;

/**
 * What an operator may do to a learner from the console: send this week's email again, suppress their address, lift
 * the suppression. Each action writes its event through the outbox in one transaction and logs one audit line
 * (operator, action, learner and subscription ids; never the address).
 */
@ApplicationScoped
public class ConsoleActions {

    /** The reason an operator's suppression carries in {@code suppressed_address} and {@code AddressSuppressed}. */
    public static final String SUPPRESS_REASON = "operator";

    private final LearnerRepository learners;
    private final SubscriptionRepository subscriptions;
    private final LearnerRecords records;
    private final Suppressions suppressions;
    private final Outbox outbox;
    private final Clock clock;

    public ConsoleActions(LearnerRepository learners, SubscriptionRepository subscriptions, LearnerRecords records,
                          Suppressions suppressions, Outbox outbox, Clock clock) {
        this.learners = learners;
        this.subscriptions = subscriptions;
        this.records = records;
        this.suppressions = suppressions;
        this.outbox = outbox;
        this.clock = clock;
    }

    /** Asks the notifier to send the email of the subscription's latest sent nudge again (a digest: the whole digest); returns the learner's id. 404/409 if there is none. */
    @Transactional
    public UUID resend(UUID subscriptionId, String operator) {
        Subscription subscription = subscriptions.findByIdOptional(subscriptionId)
                .orElseThrow(() -> ProblemException.notFound("Subscription " + subscriptionId));
        UUID emailId = records.latestSentEmail(subscriptionId).orElseThrow(() -> ProblemException.conflict("nothing-sent",
                "No nudge was sent for subscription " + subscriptionId + " yet, so there is no email to send again."));
        outbox.add(Topics.SUBSCRIPTION_EVENTS, subscriptionId.toString(),
                new EmailResendRequested(emailId, subscriptionId, operator, clock.instant()));
        audit(operator, "resend", subscription.learner, List.of(subscriptionId), "email=" + emailId);
        return subscription.learner.id;
    }

    /** Suppresses the learner's address (reason {@value #SUPPRESS_REASON}); their subscriptions stay, nothing is emailed. */
    @Transactional
    public boolean suppress(UUID learnerId, String operator) {
        Learner learner = learner(learnerId);
        boolean added = suppressions.suppress(learner.email, SUPPRESS_REASON);
        audit(operator, added ? "suppress" : "suppress (already suppressed)", learner, subscriptionIds(learner), null);
        return added;
    }

    /** Lifts the suppression of the learner's address and their hard bounce. */
    @Transactional
    public boolean unsuppress(UUID learnerId, String operator) {
        Learner learner = learner(learnerId);
        boolean lifted = suppressions.unsuppress(learner, operator);
        audit(operator, lifted ? "unsuppress" : "unsuppress (nothing to lift)", learner, subscriptionIds(learner), null);
        return lifted;
    }

    private Learner learner(UUID learnerId) {
        return learners.findByIdOptional(learnerId).orElseThrow(() -> ProblemException.notFound("Learner " + learnerId));
    }

    private List<UUID> subscriptionIds(Learner learner) {
        return subscriptions.list("learner.id", learner.id).stream().map(subscription -> subscription.id).toList();
    }

    private static void audit(String operator, String action, Learner learner, List<UUID> subscriptionIds, String detail) {
        ConsoleAudit.log(operator, action, "learner=" + learner.id + " subscriptions=" + subscriptionIds + (detail == null ? "" : " " + detail));
    }
}
