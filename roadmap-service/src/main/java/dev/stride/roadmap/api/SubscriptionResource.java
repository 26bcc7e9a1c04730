package dev.stride.roadmap.api;

import dev.stride.roadmap.engagement.Measurement;

import dev.stride.contracts.link.LinkPurpose;
import dev.stride.contracts.link.LinkVerificationException;
import dev.stride.pacing.ProgressState;
import dev.stride.roadmap.link.Links;
import dev.stride.roadmap.privacy.LearnerData;
import dev.stride.roadmap.problem.FieldErrorCode;
import dev.stride.roadmap.problem.Problem;
import dev.stride.roadmap.problem.ProblemException;
import dev.stride.roadmap.subscription.PaceChanges;
import dev.stride.roadmap.subscription.PlanRequest;
import dev.stride.roadmap.subscription.SkippedWeeks;
import dev.stride.roadmap.subscription.SubscribeIntake;
import dev.stride.roadmap.subscription.SubscribeRequest;
import dev.stride.roadmap.subscription.SubscriptionService;
import dev.stride.roadmap.subscription.SubscriptionView;
import dev.stride.roadmap.subscription.SubscriptionViews;
import io.vertx.core.http.HttpServerRequest;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * The learner's JSON API. Subscribing is open; everything on an existing subscription needs its manage link's
 * token as {@code Authorization: Bearer <token>}: forged or someone else's is 403, expired is 410.
 */
@Path("/api/subscriptions")
@Consumes(MediaType.APPLICATION_JSON)
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "Subscriptions")
public class SubscriptionResource {

    /** The same answer whether or not the address already subscribes: the email tells its owner which. */
    public record Accepted(String message) {
    }

    public record ProgressChange(ProgressState state) {
    }

    public record SkipWeek(LocalDate week) {
    }

    public record Snooze(Integer days) {
    }

    /** Both days included; the field names are the manage page form's. */
    public record Away(LocalDate awayFrom, LocalDate awayTo) {
    }

    public record Confirmation(String token) {
    }

    /** The learner's choices as they now stand (milestone ids; null or empty: none). */
    public record ChoicesChange(List<String> choices) {
    }

    public record LoggedMinutes(Integer minutes) {
    }

    /** Whether what follows the learner's nudges is measured (engagement recorded, variants tried). */
    public record MeasurementChange(Boolean measured) {
    }

    private final SubscriptionService subscriptions;
    private final SubscriptionViews views;
    private final SubscribeIntake intake;
    private final LearnerData learnerData;
    private final Links links;
    private final SkippedWeeks skippedWeeks;
    private final PaceChanges pace;
    private final Measurement measurement;

    public SubscriptionResource(SubscriptionService subscriptions, SubscriptionViews views, SubscribeIntake intake, LearnerData learnerData,
                                Links links, SkippedWeeks skippedWeeks, PaceChanges pace, Measurement measurement) {
        this.measurement = measurement;
        this.skippedWeeks = skippedWeeks;
        this.subscriptions = subscriptions;
        this.pace = pace;
        this.views = views;
        this.intake = intake;
        this.learnerData = learnerData;
        this.links = links;
    }

    @POST
    @Operation(summary = "Subscribe to a roadmap: 202 and an email to the address (a confirmation, or that it already follows the roadmap); "
            + "429 with Retry-After when rate-limited")
    public Response subscribe(SubscribeRequest request, @Context HttpServerRequest http) {
        intake.subscribe(request, http.remoteAddress() == null ? null : http.remoteAddress().hostAddress());
        return Response.accepted(new Accepted(SubscribeIntake.ACCEPTED)).build();
    }

    @POST
    @Path("/confirm")
    @Operation(summary = "Confirm with the token of the confirmation link")
    public SubscriptionView confirm(Confirmation confirmation) {
        String token = confirmation == null ? null : confirmation.token();
        UUID id = verify(token, LinkPurpose.CONFIRM, null);
        subscriptions.confirm(id);
        return views.view(id);
    }

    @GET
    @Path("/{id}")
    public SubscriptionView get(@PathParam("id") UUID id, @HeaderParam(HttpHeaders.AUTHORIZATION) String authorization) {
        return views.view(authorize(id, authorization));
    }

