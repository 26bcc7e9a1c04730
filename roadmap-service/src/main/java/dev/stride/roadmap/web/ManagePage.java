package dev.stride.roadmap.web;

import dev.stride.contracts.link.LinkPurpose;
import dev.stride.contracts.link.LinkVerificationException;
import dev.stride.pacing.ProgressState;
import dev.stride.roadmap.api.SubscriptionResource.LinkProblems;
import dev.stride.roadmap.catalog.CatalogService;
import dev.stride.roadmap.catalog.RoadmapDocument;
import dev.stride.roadmap.problem.ProblemException;
import dev.stride.roadmap.subscription.SubscriptionService;
import dev.stride.roadmap.subscription.SubscriptionView;
import io.quarkus.qute.CheckedTemplate;
import io.quarkus.qute.TemplateInstance;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.FormParam;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

import dev.stride.roadmap.subscription.PlanRequest;

import java.net.URI;
import java.time.DayOfWeek;
import java.time.LocalTime;
import java.time.format.TextStyle;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
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

    public record Item(String id, String title, String state, String phase) {
    }

    public record SlotLine(String day, String start, int minutes) {
    }

    /** One row of the plan form as entered (kept when the form comes back with errors). */
    public record SlotRow(int index, String day, String start, String minutes, String error) {
        public int number() {
            return index + 1;
        }
    }

    public record PlanForm(String timeZone, List<SlotRow> rows, String nudgeDay, String nudgeTime, Map<String, String> errors) {
        public String error(String field) {
            return errors.get(field);
        }
    }

    static final List<String> DAYS = List.of("MONDAY", "TUESDAY", "WEDNESDAY", "THURSDAY", "FRIDAY", "SATURDAY", "SUNDAY");
    private static final int EMPTY_ROWS = 2;

    @CheckedTemplate
    static class Templates {
        static native TemplateInstance manage(String base, String roadmapTitle, String name, String status, List<Item> checklist,
                                              String zone, List<SlotLine> slots, String nudge, long done, int total, String unsubscribeUrl,
                                              PlanForm plan, List<String> days);
    }

    private final SubscriptionService subscriptions;
    private final CatalogService catalog;
    private final dev.stride.roadmap.link.Links links;

    public ManagePage(SubscriptionService subscriptions, CatalogService catalog, dev.stride.roadmap.link.Links links) {
        this.subscriptions = subscriptions;
        this.catalog = catalog;
        this.links = links;
    }

    @GET
    public Response page(@PathParam("token") String token) {
        return render(token, null, Response.Status.OK);
    }

    private Response render(String token, PlanForm submitted, Response.Status status) {
        try {
            UUID id = verify(token);
            SubscriptionView view = subscriptions.view(id);
            PlanForm plan = submitted != null ? submitted : formOf(view);
            RoadmapDocument roadmap = catalog.find(view.roadmapId()).orElseThrow().document();
            Map<String, String> phaseOf = roadmap.phases().stream()
                    .flatMap(phase -> phase.milestones().stream().map(m -> Map.entry(m.id(), phase.title())))
                    .collect(Collectors.toMap(Map.Entry::getKey, Map.Entry::getValue, (a, b) -> a));
            List<Item> checklist = view.progress().stream()
                    .map(p -> new Item(p.milestoneId(), p.title(), p.state().name(), phaseOf.get(p.milestoneId()))).toList();
            List<SlotLine> slots = view.plan().slots().stream()
                    .map(s -> new SlotLine(s.day().getDisplayName(TextStyle.FULL, Locale.ENGLISH), s.start().toString(), s.minutes())).toList();
            String nudge = view.plan().nudge().day().getDisplayName(TextStyle.FULL, Locale.ENGLISH) + " " + view.plan().nudge().time();
            long done = view.progress().stream().filter(p -> p.state() == ProgressState.DONE).count();
            return Response.status(status).entity(Templates.manage("/manage/" + token, roadmap.title(), view.name(), view.status(), checklist,
                            view.plan().timeZone(), slots, nudge, done, view.progress().size(), links.unsubscribeUrl(id), plan, DAYS))
                    .header("Cache-Control", "no-store").build();
        } catch (LinkVerificationException e) {
            return LinkPages.problemPage(LinkProblems.of(e));
        } catch (ProblemException e) {
            return LinkPages.problemPage(e.problem());
        }
    }

    @POST
    @Path("/milestones/{milestoneId}")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    public Response progress(@PathParam("token") String token, @PathParam("milestoneId") String milestoneId, @FormParam("state") String state) {
        return act(token, id -> subscriptions.progress(id, milestoneId, parseState(state)));
    }

    @POST
    @Path("/{action: skip-week|snooze|pause|resume}")
    public Response control(@PathParam("token") String token, @PathParam("action") String action) {
        return act(token, id -> switch (action) {
            case "skip-week" -> subscriptions.skipWeek(id, null);
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
        List<SlotRow> rows = new ArrayList<>();
        List<PlanRequest.Slot> slots = new ArrayList<>();
        Map<String, String> errors = new LinkedHashMap<>();
        for (int i = 0; i < Math.max(days.size(), Math.max(starts.size(), minutes.size())); i++) {
            String day = at(days, i);
            String start = at(starts, i);
            String length = at(minutes, i);
            if (start.isBlank() && length.isBlank()) {
                continue;
            }
            int index = slots.size();
            rows.add(new SlotRow(index, day, start, length, null));
            slots.add(new PlanRequest.Slot(parse(() -> DayOfWeek.valueOf(day), "slots[" + index + "].day", "choose a day", errors),
                    parse(() -> LocalTime.parse(start), "slots[" + index + "].start", "must be a time such as 18:30", errors),
                    parse(() -> Integer.valueOf(length.trim()), "slots[" + index + "].minutes", "must be a number of minutes", errors)));
        }
        PlanRequest.Nudge nudge = new PlanRequest.Nudge(parse(() -> DayOfWeek.valueOf(nudgeDay), "nudge.day", "choose a day", errors),
                parse(() -> LocalTime.parse(nudgeTime), "nudge.time", "must be a time such as 07:30", errors));
        if (errors.isEmpty()) {
            try {
                subscriptions.changePlan(verify(token), new PlanRequest(timeZone, slots, nudge));
                return Response.seeOther(URI.create("/manage/" + token)).build();
            } catch (LinkVerificationException e) {
                return LinkPages.problemPage(LinkProblems.of(e));
            } catch (ProblemException e) {
                if (e.problem().status() != 400) {
                    return LinkPages.problemPage(e.problem());
                }
                e.problem().errors().forEach(error -> errors.putIfAbsent(error.field(), error.message()));
            }
        }
        List<SlotRow> shown = new ArrayList<>();
        for (SlotRow row : rows) {
            shown.add(new SlotRow(row.index(), row.day(), row.start(), row.minutes(), rowError(errors, row.index())));
        }
        for (int i = 0; i < EMPTY_ROWS; i++) {
            shown.add(new SlotRow(shown.size(), "", "", "", null));
        }
        return render(token, new PlanForm(timeZone, shown, nudgeDay, nudgeTime, errors), Response.Status.BAD_REQUEST);
    }

    private static PlanForm formOf(SubscriptionView view) {
        List<SlotRow> rows = new ArrayList<>();
        for (PlanRequest.Slot slot : view.plan().slots()) {
            rows.add(new SlotRow(rows.size(), slot.day().name(), slot.start().toString(), Integer.toString(slot.minutes()), null));
        }
        for (int i = 0; i < EMPTY_ROWS; i++) {
            rows.add(new SlotRow(rows.size(), "", "", "", null));
        }
        return new PlanForm(view.plan().timeZone(), rows, view.plan().nudge().day().name(), view.plan().nudge().time().toString(), Map.of());
    }

    private static String rowError(Map<String, String> errors, int index) {
        String prefix = "slots[" + index + "]";
        return errors.entrySet().stream().filter(e -> e.getKey().startsWith(prefix))
                .map(e -> e.getKey().substring(prefix.length()).replaceFirst("^\\.", "") + " " + e.getValue())
                .map(String::strip).reduce((a, b) -> a + "; " + b).orElse(null);
    }

    private static String at(List<String> values, int index) {
        return values != null && index < values.size() && values.get(index) != null ? values.get(index) : "";
    }

    private static <T> T parse(java.util.function.Supplier<T> parser, String field, String message, Map<String, String> errors) {
        try {
            return parser.get();
        } catch (RuntimeException e) {
            errors.put(field, message);
            return null;
        }
    }

    private Response act(String token, Function<UUID, Object> action) {
        try {
            action.apply(verify(token));
            return Response.seeOther(URI.create("/manage/" + token)).build();
        } catch (LinkVerificationException e) {
            return LinkPages.problemPage(LinkProblems.of(e));
        } catch (ProblemException e) {
            return LinkPages.problemPage(e.problem());
        }
    }

    private UUID verify(String token) {
        return links.signer().verify(token, LinkPurpose.MANAGE, null).subscriptionId();
    }

    private static ProgressState parseState(String state) {
        try {
            return ProgressState.valueOf(state);
        } catch (IllegalArgumentException | NullPointerException e) {
            throw ProblemException.invalid("state", "must be one of TODO, IN_PROGRESS, DONE, SKIPPED");
        }
    }
}
