package dev.stride.roadmap.web;

import dev.stride.roadmap.console.ConsoleActions;
import dev.stride.roadmap.console.EngagementFigures;
import dev.stride.roadmap.console.LearnerRecords;
import dev.stride.roadmap.problem.FieldErrorCode;
import dev.stride.roadmap.problem.ProblemException;
import dev.stride.roadmap.security.OperatorIdentityProvider;
import dev.stride.roadmap.subscription.Learner;
import dev.stride.roadmap.subscription.Repositories.LearnerRepository;
import io.quarkus.qute.CheckedTemplate;
import io.quarkus.qute.TemplateInstance;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.FormParam;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.SecurityContext;
import jakarta.ws.rs.core.UriBuilder;

import java.util.Map;
import java.util.UUID;

/**
 * The operators' console (HTTP Basic as {@code admin}, English only): look a learner up by address, see their
 * subscriptions, nudges, deliveries and engagement, send this week's email again, suppress or unsuppress the address;
 * the engagement dashboard. The lookup is a POST, so an address never sits in a URL (access logs, history). Forms
 * pass the same Origin check as every page (Quarkus's CORS filter, see application.properties).
 */
@Path("/admin/console")
@RolesAllowed(OperatorIdentityProvider.ADMIN)
@Produces(MediaType.TEXT_HTML)
public class ConsolePages {

    static final String ROOT = "/admin/console";

    @CheckedTemplate
    static class Templates {
        static native TemplateInstance home(String notice);

        static native TemplateInstance learner(LearnerRecords.Record learner, String notice);

        static native TemplateInstance noLearner();

        static native TemplateInstance dashboard(EngagementFigures.Figures figures);
    }

    private final LearnerRepository learners;
    private final LearnerRecords records;
    private final ConsoleActions actions;
    private final EngagementFigures figures;

    public ConsolePages(LearnerRepository learners, LearnerRecords records, ConsoleActions actions, EngagementFigures figures) {
        this.learners = learners;
        this.records = records;
        this.actions = actions;
        this.figures = figures;
    }

    @GET
    public Response home() {
        return page(Templates.home(null));
    }

    /** Looks the address up as the subscribe path stores it (trimmed, any case) and shows its learner, or a 404 page. */
    @POST
    @Path("/lookup")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    public Response lookup(@FormParam("address") String address) {
        if (address == null || address.isBlank()) {
            throw ProblemException.invalid("address", FieldErrorCode.NOT_BLANK);
        }
        return learners.findByEmail(address.strip())
                .map(learner -> seeOther(learner.id, null))
                .orElseGet(() -> Response.status(Response.Status.NOT_FOUND).entity(Templates.noLearner())
                        .header("Cache-Control", "no-store").build());
    }

    @GET
    @Path("/learners/{id}")
    public Response learner(@PathParam("id") UUID id, @QueryParam("notice") String notice) {
        Learner learner = learners.findByIdOptional(id).orElse(null);
        if (learner == null) {
            return Response.status(Response.Status.NOT_FOUND).entity(Templates.noLearner()).header("Cache-Control", "no-store").build();
        }
        return page(Templates.learner(records.of(learner), notice == null ? null : Notices.TEXTS.get(notice)));
    }

    @POST
    @Path("/subscriptions/{id}/resend")
    public Response resend(@PathParam("id") UUID subscriptionId, @Context SecurityContext security) {
        return seeOther(actions.resend(subscriptionId, operator(security)), Notices.RESENT);
    }

    @POST
    @Path("/learners/{id}/suppress")
    public Response suppress(@PathParam("id") UUID learnerId, @Context SecurityContext security) {
        actions.suppress(learnerId, operator(security));
        return seeOther(learnerId, Notices.SUPPRESSED);
    }

    @POST
    @Path("/learners/{id}/unsuppress")
    public Response unsuppress(@PathParam("id") UUID learnerId, @Context SecurityContext security) {
        actions.unsuppress(learnerId, operator(security));
        return seeOther(learnerId, Notices.UNSUPPRESSED);
    }

    @GET
    @Path("/dashboard")
    public Response dashboard() {
        return page(Templates.dashboard(figures.now()));
    }

    static String operator(SecurityContext security) {
        return security.getUserPrincipal().getName();
    }

    static Response page(TemplateInstance page) {
        return Response.ok(page).header("Cache-Control", "no-store").build();
    }

    private static Response seeOther(UUID learnerId, String notice) {
        UriBuilder to = UriBuilder.fromPath(ROOT + "/learners/{id}");
        if (notice != null) {
            to.queryParam("notice", notice);
        }
        return Response.seeOther(to.build(learnerId)).build();
    }

    /** What a page says after an action redirected to it; only these keys are shown, never text from the URL. */
    static final class Notices {
        static final String RESENT = "resent";
        static final String SUPPRESSED = "suppressed";
        static final String UNSUPPRESSED = "unsuppressed";
        static final Map<String, String> TEXTS = Map.of(
                RESENT, "This week's email is on its way again (the notifier sends it unless the address is suppressed).",
                SUPPRESSED, "The address is suppressed: Stride sends it nothing until it is unsuppressed.",
                UNSUPPRESSED, "The suppression and any hard bounce are lifted: Stride may email the address again.");

        private Notices() {
        }
    }
}
