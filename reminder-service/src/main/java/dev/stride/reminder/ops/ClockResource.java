package dev.stride.reminder.ops;

import dev.stride.contracts.time.DemoClock;
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
import java.util.List;
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

    private final DemoClock demo;

    public ClockResource(DemoClock demo) {
        this.demo = demo;
    }

    @POST
    @Path("/advance")
    public Response advance(@QueryParam("by") String by, @Context SecurityContext caller) {
        if (!demo.enabled()) {
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
        DemoClock.Step step = DemoClock.step(by);
        if (step.duration().isEmpty()) {
            return Response.status(Response.Status.BAD_REQUEST).type("application/problem+json").entity(Map.of(
                    "title", "Invalid input", "status", 400, "errors", List.of(Map.of("field", "by", "message", step.refusal())))).build();
        }
        return Response.ok(Map.of("now", demo.advance(step.duration().get()).toString(), "offset", demo.offset().toString())).build();
    }
}
