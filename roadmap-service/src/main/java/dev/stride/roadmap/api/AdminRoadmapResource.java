package dev.stride.roadmap.api;

import dev.stride.roadmap.catalog.CatalogService;
import dev.stride.roadmap.catalog.PublishedRoadmap;
import dev.stride.roadmap.catalog.RoadmapDocument;
import dev.stride.roadmap.catalog.RoadmapOutline;
import dev.stride.roadmap.problem.FieldError;
import dev.stride.roadmap.problem.FieldErrorCode;
import dev.stride.roadmap.problem.ProblemException;
import jakarta.annotation.security.RolesAllowed;
import dev.stride.roadmap.security.OperatorIdentityProvider;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirement;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

import java.util.List;

/** Operators create, revise and retire roadmaps (HTTP Basic as {@code admin}); a {@code viewer} may only read. */
@Path("/admin/roadmaps")
@RolesAllowed(OperatorIdentityProvider.ADMIN)
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "Admin")
@SecurityRequirement(name = "basic")
public class AdminRoadmapResource {

    private final CatalogService catalog;

    public AdminRoadmapResource(CatalogService catalog) {
        this.catalog = catalog;
    }

    @GET
    @RolesAllowed({OperatorIdentityProvider.ADMIN, OperatorIdentityProvider.VIEWER})
    @Operation(summary = "Every roadmap, retired ones too, with its current version")
    public List<RoadmapViews.Detail> all() {
        return catalog.all().stream().map(RoadmapViews::detail).toList();
    }

    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(summary = "Create a roadmap; it is published as version 1")
    public Response create(RoadmapDocument document, UriInfo uri) {
        requireBody(document);
        PublishedRoadmap created = catalog.create(document);
        return Response.created(uri.getBaseUriBuilder().path("api/roadmaps").path(created.id()).build())
                .entity(RoadmapViews.detail(created)).build();
    }

    @POST
    @Path("/validate")
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(summary = "Validate a roadmap document without storing anything: its figures, or 422 naming every bad field")
    public RoadmapOutline validate(RoadmapDocument document) {
        requireBody(document);
        List<FieldError> errors = catalog.check(document);
        if (!errors.isEmpty()) {
            throw ProblemException.invalidRoadmap(errors);
        }
        return RoadmapOutline.of(document);
    }

    @POST
    @Path("/{id}/versions")
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(summary = "Publish a new version: milestones added, removed, reordered or re-estimated")
    public Response publish(@PathParam("id") String id, RoadmapDocument document) {
        requireBody(document);
        return Response.status(Response.Status.CREATED).entity(RoadmapViews.detail(catalog.publish(id, document))).build();
    }

    @POST
    @Path("/{id}/retire")
    @Operation(summary = "Retire a roadmap: no new learners, pending nudges cancelled")
    public RoadmapViews.Detail retire(@PathParam("id") String id) {
        return RoadmapViews.detail(catalog.retire(id));
    }

    static void requireBody(RoadmapDocument document) {
        if (document == null) {
            throw ProblemException.invalid("body", FieldErrorCode.BODY_ROADMAP);
        }
    }
}
