package dev.stride.roadmap.web;

import dev.stride.contracts.link.LinkPurpose;
import dev.stride.roadmap.api.RoadmapViews;
import dev.stride.roadmap.catalog.CatalogService;
import dev.stride.roadmap.catalog.PublishedRoadmap;
import dev.stride.roadmap.catalog.Roadmap;
import dev.stride.roadmap.catalog.RoadmapTexts;
import dev.stride.roadmap.link.Links;
import dev.stride.roadmap.plan.PlanView;
import dev.stride.roadmap.plan.StudySchedules;
import dev.stride.roadmap.problem.FieldError;
import dev.stride.roadmap.problem.FieldErrorCode;
import dev.stride.roadmap.problem.Problem;
import dev.stride.roadmap.problem.ProblemException;
import dev.stride.roadmap.problem.TooManyRequests;
import dev.stride.roadmap.subscription.Choices;
import dev.stride.roadmap.subscription.SubscribeIntake;
import dev.stride.roadmap.subscription.SubscribeRequest;
import dev.stride.roadmap.subscription.SubscriptionChecks;
import io.quarkus.qute.CheckedTemplate;
import io.quarkus.qute.TemplateInstance;
import io.vertx.core.http.HttpServerRequest;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.FormParam;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

import java.net.URI;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * The catalog, each roadmap's page with its subscribe form, and the "check your email" page. The form works without
 * JavaScript: "Preview" comes back with the first weeks laid out, "Subscribe" with errors next to their fields (input
 * kept) or a redirect to the check-your-email page. With JavaScript the preview follows the form as it is edited,
 * through {@code POST /api/roadmaps/{id}/preview}.
 */
@Path("/")
@Produces(MediaType.TEXT_HTML)
public class CatalogPages {

    /** Weeks the preview lays out. */
    public static final int PREVIEW_WEEKS = 3;

    @CheckedTemplate
    static class Templates {
        static native TemplateInstance catalog(List<CatalogFilter.Card> roadmaps, CatalogFilter filter);

        static native TemplateInstance roadmap(RoadmapPage roadmap, SubscribeForm form, PlanView preview, ChoiceFields choices);

        static native TemplateInstance subscribed(RoadmapViews.Detail roadmap, long confirmWithinHours);
    }

    private final CatalogService catalog;
    private final SubscriptionChecks checks;
    private final SubscribeIntake intake;
    private final StudySchedules schedules;
    private final Links links;
    private final PageLanguages languages;
    private final RoadmapPages pages;

    public CatalogPages(CatalogService catalog, SubscriptionChecks checks, SubscribeIntake intake, StudySchedules schedules, Links links,
                        PageLanguages languages, RoadmapPages pages) {
        this.catalog = catalog;
        this.checks = checks;
        this.intake = intake;
        this.schedules = schedules;
        this.links = links;
        this.languages = languages;
        this.pages = pages;
    }

    /** The preview's target-date mode: empty is none; a date not after the start is named as the field's error. */
    private static LocalDate finishBy(String value, LocalDate startDate, List<FieldError> problems) {
        if (value == null || value.isBlank()) {
            return null;
        }
        try {
            LocalDate date = LocalDate.parse(value.strip());
            if (date.isAfter(startDate)) {
                return date;
            }
            problems.add(FieldError.of("finishBy", FieldErrorCode.FINISH_BY_NOT_AFTER_START));
        } catch (DateTimeParseException e) {
            problems.add(FieldError.of("finishBy", FieldErrorCode.DATE_EXAMPLE, Map.of("example", "2027-12-31")));
        }
        return null;
    }

    /** The catalog, filtered by role, background and difficulty (a GET form), each card in the page's language. */
    @GET
    public Response catalog(@QueryParam("lang") String lang, @QueryParam("role") String role, @QueryParam("background") String background,
                            @QueryParam("difficulty") String difficulty, @Context HttpHeaders headers) {
        Locale locale = languages.ofRequest(lang, headers);
        CatalogFilter filter = CatalogFilter.of(role, background, difficulty);
        List<CatalogFilter.Card> cards = catalog.published().stream().map(PublishedRoadmap::document).filter(filter::matches)
                .map(doc -> CatalogFilter.Card.of(RoadmapTexts.in(doc, locale))).toList();
        return PageLanguages.negotiated(Response.ok(PageLanguages.in(Templates.catalog(cards, filter), locale)), locale)
                .header("Cache-Control", "public, max-age=60").build();
    }

    @GET
    @Path("roadmaps/{id}")
    public Response roadmap(@PathParam("id") String id, @QueryParam("lang") String lang, @Context HttpHeaders headers) {
        Locale locale = languages.ofRequest(lang, headers);
        return catalog.find(id)
                .map(found -> PageLanguages.negotiated(Response.ok(pages.render(found, SubscribeForm.blank(locale), null, locale)), locale)
                        .header("Cache-Control", "public, max-age=60").build())
                .orElseGet(() -> notFound(id, locale));
    }

