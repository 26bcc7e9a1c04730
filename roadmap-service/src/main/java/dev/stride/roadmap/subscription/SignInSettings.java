package dev.stride.roadmap.subscription;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

/**
 * "Email me my links" (STRIDE_SIGN_IN_*): how many sign-in emails one address may get. Requests per client and the
 * overall ceiling are the subscribe form's ({@link SubscribeLimits}); the link's lifetime is {@code stride.links.sign-in-validity}.
 */
@ConfigMapping(prefix = "stride.sign-in")
public interface SignInSettings {

    /** Sign-in emails to one address per hour. */
    @WithDefault("3")
    int perAddressPerHour();

    /** ... and per day. */
    @WithDefault("10")
    int perAddressPerDay();
}
