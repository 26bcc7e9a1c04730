package dev.stride.roadmap.security;

import io.quarkus.security.AuthenticationFailedException;
import io.quarkus.security.identity.AuthenticationRequestContext;
import io.quarkus.security.identity.IdentityProvider;
import io.quarkus.security.identity.SecurityIdentity;
import io.quarkus.security.identity.request.UsernamePasswordAuthenticationRequest;
import io.quarkus.security.runtime.QuarkusPrincipal;
import io.quarkus.security.runtime.QuarkusSecurityIdentity;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.Optional;

/** Checks HTTP Basic credentials against {@link OperatorAccounts}, in constant time. */
@ApplicationScoped
public class OperatorIdentityProvider implements IdentityProvider<UsernamePasswordAuthenticationRequest> {

    public static final String ADMIN = "admin";
    public static final String VIEWER = "viewer";

    private final OperatorAccounts accounts;

    public OperatorIdentityProvider(OperatorAccounts accounts) {
        this.accounts = accounts;
    }

    @Override
    public Class<UsernamePasswordAuthenticationRequest> getRequestType() {
        return UsernamePasswordAuthenticationRequest.class;
    }

    @Override
    public Uni<SecurityIdentity> authenticate(UsernamePasswordAuthenticationRequest request, AuthenticationRequestContext context) {
        String user = request.getUsername();
        char[] given = request.getPassword().getPassword();
        Optional<String> expected = switch (user) {
            case ADMIN -> Optional.of(accounts.adminPassword());
            case VIEWER -> accounts.viewerPassword();
            default -> Optional.empty();
        };
        if (expected.isEmpty() || !matches(expected.get(), given)) {
            return Uni.createFrom().failure(new AuthenticationFailedException());
        }
        return Uni.createFrom().item(QuarkusSecurityIdentity.builder()
                .setPrincipal(new QuarkusPrincipal(user))
                .addRole(user)
                .build());
    }

    private static boolean matches(String expected, char[] given) {
        return MessageDigest.isEqual(expected.getBytes(StandardCharsets.UTF_8), new String(given).getBytes(StandardCharsets.UTF_8));
    }
}
