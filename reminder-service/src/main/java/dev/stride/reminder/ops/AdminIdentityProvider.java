package dev.stride.reminder.ops;

import io.quarkus.security.AuthenticationFailedException;
import io.quarkus.security.identity.AuthenticationRequestContext;
import io.quarkus.security.identity.IdentityProvider;
import io.quarkus.security.identity.SecurityIdentity;
import io.quarkus.security.identity.request.UsernamePasswordAuthenticationRequest;
import io.quarkus.security.runtime.QuarkusPrincipal;
import io.quarkus.security.runtime.QuarkusSecurityIdentity;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import org.eclipse.microprofile.config.inject.ConfigProperty;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.Optional;

/**
 * Checks HTTP Basic credentials against the one operator account of this service, {@code admin}, whose password is
 * {@code stride.operators.admin-password} (the same key and Secret as roadmap-service's admin API). Without that
 * setting there is no account at all, so nothing here can be authenticated.
 */
@ApplicationScoped
public class AdminIdentityProvider implements IdentityProvider<UsernamePasswordAuthenticationRequest> {

    public static final String ADMIN = "admin";

    private final Optional<String> adminPassword;

    public AdminIdentityProvider(@ConfigProperty(name = "stride.operators.admin-password") Optional<String> adminPassword) {
        this.adminPassword = adminPassword.filter(password -> !password.isBlank());
    }

    @Override
    public Class<UsernamePasswordAuthenticationRequest> getRequestType() {
        return UsernamePasswordAuthenticationRequest.class;
    }

    @Override
    public Uni<SecurityIdentity> authenticate(UsernamePasswordAuthenticationRequest request, AuthenticationRequestContext context) {
        byte[] given = new String(request.getPassword().getPassword()).getBytes(StandardCharsets.UTF_8);
        boolean matches = ADMIN.equals(request.getUsername()) && adminPassword.isPresent()
                && MessageDigest.isEqual(adminPassword.get().getBytes(StandardCharsets.UTF_8), given);
        if (!matches) {
            return Uni.createFrom().failure(new AuthenticationFailedException());
        }
        return Uni.createFrom().item(QuarkusSecurityIdentity.builder()
                .setPrincipal(new QuarkusPrincipal(ADMIN))
                .addRole(ADMIN)
                .build());
    }
}
