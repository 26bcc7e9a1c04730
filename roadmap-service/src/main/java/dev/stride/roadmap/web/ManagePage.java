package dev.stride.roadmap.web;

import dev.stride.contracts.link.LinkPurpose;
import dev.stride.contracts.link.LinkVerificationException;
import dev.stride.pacing.ProgressState;
import dev.stride.roadmap.catalog.CatalogService;
import dev.stride.roadmap.catalog.RoadmapDocument;
import dev.stride.roadmap.catalog.RoadmapTexts;
import dev.stride.roadmap.engagement.Engagements;
import dev.stride.roadmap.engagement.Engagements.Action;
import dev.stride.roadmap.problem.FieldError;
import dev.stride.roadmap.problem.FieldErrorCode;
import dev.stride.roadmap.problem.ProblemException;
import dev.stride.roadmap.subscription.Choices;
import dev.stride.roadmap.subscription.PaceChanges;
import dev.stride.roadmap.subscription.SkippedWeeks;
import dev.stride.roadmap.subscription.SubscriptionService;
import dev.stride.roadmap.subscription.SubscriptionView;
import dev.stride.roadmap.subscription.SubscriptionViews;
import io.quarkus.qute.CheckedTemplate;
import io.quarkus.qute.TemplateInstance;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.FormParam;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

import dev.stride.roadmap.link.Links;
import dev.stride.roadmap.plan.PlanView;
import dev.stride.roadmap.plan.StudySchedules;

import java.net.URI;
import java.time.ZoneId;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * The page every email's "manage" link opens: the progress checklist, the weekly plan and the controls.
 * Each control is a POST that acts and comes back here (303), so reloading never repeats it.
 */
@Path("/manage/{token}")
@Produces(MediaType.TEXT_HTML)
public class ManagePage {

    public record Item(String id, String title, String state, String phase, int loggedMinutes) {
    }

    /** A study slot; {@code day} is the weekday's name ({@code MONDAY}), worded by the template in the page's language. */
    public record SlotLine(String day, String start, int minutes) {
    }

    /** Weeks of the schedule the page shows (this one and the next). */
    private static final int WEEKS_SHOWN = 2;

    @CheckedTemplate
    static class Templates {
        static native TemplateInstance manage(String base, String roadmapTitle, String name, String status, ChecklistSection checklist,
                                              String zone, List<SlotLine> slots, String nudgeDay, String nudgeTime, long done, int total, String unsubscribeUrl,
                                              String calendarUrl, PlanView schedule, List<PlanView.Entry> thisWeek, PlanForm plan,
                                              ManageNotices.DeliveryStopped stopped, WeekControls weeks, ChoiceFields choices,
                                              boolean measured, ManageNotices.PausedErasure erasure);
    }

    private final SubscriptionService subscriptions;
    private final SubscriptionViews views;
    private final CatalogService catalog;
    private final Links links;
    private final StudySchedules schedules;
    private final DataPages data;
    private final PageLanguages languages;
    private final SkippedWeeks skippedWeeks;
    private final PaceChanges pace;
    private final ProblemPages problems;
    private final RoadmapPages roadmapPages;
    private final Engagements engagements;
    private final ManageNotices notices;

    public ManagePage(SubscriptionService subscriptions, SubscriptionViews views, CatalogService catalog, Links links, StudySchedules schedules,
                      DataPages data, PageLanguages languages, SkippedWeeks skippedWeeks, PaceChanges pace, ProblemPages problems,
                      RoadmapPages roadmapPages, Engagements engagements, ManageNotices notices) {
        this.notices = notices;
        this.problems = problems;
        this.engagements = engagements;
        this.roadmapPages = roadmapPages;
        this.skippedWeeks = skippedWeeks;
        this.subscriptions = subscriptions;
        this.pace = pace;
        this.views = views;
        this.catalog = catalog;
        this.links = links;
        this.schedules = schedules;
        this.data = data;
        this.languages = languages;
    }

    @GET
    public Response page(@PathParam("token") String token, @QueryParam(ChecklistSection.UNMET) String unmet,
                         @QueryParam(dev.stride.contracts.link.LinkUrls.NUDGE_PARAM) String n, @HeaderParam("Referer") String referer) {
        Response page = render(token, null, null, Response.Status.OK, unmet);
        if (page.getStatus() == Response.Status.OK.getStatusCode() && (referer == null || !referer.contains("/manage/" + token))) {
            // Opening the page; coming back to it after one of its own forms (same-origin Referer) was recorded as that form's action.
            engagements.record(verify(token), Action.MANAGE_OPEN, Engagements.nudgeParam(n), null);
        }
        return page;
    }