    @PUT
    @Path("/{id}/milestones/{milestoneId}")
    @Operation(summary = "Mark a milestone done, in progress, skipped or back to todo")
    public SubscriptionView progress(@PathParam("id") UUID id, @PathParam("milestoneId") String milestoneId, ProgressChange change,
                                     @HeaderParam(HttpHeaders.AUTHORIZATION) String authorization) {
        subscriptions.progress(authorize(id, authorization), milestoneId, change == null ? null : change.state());
        return views.view(id);
    }

    @POST
    @Path("/{id}/skip-week")
    @Operation(summary = "Skip this week (or the week of the given date, this one or later)")
    public SubscriptionView skipWeek(@PathParam("id") UUID id, SkipWeek skip, @HeaderParam(HttpHeaders.AUTHORIZATION) String authorization) {
        skippedWeeks.skip(authorize(id, authorization), skip == null ? null : skip.week());
        return views.view(id);
    }

    @POST
    @Path("/{id}/unskip-week")
    @Operation(summary = "Take back the skip of a week (this one or a later one)")
    public SubscriptionView unskipWeek(@PathParam("id") UUID id, SkipWeek skip, @HeaderParam(HttpHeaders.AUTHORIZATION) String authorization) {
        skippedWeeks.unskip(authorize(id, authorization), skip == null ? null : skip.week());
        return views.view(id);
    }

    @POST
    @Path("/{id}/away")
    @Operation(summary = "Away from one date to another (both included): every week they touch is skipped")
    public SubscriptionView away(@PathParam("id") UUID id, Away away, @HeaderParam(HttpHeaders.AUTHORIZATION) String authorization) {
        UUID subscription = authorize(id, authorization);
        skippedWeeks.away(subscription, away == null ? null : away.awayFrom(), away == null ? null : away.awayTo());
        return views.view(id);
    }

    @POST
    @Path("/{id}/snooze")
    @Operation(summary = "Snooze for some days (1 to 14)")
    public SubscriptionView snooze(@PathParam("id") UUID id, Snooze snooze, @HeaderParam(HttpHeaders.AUTHORIZATION) String authorization) {
        if (snooze == null || snooze.days() == null) {
            throw ProblemException.invalid("days", FieldErrorCode.FROM_ONE_TO, Map.of("max", SubscriptionService.MAX_SNOOZE_DAYS));
        }
        subscriptions.snooze(authorize(id, authorization), snooze.days());
        return views.view(id);
    }

    @PUT
    @Path("/{id}/measurement")
    @Operation(summary = "Turn the measurement of what follows your nudges on or off: {\"measured\": false}")
    public MeasurementChange measurement(@PathParam("id") UUID id, MeasurementChange change, @HeaderParam(HttpHeaders.AUTHORIZATION) String authorization) {
        UUID subscription = authorize(id, authorization);
        if (change == null || change.measured() == null) {
            throw ProblemException.invalid("measured", FieldErrorCode.ONE_OF, Map.of("allowed", "true, false"));
        }
        return new MeasurementChange(measurement.set(subscription, change.measured()).measured);
    }

    @POST
    @Path("/{id}/pause")
    public SubscriptionView pause(@PathParam("id") UUID id, @HeaderParam(HttpHeaders.AUTHORIZATION) String authorization) {
        subscriptions.pause(authorize(id, authorization));
        return views.view(id);
    }

    @POST
    @Path("/{id}/resume")
    public SubscriptionView resume(@PathParam("id") UUID id, @HeaderParam(HttpHeaders.AUTHORIZATION) String authorization) {
        subscriptions.resume(authorize(id, authorization));
        return views.view(id);
    }

    @PUT
    @Path("/{id}/plan")
    @Operation(summary = "Change the weekly plan: zone, study slots, nudge moment")
    public SubscriptionView changePlan(@PathParam("id") UUID id, PlanRequest plan, @HeaderParam(HttpHeaders.AUTHORIZATION) String authorization) {
        pace.changePlan(authorize(id, authorization), plan);
        return views.view(id);
    }

    @PUT
    @Path("/{id}/choices")
    @Operation(summary = "Change the learner's choices: optional milestones to count and one member of each \"choose one of\" group "
            + "(the whole list as it now stands; empty: the roadmap as suggested)")
    public SubscriptionView changeChoices(@PathParam("id") UUID id, ChoicesChange change,
                                          @HeaderParam(HttpHeaders.AUTHORIZATION) String authorization) {
        pace.changeChoices(authorize(id, authorization), change == null ? null : change.choices());
        return views.view(id);
    }

