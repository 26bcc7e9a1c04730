package dev.stride.roadmap.api;

import dev.stride.roadmap.catalog.CatalogService;
import dev.stride.roadmap.plan.PlanView;
import dev.stride.roadmap.plan.StudySchedules;
import dev.stride.roadmap.problem.FieldErrorCode;
import dev.stride.roadmap.problem.ProblemException;
import dev.stride.roadmap.subscription.PlanRequest;
import dev.stride.roadmap.subscription.SubscribeRequest;
import dev.stride.roadmap.subscription.SubscriptionChecks;
import dev.stride.roadmap.web.CatalogPages;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

import java.time.LocalDate;
import java.util.List;
import java.util.Map;

@Path("/api/roadmaps")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "Roadmaps")
public class RoadmapResource {

    /** A plan to preview: when the learner would start (today in their zone if not given) and when they can study. */
    /** {@code finishBy}: the target-date mode, the weekly study time it takes to finish by that date (optional). */
    /** {@code choices}: the optional milestones and "choose one of" members to count (null: the roadmap as suggested). */
    public record PreviewRequest(LocalDate startDate, PlanRequest plan, LocalDate finishBy, List<String> choices) {
    }

    private final CatalogService catalog;
    private final SubscriptionChecks checks;
    private final StudySchedules schedules;

    public RoadmapResource(CatalogService catalog, SubscriptionChecks checks, StudySchedules schedules) {
        this.catalog = catalog;
        this.checks = checks;
        this.schedules = schedules;
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

    @POST
    @Path("/{id}/preview")
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(summary = "The first weeks' sessions and the projected finish of a plan, laid out by the reminder's pacing; stores nothing")
    public PlanView preview(@PathParam("id") String id, PreviewRequest request) {
        if (catalog.find(id).isEmpty()) {
            throw ProblemException.notFound("Roadmap '" + id + "'");
        }
        SubscriptionChecks.Checked checked = checks.preview(new SubscribeRequest(null, null, null, id,
                request == null ? null : request.startDate(), request == null ? null : request.plan(), null,
                request == null ? null : request.choices()));
        LocalDate finishBy = request.finishBy();
        if (finishBy != null && !finishBy.isAfter(checked.startDate())) {
            throw ProblemException.invalid("finishBy", FieldErrorCode.FINISH_BY_NOT_AFTER, Map.of("start", checked.startDate()));
        }
        return schedules.preview(checked.roadmap().document(), checked.plan(), checked.startDate(), CatalogPages.PREVIEW_WEEKS, finishBy,
                request.choices());
    }
}