    /** The page, with the plan form and the away form as submitted (null: as stored, blank) and their errors by field. */
    Response render(String token, PlanForm submitted, WeekControls.AwayForm away, Response.Status status) {
        return render(token, submitted, away, status, null);
    }

    /** {@code unmet}: the milestones the checklist's last save marked done before what they build on (its notice). */
    private Response render(String token, PlanForm submitted, WeekControls.AwayForm away, Response.Status status, String unmet) {
        try {
            UUID id = verify(token);
            SubscriptionView view = views.view(id);
            PlanForm plan = submitted != null ? submitted : PlanForm.of(view.plan());
            RoadmapDocument roadmap = catalog.find(view.roadmapId()).orElseThrow().document();
            Locale locale = languages.ofLearner(view.locale());
            // The checklist in the learner's language (RoadmapTexts): phase and milestone titles.
            RoadmapDocument texts = RoadmapTexts.in(roadmap, locale);
            Map<String, String> phaseOf = texts.phases().stream()
                    .flatMap(phase -> phase.milestones().stream().map(m -> Map.entry(m.id(), phase.title())))
                    .collect(Collectors.toMap(Map.Entry::getKey, Map.Entry::getValue, (a, b) -> a));
            Map<String, String> titles = texts.milestones().stream()
                    .collect(Collectors.toMap(RoadmapDocument.Milestone::id, RoadmapDocument.Milestone::title, (a, b) -> a));
            List<Item> checklist = view.progress().stream()
                    .map(p -> new Item(p.milestoneId(), titles.getOrDefault(p.milestoneId(), p.title()), p.state().name(),
                            phaseOf.get(p.milestoneId()), p.loggedMinutes())).toList();
            List<SlotLine> slots = view.plan().slots().stream()
                    .map(s -> new SlotLine(s.day().name(), s.start().toString(), s.minutes())).toList();
            StudySchedules.Tally tally = schedules.tally(view, roadmap);
            PlanView schedule = schedules.of(view, roadmap, WEEKS_SHOWN);
            boolean following = "ACTIVE".equals(view.status()) || "PAUSED".equals(view.status());
            ChecklistSection checklistSection = ChecklistSection.of(following ? "/manage/" + token + "/checklist" : null, checklist, roadmap,
                    unmet, schedule.complete() ? roadmapPages.next(roadmap, locale) : List.of(), schedule.complete(), locale);
            List<PlanView.Entry> thisWeek = schedule.weekOf(schedules.today(ZoneId.of(view.plan().timeZone())));
            return Response.status(status).entity(PageLanguages.in(Templates.manage("/manage/" + token, texts.title(), view.name(),
                            view.status(), checklistSection, view.plan().timeZone(), slots, view.plan().nudge().day().name(),
                            view.plan().nudge().time().toString(), tally.done(), tally.total(), links.unsubscribeUrl(id), links.calendarUrl(id),
                            schedule, thisWeek, plan, notices.deliveryStopped(view, locale), ManageWeeksPage.controls(skippedWeeks, id, token,
                            away != null ? away : WeekControls.AwayForm.BLANK), choices(view, roadmap, locale), engagements.measured(id),
                            notices.pausedErasure(view, locale)), locale))
                    .header("Cache-Control", "no-store").build();
        } catch (LinkVerificationException e) {
            return problems.of(e, token);
        } catch (ProblemException e) {
            return problems.of(e, token);
        }
    }

    @POST
    @Path("/milestones/{milestoneId}")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    public Response progress(@PathParam("token") String token, @PathParam("milestoneId") String milestoneId, @FormParam("state") String state) {
        return act(token, Action.PROGRESS, milestoneId, id -> subscriptions.progress(id, milestoneId, parseState(state)));
    }

    /** Hours studied on a milestone: they count as done and shorten what is laid for it. */
    @POST
    @Path("/milestones/{milestoneId}/minutes")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    public Response logMinutes(@PathParam("token") String token, @PathParam("milestoneId") String milestoneId, @FormParam("minutes") String minutes) {
        return act(token, null, null, id -> pace.logMinutes(id, milestoneId, parseMinutes(minutes)));
    }

    /** The learner's choices (optional milestones, one of each "choose one of" group): bad ones are a 400 page naming the field. */
    @POST
    @Path("/choices")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    public Response changeChoices(@PathParam("token") String token, @FormParam("choices") List<String> choices) {
        return act(token, Action.CHOICES_CHANGE, null, id -> pace.changeChoices(id, Choices.given(choices)));
    }

