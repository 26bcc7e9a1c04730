package dev.stride.reminder.ops;

import dev.stride.contracts.time.AdjustableClock;
import io.quarkus.runtime.LaunchMode;
import io.quarkus.runtime.configuration.ConfigUtils;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import org.eclipse.microprofile.config.inject.ConfigProperty;

import java.time.Duration;
import java.time.format.DateTimeParseException;
import java.util.Map;

/**
 * The demo switch: moves this service's clock forward so a person (or a test) sees weeks pass without
 * waiting. Off unless {@code stride.demo.clock-control=true}, and refused in the prod profile whatever the setting.
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
    public Response advance(@QueryParam("by") String by) {
        if (!enabled) {
            return Response.status(Response.Status.FORBIDDEN).type("application/problem+json").entity(Map.of(
                    "title", "Clock control is off", "status", 403,
                    "detail", "Moving time is a demo feature: set stride.demo.clock-control=true outside the prod profile.")).build();
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
