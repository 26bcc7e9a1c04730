package dev.stride.roadmap.api;

import dev.stride.roadmap.catalog.RoadmapDocument;
import dev.stride.roadmap.catalog.RoadmapDrafts;
import dev.stride.roadmap.problem.ProblemException;
import dev.stride.roadmap.security.OperatorIdentityProvider;
import dev.stride.roadmap.web.CatalogPages;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.SecurityContext;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirement;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/**
 * A roadmap's draft (one per roadmap id, also for a roadmap not published yet): saved as written, read back with what
 * publishing it would refuse, previewed as its public page, published as the next version, or thrown away.
 */
@Path("/admin/roadmaps/{id}/draft")
@RolesAllowed(OperatorIdentityProvider.ADMIN)
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "Admin")
@SecurityRequirement(name = "basic")
public class AdminRoadmapDraftResource {

    private final RoadmapDrafts drafts;
    private final CatalogPages pages;

    public AdminRoadmapDraftResource(RoadmapDrafts drafts, CatalogPages pages) {
        this.drafts = drafts;
        this.pages = pages;
    }

    @PUT
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(summary = "Save the draft, valid or not; the answer lists what publishing it would refuse")
    public RoadmapDrafts.Draft save(@PathParam("id") String id, RoadmapDocument document, @Context SecurityContext security) {
        AdminRoadmapResource.requireBody(document);
        return drafts.save(id, document, security.getUserPrincipal().getName());
    }

    @GET
    @RolesAllowed({OperatorIdentityProvider.ADMIN, OperatorIdentityProvider.VIEWER})
    @Operation(summary = "The draft as saved, with its validation errors (empty: it would publish)")
    public RoadmapDrafts.Draft find(@PathParam("id") String id) {
        return drafts.find(id).orElseThrow(() -> notFound(id));
    }

    @GET
    @Path("/preview")
    @Produces(MediaType.TEXT_HTML)
    @RolesAllowed({OperatorIdentityProvider.ADMIN, OperatorIdentityProvider.VIEWER})
    @Operation(summary = "The draft rendered as its public roadmap page, with a 'not published' banner")
    public Response preview(@PathParam("id") String id, @QueryParam("lang") String lang, @Context HttpHeaders headers) {
        return pages.draftPage(drafts.asPage(id).orElseThrow(() -> notFound(id)), lang, headers);
    }

    @POST
    @Path("/publish")
    @Operation(summary = "Publish the draft as the roadmap's next version (version 1 of a new roadmap) and delete it")
    public Response publish(@PathParam("id") String id) {
        return Response.status(Response.Status.CREATED).entity(RoadmapViews.detail(drafts.publish(id))).build();
    }

    @DELETE
    @Operation(summary = "Throw the draft away")
    public Response delete(@PathParam("id") String id) {
        if (!drafts.delete(id)) {
            throw notFound(id);
        }
        return Response.noContent().build();
    }

    private static ProblemException notFound(String id) {
        return ProblemException.notFound("A draft of roadmap '" + id + "'");
    }
}