    /** The subscribe form: {@code intent=preview} only lays out the first weeks; anything else subscribes. */
    @POST
    @Path("roadmaps/{id}")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    public Response subscribe(@PathParam("id") String id, @FormParam("intent") String intent, @FormParam("email") String email,
                              @FormParam("name") String name, @FormParam("locale") String locale, @FormParam("startDate") String startDate,
                              @FormParam("timeZone") String timeZone, @FormParam("day") List<String> days, @FormParam("start") List<String> starts,
                              @FormParam("minutes") List<String> minutes, @FormParam("nudgeDay") String nudgeDay,
                              @FormParam("nudgeTime") String nudgeTime, @FormParam("finishBy") String finishBy,
                              @FormParam("knownPhases") List<String> knownPhases, @FormParam("choices") List<String> choices,
                              @Context HttpServerRequest http, @Context HttpHeaders headers) {
        Optional<PublishedRoadmap> roadmap = catalog.find(id);
        if (roadmap.isEmpty()) {
            return notFound(id, languages.ofRequest(locale, headers));
        }
        PlanForm.Parsed plan = PlanForm.parse(timeZone, days, starts, minutes, nudgeDay, nudgeTime);
        List<FieldError> problems = new ArrayList<>();
        LocalDate start = null;
        if (startDate != null && !startDate.isBlank()) {
            try {
                start = LocalDate.parse(startDate.strip());
            } catch (DateTimeParseException e) {
                problems.add(FieldError.of("startDate", FieldErrorCode.DATE_EXAMPLE, Map.of("example", "2027-01-04")));
            }
        }
        List<String> known = knownPhases == null ? List.of() : knownPhases.stream().filter(phase -> !phase.isBlank()).distinct().toList();
        List<String> chosen = Choices.given(choices);
        SubscribeForm form = new SubscribeForm(text(email), text(name), text(locale), text(startDate), text(finishBy), plan.form(), known,
                chosen, Map.of());
        SubscribeRequest request = new SubscribeRequest(blankToNull(email), blankToNull(name), blankToNull(locale), id, start,
                plan.request().orElse(null), known, chosen);
        boolean planReadable = plan.request().isPresent() && problems.isEmpty();
        Response.Status status = Response.Status.BAD_REQUEST;
        if (!"preview".equals(intent)) {
            List<FieldError> learner = checks.learnerErrors(request);
            if (planReadable && learner.isEmpty()) {
                try {
                    intake.subscribe(request, http.remoteAddress() == null ? null : http.remoteAddress().hostAddress());
                    // "Check your email" comes in the language chosen for the emails, as a form sent back does.
                    return Response.seeOther(URI.create("/roadmaps/" + id + "/subscribed?lang=" + languages.ofRequest(locale, headers).getLanguage())).build();
                } catch (TooManyRequests e) {
                    return LinkPages.problemPage(e, languages.ofRequest(locale, headers));
                } catch (ProblemException e) {
                    if (e.problem().errors() == null || e.problem().errors().isEmpty()) {
                        return LinkPages.problemPage(e, languages.ofRequest(locale, headers));
                    }
                    problems.addAll(e.problem().errors());
                    status = Response.Status.fromStatusCode(e.problem().status());
                }
            }
            problems.addAll(learner);
        }
        // The page comes back: with the first weeks laid out whenever the plan allows, and the plan's rule errors otherwise.
        PlanView preview = null;
        if (planReadable) {
            try {
                SubscriptionChecks.Checked checked = checks.preview(request);
                LocalDate target = finishBy(finishBy, checked.startDate(), problems);
                preview = schedules.preview(checked.roadmap().document(), checked.plan(), checked.startDate(), PREVIEW_WEEKS, target, chosen);
            } catch (ProblemException e) {
                problems.addAll(e.problem().errors());
            }
        }
        SubscribeForm shown = form.withProblems(problems);
        // The page comes back in the language chosen for the emails, else the browser's.
        return page(roadmap.get(), shown, preview, shown.hasErrors() ? status : Response.Status.OK, languages.ofRequest(locale, headers));
    }

    /**
     * A draft's page, rendered exactly as its public page would be (the operators' preview, behind admin credentials):
     * the page shows a "Draft — not published" banner and no subscribe form ({@code status} DRAFT).
     */
    public Response draftPage(PublishedRoadmap draft, String lang, HttpHeaders headers) {
        Locale locale = languages.ofRequest(lang, headers);
        return PageLanguages.negotiated(Response.ok(pages.render(draft.document(), Roadmap.Status.DRAFT.name(), null, null, locale)), locale)
                .header("Cache-Control", "no-store").header("X-Robots-Tag", "noindex").build();
    }

    @GET
    @Path("roadmaps/{id}/subscribed")
    public Response subscribed(@PathParam("id") String id, @QueryParam("lang") String lang, @Context HttpHeaders headers) {
        Locale locale = languages.ofRequest(lang, headers);
        return catalog.find(id)
                .map(found -> PageLanguages.negotiated(Response.ok(PageLanguages.in(Templates.subscribed(RoadmapViews.detail(
                        new PublishedRoadmap(found.id(), found.version(), found.status(), RoadmapTexts.in(found.document(), locale))),
                        links.validity(LinkPurpose.CONFIRM).toHours()), locale)), locale).header("Cache-Control", "no-store").build())
                .orElseGet(() -> notFound(id, locale));
    }

    private Response page(PublishedRoadmap roadmap, SubscribeForm form, PlanView preview, Response.Status status, Locale locale) {
        return PageLanguages.negotiated(Response.status(status).entity(pages.render(roadmap, form, preview, locale)), locale)
                .header("Cache-Control", "no-store").build();
    }

    private static Response notFound(String id, Locale locale) {
        return LinkPages.problemPage(Problem.of(404, "not-found", "No such roadmap", "There is no roadmap '" + id + "'. The catalog lists every one."),
                locale);
    }

    private static String text(String value) {
        return value == null ? "" : value;
    }

    private static String blankToNull(String value) {
        return value == null || value.isBlank() ? null : value.strip();
    }
}
