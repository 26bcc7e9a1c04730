package dev.stride.roadmap.api;

import dev.stride.roadmap.api.SubscriptionResource.Accepted;
import dev.stride.roadmap.subscription.SignInRequest;
import dev.stride.roadmap.subscription.SubscribeIntake;
import io.vertx.core.http.HttpServerRequest;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/** "Email me my links" for clients of the JSON API: the same 202 whether or not the address is known. */
@Path("/api/sign-in")
@Consumes(MediaType.APPLICATION_JSON)
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "Subscriptions")
public class SignInResource {

    private final SubscribeIntake intake;

    public SignInResource(SubscribeIntake intake) {
        this.intake = intake;
    }

    @POST
    @Operation(summary = "Email the address a short-lived link to its learner's home page, if Stride knows it: 202 either way; "
            + "429 with Retry-After when rate-limited")
    public Response signIn(SignInRequest request, @Context HttpServerRequest http) {
        intake.signIn(request, http.remoteAddress() == null ? null : http.remoteAddress().hostAddress());
        return Response.accepted(new Accepted(SubscribeIntake.LINKS_SENT)).build();
    }
}
