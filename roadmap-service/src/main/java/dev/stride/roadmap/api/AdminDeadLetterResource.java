package dev.stride.roadmap.api;

import dev.stride.roadmap.deadletter.DeadLetterReplay;
import dev.stride.roadmap.deadletter.DeadLetterTopics;
import dev.stride.roadmap.deadletter.DeadLetterViews;
import dev.stride.roadmap.problem.FieldErrorCode;
import dev.stride.roadmap.problem.ProblemException;
import dev.stride.roadmap.security.OperatorIdentityProvider;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.DefaultValue;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirement;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

import java.util.List;
import java.util.Map;

/**
 * Operators look into the system's dead-letter topics ({@code <topic>.dlq}) and replay them once the cause is fixed
 * (HTTP Basic as {@code admin}). A {@code viewer} sees the counts only: records carry learners' addresses and signed links.
 */
@Path("/admin/dlq")
@RolesAllowed(OperatorIdentityProvider.ADMIN)
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "Admin")
@SecurityRequirement(name = "basic")
public class AdminDeadLetterResource {

    private final DeadLetterTopics topics;
    private final DeadLetterReplay replay;

    public AdminDeadLetterResource(DeadLetterTopics topics, DeadLetterReplay replay) {
        this.topics = topics;
        this.replay = replay;
    }

    @GET
    @RolesAllowed({OperatorIdentityProvider.ADMIN, OperatorIdentityProvider.VIEWER})
    @Operation(summary = "Every dead-letter topic on the cluster with its record count and how many are not replayed yet")
    public List<DeadLetterViews.Topic> all() {
        return topics.list();
    }

    @GET
    @Path("/{topic}")
    @Operation(summary = "Up to `limit` records of a dead-letter topic, oldest first: why each failed, where it came from, its value as text")
    public List<DeadLetterViews.Record> records(@PathParam("topic") String topic, @QueryParam("limit") @DefaultValue("50") String limit) {
        return topics.read(topic, parseLimit(limit));
    }

    @POST
    @Path("/{topic}/replay")
    @Operation(summary = "Republish the records not replayed yet to the topics they failed on, in order per partition")
    public DeadLetterViews.Replay replay(@PathParam("topic") String topic) {
        return replay.replay(topic);
    }

    private static int parseLimit(String limit) {
        try {
            return Integer.parseInt(limit.trim());
        } catch (NumberFormatException e) {
            throw ProblemException.invalid("limit", FieldErrorCode.WHOLE_FROM_ONE_TO, Map.of("max", DeadLetterTopics.MAX_LIMIT));
        }
    }
}
