package dev.stride.reminder.ops;

import dev.stride.contracts.time.AdjustableClock;
import io.quarkus.runtime.LaunchMode;
import io.quarkus.runtime.configuration.ConfigUtils;
import io.quarkus.security.ForbiddenException;
import io.quarkus.security.UnauthorizedException;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.SecurityContext;
import org.eclipse.microprofile.config.inject.ConfigProperty;

import java.time.Duration;
import java.time.format.DateTimeParseException;
import java.util.Map;

/**
 * The demo switch: moves this service's clock forward so a person (or a test) sees weeks pass without
 * waiting. It does not exist (404) unless {@code stride.demo.clock-control=true}, and never in the prod profile
 * whatever the setting; where it exists, only the operator {@code admin} may use it (HTTP Basic,
 * {@link AdminIdentityProvider}).
 */
@Path("/ops/clock")
@Produces(MediaType.APPLICATION_JSON)
public class ClockResource {

    private final AdjustableClock clock;
    private final ClockOffsets offsets;
    private final boolean enabled;

    public ClockResource(AdjustableClock clock, ClockOffsets offsets, @ConfigProperty(name = "stride.demo.clock-control", defaultValue = "false") boolean enabled) {
        this.clock = clock;
        this.offsets = offsets;
        this.enabled = enabled && !ConfigUtils.getProfiles().contains(LaunchMode.NORMAL.getDefaultProfile());
    }

    @POST
    @Path("/advance")
    public Response advance(@QueryParam("by") String by, @Context SecurityContext caller) {
        if (!enabled) {
            // Not a refusal that says there is something here: in production the endpoint does not exist.
            return Response.status(Response.Status.NOT_FOUND).type("application/problem+json").entity(Map.of(
                    "title", "Not Found", "status", 404)).build();
        }
        if (caller.getUserPrincipal() == null) {
            throw new UnauthorizedException(); // 401 with the Basic challenge
        }
        if (!caller.isUserInRole(AdminIdentityProvider.ADMIN)) {
            throw new ForbiddenException();
        }
        Duration duration;
        try {
            duration = Duration.parse(by == null ? "P7D" : by);
        } catch (DateTimeParseException e) {
            return Response.status(Response.Status.BAD_REQUEST).type("application/problem+json").entity(Map.of(
                    "title", "Invalid input", "status", 400, "errors", java.util.List.of(Map.of("field", "by",
                            "message", "must be an ISO-8601 duration such as P7D or PT12H")))).build();
        }
        if (duration.isNegative() || duration.compareTo(Duration.ofDays(366)) > 0) {
            return Response.status(Response.Status.BAD_REQUEST).type("application/problem+json").entity(Map.of(
                    "title", "Invalid input", "status", 400, "errors", java.util.List.of(Map.of("field", "by",
                            "message", "must move forward, by at most a year")))).build();
        }
        return Response.ok(Map.of("now", offsets.advance(duration).toString(), "offset", clock.offset().toString())).build();
    }
}
