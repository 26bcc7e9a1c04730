package dev.stride.roadmap.subscription;

import dev.stride.contracts.privacy.Addresses;
import dev.stride.roadmap.problem.TooManyRequests;
import dev.stride.roadmap.subscription.RateLimits.Scope;
import jakarta.enterprise.context.ApplicationScoped;

/**
 * Subscribe requests as they arrive over HTTP, from the JSON API and the roadmap page's form alike: limited per client
 * address, then (once the request is valid, so a corrected form is not refused) per recipient address and overall,
 * before {@link SubscriptionService#subscribe} sends anything. A refusal is a {@link TooManyRequests} and changes nothing.
 */
@ApplicationScoped
public class SubscribeIntake {

    /** What every accepted request hears, whether the address is new, pending, already following or suppressed. */
    public static final String ACCEPTED = "Thanks. If this address can receive our emails, a message about this roadmap is on its way: "
            + "open it to confirm. Nothing is sent until you do.";

    private final SubscriptionChecks checks;
    private final SubscriptionService subscriptions;
    private final RateLimits limits;

    public SubscribeIntake(SubscriptionChecks checks, SubscriptionService subscriptions, RateLimits limits) {
        this.checks = checks;
        this.subscriptions = subscriptions;
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
}