    @POST
    @Path("/replan")
    public Response replan(@PathParam("token") String token) {
        return act(token, Action.REPLAN, null, pace::replan);
    }

    @POST
    @Path("/{action: skip-week|snooze|pause|resume}")
    public Response control(@PathParam("token") String token, @PathParam("action") String action) {
        return act(token, Action.valueOf(action.toUpperCase(Locale.ROOT).replace('-', '_')), null, id -> switch (action) {
            case "skip-week" -> skippedWeeks.skip(id, null);
            case "snooze" -> subscriptions.snooze(id, 3);
            case "pause" -> subscriptions.pause(id);
            default -> subscriptions.resume(id);
        });
    }

    /** The plan form: on bad input the page comes back (400) with the learner's input and each error by its field. */
    @POST
    @Path("/plan")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    public Response changePlan(@PathParam("token") String token, @FormParam("timeZone") String timeZone, @FormParam("day") List<String> days,
                               @FormParam("start") List<String> starts, @FormParam("minutes") List<String> minutes,
                               @FormParam("nudgeDay") String nudgeDay, @FormParam("nudgeTime") String nudgeTime) {
        PlanForm.Parsed parsed = PlanForm.parse(timeZone, days, starts, minutes, nudgeDay, nudgeTime);
        Map<String, FieldError> errors = Map.of();
        Response.Status status = Response.Status.BAD_REQUEST;
        if (parsed.request().isPresent()) {
            try {
                UUID id = verify(token);
                engagements.within(id, Action.PLAN_CHANGE, java.util.Optional.empty(), null, () -> pace.changePlan(id, parsed.request().get()));
                return Response.seeOther(URI.create("/manage/" + token)).build();
            } catch (LinkVerificationException e) {
                return problems.of(e, token);
            } catch (ProblemException e) {
                // Bad fields (400) and slots clashing with another plan (409) come back next to their fields.
                if (e.problem().errors().isEmpty()) {
                    return problems.of(e, token);
                }
                status = Response.Status.fromStatusCode(e.problem().status());
                errors = FieldError.byField(e.problem().errors());
            }
        }
        return render(token, parsed.form().withErrors(errors), null, status);
    }

    @GET
    @Path("/data")
    @Produces(MediaType.APPLICATION_JSON)
    public Response downloadData(@PathParam("token") String token) {
        return data.download(token);
    }

    @GET
    @Path("/data/erase")
    public Response confirmErase(@PathParam("token") String token) {
        return data.confirmErase(token);
    }

    @POST
    @Path("/data/erase")
    public Response erase(@PathParam("token") String token) {
        return data.erase(token);
    }

    /** Does a control's action and records it ({@code what}; null: the action records itself) in one transaction. */
    private Response act(String token, Action what, String detail, Function<UUID, Object> action) {
        try {
            UUID id = verify(token);
            if (what == null) {
                action.apply(id);
            } else {
                engagements.within(id, what, java.util.Optional.empty(), detail, () -> action.apply(id));
            }
            return Response.seeOther(URI.create("/manage/" + token)).build();
        } catch (LinkVerificationException e) {
            return problems.of(e, token);
        } catch (ProblemException e) {
            return problems.of(e, token);
        }
    }

    /** The choices section: what the learner chose, and what they finished (done work counts as chosen). */
    private static ChoiceFields choices(SubscriptionView view, RoadmapDocument roadmap, Locale locale) {
        Set<String> chosen = new HashSet<>(view.choices());
        view.progress().stream().filter(p -> p.state() == ProgressState.DONE).forEach(p -> chosen.add(p.milestoneId()));
        return ChoiceFields.of(RoadmapTexts.in(roadmap, locale), chosen, null);
    }

    private UUID verify(String token) {
        return links.signer().verify(token, LinkPurpose.MANAGE, null).subscriptionId();
    }

    private static Integer parseMinutes(String minutes) {
        try {
            return Integer.valueOf(minutes == null ? "" : minutes.strip());
        } catch (NumberFormatException e) {
            throw ProblemException.invalid("minutes", FieldErrorCode.LOGGED_MINUTES, Map.of("max", PaceChanges.MAX_LOGGED_MINUTES));
        }
    }

    private static ProgressState parseState(String state) {
        try {
            return ProgressState.valueOf(state);
        } catch (IllegalArgumentException | NullPointerException e) {
            throw ProblemException.invalid("state", FieldErrorCode.STATE_ONE_OF);
        }
    }
}