    @POST
    @Path("/{id}/milestones/{milestoneId}/minutes")
    @Operation(summary = "Log minutes studied on a milestone (1 to 720 per entry): they count as done and shorten what is planned for it; "
            + "a milestone to do becomes in progress, one done or skipped is 409")
    public SubscriptionView logMinutes(@PathParam("id") UUID id, @PathParam("milestoneId") String milestoneId, LoggedMinutes logged,
                                       @HeaderParam(HttpHeaders.AUTHORIZATION) String authorization) {
        pace.logMinutes(authorize(id, authorization), milestoneId, logged == null ? null : logged.minutes());
        return views.view(id);
    }

    @POST
    @Path("/{id}/replan")
    @Operation(summary = "Re-plan from today: what is done becomes the plan's starting point, so the learner is on track again")
    public SubscriptionView replan(@PathParam("id") UUID id, @HeaderParam(HttpHeaders.AUTHORIZATION) String authorization) {
        pace.replan(authorize(id, authorization));
        return views.view(id);
    }

    @DELETE
    @Path("/{id}")
    @Operation(summary = "Unsubscribe")
    public SubscriptionView unsubscribe(@PathParam("id") UUID id, @HeaderParam(HttpHeaders.AUTHORIZATION) String authorization) {
        subscriptions.unsubscribe(authorize(id, authorization));
        return views.view(id);
    }

    @POST
    @Path("/{id}/unsubscribe-all")
    @Operation(summary = "Stop all Stride email: unsubscribe from every roadmap the learner follows")
    public SubscriptionView unsubscribeAll(@PathParam("id") UUID id, @HeaderParam(HttpHeaders.AUTHORIZATION) String authorization) {
        subscriptions.unsubscribeAll(authorize(id, authorization));
        return views.view(id);
    }

    @GET
    @Path("/{id}/data")
    @Operation(summary = "Everything Stride holds about this subscription's learner, as JSON")
    public LearnerData.Export exportData(@PathParam("id") UUID id, @HeaderParam(HttpHeaders.AUTHORIZATION) String authorization) {
        return learnerData.export(authorize(id, authorization));
    }

    @DELETE
    @Path("/{id}/data")
    @Operation(summary = "Erase this subscription's learner and all their subscriptions, here and in every service")
    public Response eraseData(@PathParam("id") UUID id, @HeaderParam(HttpHeaders.AUTHORIZATION) String authorization) {
        learnerData.erase(authorize(id, authorization));
        return Response.noContent().build();
    }

    private UUID authorize(UUID id, String authorization) {
        String token = authorization != null && authorization.regionMatches(true, 0, "Bearer ", 0, 7) ? authorization.substring(7).trim() : null;
        if (token == null || token.isEmpty()) {
            throw new ProblemException(Problem.of(401, "token-required", "Token required",
                    "Send the token of your manage link as 'Authorization: Bearer <token>'."));
        }
        return verify(token, LinkPurpose.MANAGE, id);
    }

    private UUID verify(String token, LinkPurpose purpose, UUID subscriptionId) {
        try {
            return links.signer().verify(token, purpose, subscriptionId).subscriptionId();
        } catch (LinkVerificationException e) {
            throw new ProblemException(LinkProblems.of(e));
        }
    }

    /** How a refused link reads as a problem. */
    public static final class LinkProblems {
        private static final Map<LinkVerificationException.Reason, String> SLUGS = Map.of(
                LinkVerificationException.Reason.INVALID, "invalid-link",
                LinkVerificationException.Reason.EXPIRED, "expired-link",
                LinkVerificationException.Reason.WRONG_PURPOSE, "wrong-link",
                LinkVerificationException.Reason.OTHER_SUBSCRIPTION, "wrong-link",
                LinkVerificationException.Reason.UNKNOWN_KEY, "retired-key-link");

        private LinkProblems() {
        }

        public static Problem of(LinkVerificationException e) {
            boolean expired = e.reason() == LinkVerificationException.Reason.EXPIRED;
            String title = switch (e.reason()) {
                case EXPIRED -> "Link expired";
                case UNKNOWN_KEY -> "Link signed with a retired key";
                default -> "Link not valid";
            };
            return Problem.of(expired ? 410 : 403, SLUGS.get(e.reason()), title, e.getMessage());
        }
    }
}
