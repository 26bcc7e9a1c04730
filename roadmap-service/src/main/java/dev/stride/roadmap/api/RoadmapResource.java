package dev.stride.roadmap.api;

import dev.stride.roadmap.catalog.CatalogService;
import dev.stride.roadmap.problem.ProblemException;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

import java.util.List;

@Path("/api/roadmaps")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "Roadmaps")
public class RoadmapResource {

    private final CatalogService catalog;

    public RoadmapResource(CatalogService catalog) {
        this.catalog = catalog;
    }

    @GET
    @Operation(summary = "The roadmaps a learner can follow")
    public List<RoadmapViews.Summary> list() {
        return catalog.published().stream().map(RoadmapViews::summary).toList();
    }

    @GET
    @Path("/{id}")
    @Operation(summary = "One roadmap with its phases and milestones (retired ones stay readable for their learners)")
    public RoadmapViews.Detail get(@PathParam("id") String id) {
        return catalog.find(id).map(RoadmapViews::detail).orElseThrow(() -> ProblemException.notFound("Roadmap '" + id + "'"));
    }
}
