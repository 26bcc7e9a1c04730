package dev.stride.roadmap.subscription;

import dev.stride.contracts.Topics;
import dev.stride.contracts.event.AddressChangeRequested;
import dev.stride.contracts.event.LearnerChanged;
import dev.stride.contracts.link.LinkPurpose;
import dev.stride.contracts.privacy.Addresses;
import dev.stride.roadmap.link.Links;
import dev.stride.roadmap.outbox.Outbox;
import dev.stride.roadmap.problem.Problem;
import dev.stride.roadmap.problem.ProblemException;
import dev.stride.roadmap.subscription.Repositories.LearnerRepository;
import dev.stride.roadmap.subscription.Repositories.SubscriptionRepository;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;

import java.time.Clock;
import java.util.List;
import java.util.UUID;

/**
 * The one rule for a learner's name and language: anyone can type anyone's address into the subscribe form, so what a
 * request asks for is kept on its subscription and reaches the learner only when the address's owner confirms through
 * the emailed link. Until then a known learner keeps their own; a new one has no name, and the requested language only
 * for the confirmation email itself. Later the learner changes them, and their address, only through a confirmed link (the
 * home page): a new address is used once the link emailed to it is followed ({@link #verifyAddress}); until then the old
 * one keeps getting every email.
 */
@ApplicationScoped
public class LearnerProfile {

    /** What a profile change did: {@code addressPending} when a new address awaits its link (sent unless the address is taken or suppressed). */
    public record Changed(boolean addressPending) {
    }

    private final LearnerRepository learners;
    private final SubscriptionRepository subscriptions;
    private final SubscriptionChecks checks;
    private final NotMe notMe;
    private final Outbox outbox;
    private final Links links;
    private final Clock clock;

    public LearnerProfile(LearnerRepository learners, SubscriptionRepository subscriptions, SubscriptionChecks checks, NotMe notMe,
                          Outbox outbox, Links links, Clock clock) {
        this.learners = learners;
        this.subscriptions = subscriptions;
        this.checks = checks;
        this.notMe = notMe;
        this.outbox = outbox;
        this.links = links;
        this.clock = clock;
    }

    /**
     * The signed-in learner's name, language and choice of one weekly digest or a separate email per roadmap (unchanged when
     * the request leaves it out), applied now (and told to the reminder through {@link LearnerChanged}); a
     * different address is only requested: {@link AddressChangeRequested} emails a link to it. An address that another
     * learner uses or that was suppressed gets no email, and the learner hears the same.
     */
    @Transactional
    public Changed change(UUID learnerId, ProfileRequest request) {
        checks.validate(request);
        Learner learner = learners.findByIdOptional(learnerId).orElseThrow(() -> ProblemException.notFound("This learner"));
        String name = request.name().strip();
        boolean separate = request.emails() == null ? learner.separateEmails : ProfileRequest.SEPARATE.equals(request.emails());
        if (!name.equals(learner.displayName) || !request.locale().equals(learner.locale) || separate != learner.separateEmails) {
            learner.displayName = name;
            learner.locale = request.locale();
            learner.separateEmails = separate;
            announce(learner);
        }
        String address = request.email().strip();
        if (address.equalsIgnoreCase(learner.email)) {
            learner.pendingEmail = null;
            learner.pendingEmailAt = null;
            return new Changed(false);
        }
        learner.pendingEmail = address;
        learner.pendingEmailAt = clock.instant();
        if (learners.findByEmail(address).isEmpty() && !notMe.suppressed(address)) {
            outbox.add(Topics.SUBSCRIPTION_EVENTS, learner.id.toString(), new AddressChangeRequested(learner.id, learner.asEvent(), address,
                    links.verifyAddressUrl(learner.id, Addresses.hash(address)), clock.instant().plus(links.validity(LinkPurpose.VERIFY_ADDRESS))));
        }
        return new Changed(true);
    }

    /** The link sent to the new address was followed: it becomes the learner's. A link for an address no longer asked for is a 410. */
    @Transactional
    public Learner verifyAddress(UUID learnerId, String addressHash) {
        Learner learner = learners.findByIdOptional(learnerId).orElseThrow(() -> ProblemException.notFound("This learner"));
        if (learner.pendingEmail == null || !Addresses.hash(learner.pendingEmail).equals(addressHash)) {
            throw new ProblemException(Problem.of(410, "address-change-replaced", "Address change no longer pending",
                    "This address change was already made, or replaced by a newer one. Sign in again to see your current address."));
        }
        if (learners.findByEmail(learner.pendingEmail).filter(other -> !other.id.equals(learner.id)).isPresent()) {
            throw ProblemException.conflict("address-taken", "Another learner uses this address, so it cannot become yours.");
        }
        learner.email = learner.pendingEmail;
        learner.pendingEmail = null;
        learner.pendingEmailAt = null;
        announce(learner);
        return learner;
    }

    /** Every live subscription's later emails go to the learner as they are now. */
    private void announce(Learner learner) {
        for (Subscription live : subscriptions.list("learner.id = ?1 and status in ?2", learner.id,
                List.of(Subscription.Status.ACTIVE, Subscription.Status.PAUSED))) {
            outbox.add(Topics.SUBSCRIPTION_EVENTS, live.id.toString(), new LearnerChanged(live.id, learner.asEvent()));
        }
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
