package dev.stride.roadmap.link;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

import java.time.Duration;

/** Signed links: the shared key (a Secret), the public base URL they point to, and how long each kind lives. */
@ConfigMapping(prefix = "stride.links")
public interface LinkSettings {

    /** STRIDE_LINKS_SIGNING_KEY: at least 32 bytes, the same in roadmap-service and reminder-service. */
    String signingKey();

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
}
