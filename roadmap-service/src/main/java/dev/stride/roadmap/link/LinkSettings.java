package dev.stride.roadmap.link;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

import java.time.Duration;
import java.util.Optional;

/**
 * Signed links: the shared keys (Secrets) and their ids, the public base URL they point to, how long each kind lives,
 * and how often used single-use links are forgotten. Rotation: deploy/README.md, "Rotating the link-signing key".
 */
@ConfigMapping(prefix = "stride.links")
public interface LinkSettings {

    /** STRIDE_LINKS_SIGNING_KEY: at least 32 bytes, the same in roadmap-service and reminder-service. */
    String signingKey();

    /** STRIDE_LINKS_KEY_ID: the id of {@link #signingKey()}, written into every token it signs. */
    @WithDefault("k1")
    String keyId();

    /** STRIDE_LINKS_PREVIOUS_SIGNING_KEYS: {@code id=secret,...} (a Secret): keys that no longer sign but still verify. */
    Optional<String> previousSigningKeys();

    /** STRIDE_LINKS_V1_KEY_ID: the key that verifies tokens signed before key ids existed; empty refuses them. */
    @WithDefault("k1")
    String v1KeyId();

    /** STRIDE_LINKS_USED_PURGE_EVERY: how often used single-use links past their expiry are forgotten. */
    @WithDefault("1h")
    Duration usedPurgeEvery();

    /** STRIDE_LINKS_BASE_URL: where learners reach roadmap-service's pages. */
    @WithDefault("http://localhost:8080")
    String baseUrl();

    /** Unconfirmed subscriptions expire, and their confirmation links with them. */
    @WithDefault("48h")
    Duration confirmWithin();

    @WithDefault("14d")
    Duration actionValidity();

    @WithDefault("90d")
    Duration manageValidity();

    /** One-click unsubscribe must keep working long after the email was sent. */
    @WithDefault("365d")
    Duration unsubscribeValidity();

    /** STRIDE_LINKS_SIGN_IN_VALIDITY: how long the home page link of a sign-in email works. */
    @WithDefault("30m")
    Duration signInValidity();

    /** The calendar feed lives with its subscription and ends by rotation, not by time: a century. */
    @WithDefault("36500d")
    Duration calendarValidity();
}
