package dev.stride.roadmap.subscription;

import dev.stride.contracts.privacy.Addresses;
import dev.stride.roadmap.problem.TooManyRequests;
import dev.stride.roadmap.subscription.RateLimits.Scope;
import jakarta.enterprise.context.ApplicationScoped;

import java.util.UUID;

/**
 * Subscribe requests as they arrive over HTTP, from the JSON API and the roadmap page's form alike: limited per client
 * address, then (once the request is valid, so a corrected form is not refused) per recipient address and overall,
 * before {@link SubscriptionService#subscribe} sends anything; "email me my links" ({@link SignIn}) alike. A refusal is a {@link TooManyRequests} and changes nothing.
 */
@ApplicationScoped
public class SubscribeIntake {

    /** What every accepted request hears, whether the address is new, pending, already following or suppressed. */
    public static final String ACCEPTED = "Thanks. If this address can receive our emails, a message about this roadmap is on its way: "
            + "open it to confirm. Nothing is sent until you do.";

    /** What every accepted "email me my links" hears, whether or not Stride knows the address. */
    public static final String LINKS_SENT = "Thanks. If Stride knows this address, an email with a link to all your subscriptions is on its way. "
            + "The link works for a short while; ask again any time.";

    private final SubscriptionChecks checks;
    private final SubscriptionService subscriptions;
    private final SignIn signIn;
    private final LearnerProfile profile;
    private final RateLimits limits;

    public SubscribeIntake(SubscriptionChecks checks, SubscriptionService subscriptions, SignIn signIn, LearnerProfile profile, RateLimits limits) {
        this.checks = checks;
        this.subscriptions = subscriptions;
        this.signIn = signIn;
        this.profile = profile;
        this.limits = limits;
    }

    /** {@code client} is the requester's IP address (behind a trusted proxy, the one it forwarded). */
    public void subscribe(SubscribeRequest request, String client) {
        limits.take(Scope.CLIENT, client == null ? "unknown" : client);
        checks.validate(request);
        limits.take(Scope.ADDRESS, Addresses.hash(request.email()));
        limits.take(Scope.OVERALL, "all");
        subscriptions.subscribe(request);
    }

    /**
     * "Email me my links", limited like a subscribe request: per client, then (once the address is one) per address and
     * overall, whether or not the address is known, so neither the answer nor the limits tell who is a learner.
     */
    public void signIn(SignInRequest request, String client) {
        limits.take(Scope.CLIENT, client == null ? "unknown" : client);
        checks.validate(request);
        limits.take(Scope.SIGN_IN, Addresses.hash(request.email()));
        limits.take(Scope.OVERALL, "all");
        signIn.send(request.email());
    }

    /**
     * The home page's profile form ({@link LearnerProfile#change}): a new address costs a turn of the same per-address and
     * overall limits, since it sends an email to whatever address was typed.
     */
    public LearnerProfile.Changed changeProfile(UUID learnerId, ProfileRequest request) {
        checks.validate(request);
        if (!signIn.learner(learnerId).email.equalsIgnoreCase(request.email().strip())) {
            limits.take(Scope.SIGN_IN, Addresses.hash(request.email()));
            limits.take(Scope.OVERALL, "all");
        }
        return profile.change(learnerId, request);
    }
}
