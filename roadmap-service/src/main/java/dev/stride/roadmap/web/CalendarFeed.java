package dev.stride.roadmap.web;

import dev.stride.contracts.link.LinkUrls;
import dev.stride.roadmap.engagement.Engagements;
import jakarta.ws.rs.QueryParam;

import dev.stride.contracts.calendar.StudyCalendar;
import dev.stride.contracts.link.LinkPurpose;
import dev.stride.contracts.link.LinkToken;
import dev.stride.contracts.link.LinkVerificationException;
import dev.stride.pacing.WeeklyPlan;
import dev.stride.roadmap.catalog.CatalogService;
import dev.stride.roadmap.catalog.RoadmapDocument;
import dev.stride.roadmap.link.Links;
import dev.stride.roadmap.plan.CalendarSequences;
import dev.stride.roadmap.plan.CalendarSettings;
import dev.stride.roadmap.plan.PlanView;
import dev.stride.roadmap.plan.StudySchedules;
import dev.stride.roadmap.problem.ProblemException;
import dev.stride.roadmap.subscription.FeedRotation;
import dev.stride.roadmap.subscription.Subscription;
import dev.stride.roadmap.subscription.SubscriptionView;
import dev.stride.roadmap.subscription.SubscriptionViews;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.core.Response;

import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import java.util.stream.Collectors;

/**
 * The live calendar feed a calendar app subscribes to: the planned sessions of the coming weeks, by the same rules
 * as the weekly email's attachment (stable UIDs, SEQUENCE raised on change, VTIMEZONE). A re-plan, a skipped week or a
 * milestone marked done shows at the app's next fetch. Once the subscription ends the feed is empty, so the app
 * clears its events rather than keeping stale ones. Its link does not expire while the subscription lives; a rotation
 * ({@link FeedRotation}) refuses the links issued before it (410, pointing to the manage page).
 */
@Path("/calendar/{token}.ics")
public class CalendarFeed {

    private final SubscriptionViews views;
    private final CatalogService catalog;
    private final StudySchedules schedules;
    private final CalendarSequences sequences;
    private final CalendarSettings settings;
    private final Links links;
    private final FeedRotation rotation;
    private final Clock clock;
    private final Optional<Duration> alarmBefore;
    private final ProblemPages problems;
    private final Engagements engagements;

    public CalendarFeed(SubscriptionViews views, CatalogService catalog, StudySchedules schedules, CalendarSequences sequences,
                        CalendarSettings settings, Links links, FeedRotation rotation, Clock clock, ProblemPages problems, Engagements engagements) {
        this.problems = problems;
        this.engagements = engagements;
        this.views = views;
        this.catalog = catalog;
        this.schedules = schedules;
        this.sequences = sequences;
        this.settings = settings;
        this.links = links;
        this.rotation = rotation;
        this.clock = clock;
        this.alarmBefore = StudyCalendar.alarmLead(settings.alarmBefore());
    }

    @GET
    public Response feed(@PathParam("token") String token, @QueryParam(LinkUrls.NUDGE_PARAM) String n) {
        UUID id;
        try {
            LinkToken claims = links.signer().verify(token, LinkPurpose.CALENDAR, null);
            if (!rotation.current(claims)) {
                throw new LinkVerificationException(LinkVerificationException.Reason.EXPIRED,
                        "This calendar link was replaced by a new one. Find it on your manage page.");
            }
            id = claims.subscriptionId();
        } catch (LinkVerificationException e) {
            return problems.of(e, token);
        } catch (ProblemException e) {
            return problems.of(e, token);
        }
        SubscriptionView view;
        try {
            view = views.view(id);
        } catch (ProblemException e) {
            return problems.of(e, token);
        }
        // A download from an email's calendar link names its nudge; a calendar app's refresh every few hours is not the
        // learner acting, and is not recorded.
        Engagements.nudgeParam(n).ifPresent(nudge -> engagements.record(id, Engagements.Action.CALENDAR_DOWNLOAD, Optional.of(nudge), null));
        WeeklyPlan plan = StudySchedules.planOf(view);
        RoadmapDocument roadmap = catalog.find(view.roadmapId()).orElseThrow().document();
        boolean following = view.status().equals(Subscription.Status.ACTIVE.name()) || view.status().equals(Subscription.Status.PAUSED.name());
        List<StudyCalendar.Entry> entries = following
                ? schedules.of(view, roadmap, settings.feedWeeks()).sessions().stream().map(session -> entry(session, view.locale())).toList()
                : List.of();
        StudyCalendar.Header header = StudyCalendar.Header.feed(id, plan.zone(), settings.uidDomain(), "Stride: " + roadmap.title(),
                settings.refreshEvery()).withAlarm(alarmBefore);
        byte[] body = StudyCalendar.render(header, entries, (uid, hash) -> sequences.sequenceFor(uid, id, hash, clock.instant()), clock.instant());
        return Response.ok(body, StudyCalendar.CONTENT_TYPE)
                .header("Content-Disposition", "inline; filename=\"stride.ics\"")
                // Private: the URL is the learner's own; short-lived so a re-plan reaches the app soon.
                .header("Cache-Control", "private, max-age=300")
                .build();
    }

    /** Titles as the email attachment words them, in the learner's language. */
    private static StudyCalendar.Entry entry(PlanView.Entry session, String locale) {
        String milestones = session.work().stream().map(PlanView.Work::title).distinct().collect(Collectors.joining(", "));
        String description = session.work().stream().map(work -> work.minutes() + " min: " + work.title()).collect(Collectors.joining("\n"));
        return new StudyCalendar.Entry(session.date(), session.start(), session.minutes(),
                ("de".equals(locale) ? "Lernen: " : "Study: ") + milestones, description);
    }
}
