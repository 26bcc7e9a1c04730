package dev.stride.roadmap.web;

import dev.stride.roadmap.catalog.PublishedRoadmap;
import dev.stride.roadmap.catalog.RoadmapDrafts;
import dev.stride.roadmap.console.ConsoleAudit;
import dev.stride.roadmap.problem.ProblemException;
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

/**
 * Roadmap drafts in the console, through {@link RoadmapDrafts} (as the admin API's {@code /admin/roadmaps/{id}/draft}):
 * list, show with what publishing would refuse (validated anew on every view), preview, publish, delete. Drafts are
 * written through the API (a JSON document), not here.
 */
@Path("/admin/console/drafts")
@RolesAllowed(OperatorIdentityProvider.ADMIN)
@Produces(MediaType.TEXT_HTML)
public class ConsoleDraftPages {

    @CheckedTemplate
    static class Templates {
        static native TemplateInstance drafts(List<RoadmapDrafts.Draft> drafts, String notice);

        static native TemplateInstance draft(RoadmapDrafts.Draft draft);
    }

    private final RoadmapDrafts drafts;

    public ConsoleDraftPages(RoadmapDrafts drafts) {
        this.drafts = drafts;
    }

    @GET
    public Response all() {
        return ConsolePages.page(Templates.drafts(drafts.list(), null));
    }

    @GET
    @Path("/{id}")
    public Response show(@PathParam("id") String id) {
        return ConsolePages.page(Templates.draft(drafts.find(id).orElseThrow(() -> notFound(id))));
    }

    @POST
    @Path("/{id}/publish")
    public Response publish(@PathParam("id") String id, @Context SecurityContext security) {
        PublishedRoadmap published = drafts.publish(id);
        ConsoleAudit.log(ConsolePages.operator(security), "publish-draft", "roadmap=" + id + " version=" + published.version());
        return ConsolePages.page(Templates.drafts(drafts.list(), "Published " + id + " as version " + published.version() + "."));
    }

    @POST
    @Path("/{id}/delete")
    public Response delete(@PathParam("id") String id, @Context SecurityContext security) {
        if (!drafts.delete(id)) {
            throw notFound(id);
        }
        ConsoleAudit.log(ConsolePages.operator(security), "delete-draft", "roadmap=" + id);
        return ConsolePages.page(Templates.drafts(drafts.list(), "Deleted the draft of " + id + "."));
    }

    private static ProblemException notFound(String id) {
        return ProblemException.notFound("A draft of roadmap '" + id + "'");
    }
}
