package dev.stride.roadmap.subscription;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

import java.time.Duration;

/** How many subscribe requests may send a confirmation email (STRIDE_SUBSCRIPTIONS_LIMITS_*). */
@ConfigMapping(prefix = "stride.subscriptions.limits")
public interface SubscribeLimits {

    /** Confirmation emails to one recipient address per hour. */
    @WithDefault("1")
    int perAddressPerHour();

    /** ... and per day. */
    @WithDefault("3")
    int perAddressPerDay();

    /** Subscribe requests from one client address per hour. */
    @WithDefault("20")
    int perClientPerHour();

    /** Confirmation emails per hour from all of Stride: the ceiling on what abuse can cost the sending reputation. */
    @WithDefault("2000")
    int overallPerHour();

    /** How often the buckets that filled up again are deleted. */
    @WithDefault("10m")
    Duration cleanupEvery();
}
