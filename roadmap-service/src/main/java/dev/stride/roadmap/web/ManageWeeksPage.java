package dev.stride.roadmap.web;

import dev.stride.roadmap.engagement.Engagements;

import dev.stride.contracts.link.LinkPurpose;
import dev.stride.contracts.link.LinkVerificationException;
import dev.stride.roadmap.link.Links;
import dev.stride.roadmap.problem.FieldError;
import dev.stride.roadmap.problem.FieldErrorCode;
import dev.stride.roadmap.problem.ProblemException;
import dev.stride.roadmap.subscription.SkippedWeeks;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.FormParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

import java.net.URI;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.function.Function;

/**
 * The manage page's weeks off: skip any coming week, take a skip back, and "away from … to …" (every week it touches is
 * skipped). Each is a POST that acts and comes back to the manage page (303). A refused away period brings the manage
 * page back (400) with the dates as typed and each error by its field, as the plan form does; other bad input is a 400
 * page naming the field.
 */
@Path("/manage/{token}/weeks")
@Produces(MediaType.TEXT_HTML)
@Consumes(MediaType.APPLICATION_FORM_URLENCODED)
public class ManageWeeksPage {

    /** Weeks the manage page offers to skip: this one and the next eleven. */
    static final int WEEKS_OFFERED = 12;

    private final SkippedWeeks skippedWeeks;
    private final Links links;
    private final ManagePage managePage;
    private final ProblemPages problems;
    private final Engagements engagements;

    public ManageWeeksPage(SkippedWeeks skippedWeeks, Links links, ManagePage managePage, ProblemPages problems, Engagements engagements) {
        this.problems = problems;
        this.engagements = engagements;
        this.skippedWeeks = skippedWeeks;
        this.links = links;
        this.managePage = managePage;
    }

    /** The section for the manage page of {@code token}, its away form as given. */
    static WeekControls controls(SkippedWeeks skippedWeeks, UUID subscriptionId, String token, WeekControls.AwayForm away) {
        return new WeekControls("/manage/" + token + "/weeks", skippedWeeks.overview(subscriptionId, WEEKS_OFFERED), "/stop-all/" + token, away);
    }

    @POST
    @Path("/skip")
    public Response skip(@PathParam("token") String token, @FormParam("week") String week) {
        return act(token, Engagements.Action.SKIP_WEEK, id -> skippedWeeks.skip(id, date("week", week)));
    }

    @POST
    @Path("/unskip")
    public Response unskip(@PathParam("token") String token, @FormParam("week") String week) {
        return act(token, Engagements.Action.UNSKIP_WEEK, id -> skippedWeeks.unskip(id, date("week", week)));
    }

    @POST
    @Path("/away")
    public Response away(@PathParam("token") String token, @FormParam("awayFrom") String from, @FormParam("awayTo") String to) {
        try {
            UUID id = links.signer().verify(token, LinkPurpose.MANAGE, null).subscriptionId();
            List<FieldError> errors = new ArrayList<>();
            LocalDate first = parse("awayFrom", from, errors);
            LocalDate last = parse("awayTo", to, errors);
            if (!errors.isEmpty()) {
                throw ProblemException.invalid(errors);
            }
            engagements.within(id, Engagements.Action.AWAY, Optional.empty(), null, () -> skippedWeeks.away(id, first, last));
            return Response.seeOther(URI.create("/manage/" + token)).build();
        } catch (LinkVerificationException e) {
            return problems.of(e, token);
        } catch (ProblemException e) {
            if (e.problem().errors().isEmpty()) {
                return problems.of(e, token);
            }
            WeekControls.AwayForm typed = new WeekControls.AwayForm(from == null ? "" : from, to == null ? "" : to, FieldError.byField(e.problem().errors()));
            return managePage.render(token, null, typed, Response.Status.fromStatusCode(e.problem().status()));
        }
    }

    private Response act(String token, Engagements.Action what, Function<UUID, Object> action) {
        try {
            UUID id = links.signer().verify(token, LinkPurpose.MANAGE, null).subscriptionId();
            engagements.within(id, what, Optional.empty(), null, () -> action.apply(id));
            return Response.seeOther(URI.create("/manage/" + token)).build();
        } catch (LinkVerificationException e) {
            return problems.of(e, token);
        } catch (ProblemException e) {
            // Bad input: the page names each field with its reason.
            return problems.of(e, token);
        }
    }

    private static LocalDate date(String field, String value) {
        List<FieldError> errors = new ArrayList<>();
        LocalDate date = parse(field, value, errors);
        if (!errors.isEmpty()) {
            throw ProblemException.invalid(errors);
        }
        return date;
    }

    private static LocalDate parse(String field, String value, List<FieldError> errors) {
        if (value == null || value.isBlank()) {
            errors.add(FieldError.of(field, FieldErrorCode.DATE_REQUIRED, Map.of("example", "2026-12-24")));
            return null;
        }
        try {
            return LocalDate.parse(value.strip());
        } catch (DateTimeParseException e) {
            errors.add(FieldError.of(field, FieldErrorCode.DATE_EXAMPLE, Map.of("example", "2026-12-24")));
            return null;
        }
    }
}
