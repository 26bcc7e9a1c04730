package dev.stride.roadmap.ops;

import dev.stride.contracts.time.DemoClock;
import dev.stride.roadmap.problem.ProblemException;
import dev.stride.roadmap.security.OperatorIdentityProvider;
import io.quarkus.security.ForbiddenException;
import io.quarkus.security.UnauthorizedException;
import jakarta.ws.rs.NotFoundException;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.SecurityContext;
import org.eclipse.microprofile.openapi.annotations.Operation;

import java.util.Map;

/**
 * The demo switch, as reminder-service has it: moves this service's clock forward, so the pages' "today" (the manage
 * page, re-planning, the preview, the start date's checks) is the demo's today, the one the reminder's emails speak of.
 * It does not exist (404, as any unknown path) unless {@code stride.demo.clock-control=true}, and never in the prod
 * profile ({@link DemoClock}); where it exists, only the operator {@code admin} may use it (HTTP Basic).
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
    @Operation(summary = "Demo only: move this service's clock forward (by=P7D)", hidden = true)
    public Map<String, String> advance(@QueryParam("by") String by, @Context SecurityContext caller) {
        if (!demo.enabled()) {
            throw new NotFoundException(); // checked before the caller, so nothing tells that there is something here
        }
        if (caller == null || caller.getUserPrincipal() == null) {
            throw new UnauthorizedException(); // 401 with the Basic challenge
        }
        if (!caller.isUserInRole(OperatorIdentityProvider.ADMIN)) {
            throw new ForbiddenException();
        }
        DemoClock.Step step = DemoClock.step(by);
        if (step.duration().isEmpty()) {
            throw ProblemException.invalid("by", step.refusal());
        }
        return Map.of("now", demo.advance(step.duration().get()).toString(), "offset", demo.offset().toString());
    }
}
