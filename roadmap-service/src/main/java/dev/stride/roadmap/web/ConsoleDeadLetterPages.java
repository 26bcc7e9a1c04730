package dev.stride.roadmap.web;

import dev.stride.roadmap.console.ConsoleAudit;
import dev.stride.roadmap.deadletter.DeadLetterReplay;
import dev.stride.roadmap.deadletter.DeadLetterTopics;
import dev.stride.roadmap.deadletter.DeadLetterViews;
import dev.stride.roadmap.security.OperatorIdentityProvider;
import io.quarkus.qute.CheckedTemplate;
import io.quarkus.qute.TemplateInstance;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.SecurityContext;

import java.util.List;

/** The console's view of the dead-letter topics: the same listing, reading and replay as the admin API ({@code /admin/dlq}). */
@Path("/admin/console/dlq")
@RolesAllowed(OperatorIdentityProvider.ADMIN)
@Produces(MediaType.TEXT_HTML)
public class ConsoleDeadLetterPages {

    /** How many records a topic's page shows, oldest first. */
    static final int SHOWN = 50;

    @CheckedTemplate
    static class Templates {
        static native TemplateInstance deadLetters(List<DeadLetterViews.Topic> topics, String notice);

        static native TemplateInstance deadLetterTopic(String topic, List<DeadLetterViews.Record> records, int shown);
    }

    private final DeadLetterTopics topics;
    private final DeadLetterReplay replay;

    public ConsoleDeadLetterPages(DeadLetterTopics topics, DeadLetterReplay replay) {
        this.topics = topics;
        this.replay = replay;
    }

    @GET
    public Response all() {
        return ConsolePages.page(Templates.deadLetters(topics.list(), null));
    }

    @GET
    @Path("/{topic}")
    public Response records(@PathParam("topic") String topic) {
        return ConsolePages.page(Templates.deadLetterTopic(topic, topics.read(topic, SHOWN), SHOWN));
    }

    /** Replays the topic and shows the list again with what went back where (no redirect: the result is only this page's). */
    @POST
    @Path("/{topic}/replay")
    public Response replay(@PathParam("topic") String topic, @Context SecurityContext security) {
        DeadLetterViews.Replay done = replay.replay(topic);
        ConsoleAudit.log(ConsolePages.operator(security), "replay", "topic=" + topic + " replayed=" + done.replayed() + " to=" + done.to());
        return ConsolePages.page(Templates.deadLetters(topics.list(), "Replayed " + done.replayed() + " record(s) from " + topic
                + (done.to().isEmpty() ? "." : " to " + done.to() + ".")));
    }
}
