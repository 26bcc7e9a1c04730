package dev.stride.roadmap.security;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithName;

import java.util.Optional;

/**
 * The operator accounts of the admin API: {@code admin} may change roadmaps, an optional read-only
 * {@code viewer} (for dashboards and support) may only read them. Passwords come from Secrets.
 */
@ConfigMapping(prefix = "stride.operators")
public interface OperatorAccounts {

    /** STRIDE_OPERATORS_ADMIN_PASSWORD */
    @WithName("admin-password")
    String adminPassword();

    /** STRIDE_OPERATORS_VIEWER_PASSWORD; without it there is no viewer account. */
    @WithName("viewer-password")
    Optional<String> viewerPassword();
}
