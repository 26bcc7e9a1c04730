package dev.stride.roadmap.web;

import dev.stride.roadmap.api.RoadmapViews;
import dev.stride.roadmap.catalog.CatalogService;
import dev.stride.roadmap.problem.Problem;
import io.quarkus.qute.CheckedTemplate;
import io.quarkus.qute.TemplateInstance;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

import java.util.List;

/**
 * The catalog and each roadmap's page, read-only: where the launcher's banner and the goodbye email's
 * "subscribe again" link lead. The subscribe form and live preview come with the web pages issue.
 */
@Path("/")
@Produces(MediaType.TEXT_HTML)
public class CatalogPages {

    @CheckedTemplate
    static class Templates {
        static native TemplateInstance catalog(List<RoadmapViews.Summary> roadmaps);

        static native TemplateInstance roadmap(RoadmapViews.Detail roadmap);
    }

    private final CatalogService catalog;

    public CatalogPages(CatalogService catalog) {
        this.catalog = catalog;
    }

    @GET
    public Response catalog() {
        return Response.ok(Templates.catalog(catalog.published().stream().map(RoadmapViews::summary).toList()))
                .header("Cache-Control", "public, max-age=60").build();
    }

    @GET
    @Path("roadmaps/{id}")
    public Response roadmap(@PathParam("id") String id) {
        return catalog.find(id)
                .map(found -> Response.ok(Templates.roadmap(RoadmapViews.detail(found))).header("Cache-Control", "public, max-age=60").build())
                .orElseGet(() -> LinkPages.problemPage(Problem.of(404, "not-found", "No such roadmap",
                        "There is no roadmap '" + id + "'. The catalog lists every one.")));
    }
}
