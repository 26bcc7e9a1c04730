package dev.stride.roadmap.web;

import dev.stride.contracts.link.LinkPurpose;
import dev.stride.contracts.link.LinkToken;
import dev.stride.contracts.link.LinkUrls;
import dev.stride.contracts.link.LinkVerificationException;
import dev.stride.pacing.ProgressState;
import dev.stride.roadmap.catalog.CatalogService;
import dev.stride.roadmap.catalog.RoadmapDocument;
import dev.stride.roadmap.engagement.Engagements;
import dev.stride.roadmap.link.Links;
import dev.stride.roadmap.link.SingleUseLinks;
import dev.stride.roadmap.problem.FieldError;
import dev.stride.roadmap.problem.Problem;
import dev.stride.roadmap.problem.ProblemException;
import dev.stride.roadmap.problem.TooManyRequests;
import dev.stride.roadmap.subscription.LearnerProfile;
import dev.stride.roadmap.subscription.SkippedWeeks;
import dev.stride.roadmap.subscription.Subscription;
import dev.stride.roadmap.subscription.PaceChanges;
import dev.stride.roadmap.subscription.SubscriptionService;
import io.quarkus.qute.CheckedTemplate;
import io.quarkus.qute.TemplateInstance;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

import java.time.LocalDate;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.function.Supplier;

/**
 * The pages behind the links in Stride's emails. A GET never changes anything (mail scanners follow links):
 * it shows what the link will do and a button; the POST does it. The unsubscribe POST also serves RFC 8058
 * one-click requests ({@code List-Unsubscribe=One-Click}).
 */
@Path("/")
@Produces(MediaType.TEXT_HTML)
public class LinkPages {

    private static final Set<LinkPurpose> ACTIONS = Set.of(LinkPurpose.MARK_DONE, LinkPurpose.SKIP_WEEK, LinkPurpose.SNOOZE,
            LinkPurpose.PAUSE, LinkPurpose.RESUME, LinkPurpose.REPLAN);

    @CheckedTemplate
    static class Templates {
        static native TemplateInstance confirm(String action, String roadmapTitle, String name);

        static native TemplateInstance action(String action, String purpose, Object subject);

        static native TemplateInstance unsubscribe(String action, String roadmapTitle, String stopAllUrl);

        /** {@code outcome}: what happened ({@code CONFIRMED}, a link purpose, {@code ALREADY_DONE}, ...), worded by {@link LinkMessages}. */
        static native TemplateInstance done(String outcome, Object subject, String manageUrl);

        /** {@code kind}: the last part of the problem's type, which the page's language words ({@link LinkMessages#problemTitle}). */
        static native TemplateInstance problem(int status, String kind, String title, String detail, String fields, List<FieldError> errors);
    }

    private final SubscriptionService subscriptions;
    private final CatalogService catalog;
    private final Links links;
    private final SingleUseLinks singleUse;
    private final SkippedWeeks skippedWeeks;
    private final PageLanguages languages;
    private final PaceChanges pace;
    private final ProblemPages problems;
    private final Engagements engagements;
    private final ManageNotices notices;

    public LinkPages(SubscriptionService subscriptions, CatalogService catalog, Links links, SingleUseLinks singleUse, SkippedWeeks skippedWeeks,
                     PageLanguages languages, PaceChanges pace, ProblemPages problems, Engagements engagements, ManageNotices notices) {
        this.notices = notices;
        this.problems = problems;
        this.engagements = engagements;
        this.subscriptions = subscriptions;
        this.skippedWeeks = skippedWeeks;
        this.pace = pace;
        this.catalog = catalog;
        this.links = links;
        this.singleUse = singleUse;
        this.languages = languages;
    }

    @GET
    @Path("confirm/{token}")
    public Response confirmPage(@PathParam("token") String token) {
        return page(token, () -> {
            Subscription subscription = subscriptions.require(verify(token, LinkPurpose.CONFIRM).subscriptionId());
            // The name and language this confirmation will give the learner, shown to the address's owner before they press the button.
            return PageLanguages.in(Templates.confirm("/confirm/" + token, roadmapTitle(subscription),
                    subscription.requestedName != null ? subscription.requestedName : subscription.learner.displayName),
                    languages.ofLearner(LearnerProfile.localeOf(subscription)));
        });
    }

    @POST
    @Path("confirm/{token}")
    public Response confirm(@PathParam("token") String token) {
        return page(token, () -> {
            Subscription subscription = subscriptions.confirm(verify(token, LinkPurpose.CONFIRM).subscriptionId());
            return inLanguageOf(subscription, Templates.done("CONFIRMED", roadmapTitle(subscription), links.manageUrl(subscription.id)));
        });
    }

    @GET
    @Path("actions/{token}")
    public Response actionPage(@PathParam("token") String token, @QueryParam(LinkUrls.NUDGE_PARAM) String n) {
        return page(token, () -> {
            LinkToken claims = verifyAction(token);
            Subscription subscription = subscriptions.require(claims.subscriptionId());
            if (singleUse.used(token, claims)) {
                return inLanguageOf(subscription, alreadyDone(claims));
            }
            Object subject = switch (claims.purpose()) {
                case MARK_DONE -> milestoneTitle(subscription, claims.subject());
                case SKIP_WEEK -> {
                    skippedWeeks.requireNotOver(claims.subscriptionId(), claims.week().orElse(null));
                    yield weekLabel(subscription, claims);
                }
                case SNOOZE -> snoozeDays(claims);
                default -> "";
            };
            // The button's POST names the email's nudge too, so what the learner does is attributed to it.
            return inLanguageOf(subscription, Templates.action("/actions/" + token + Engagements.nudgeQuery(Engagements.nudgeParam(n)),
                    claims.purpose().name(), subject));
        });
    }

    @POST
    @Path("actions/{token}")
    public Response act(@PathParam("token") String token, @QueryParam(LinkUrls.NUDGE_PARAM) String n) {
        return page(token, () -> {
            LinkToken claims = verifyAction(token);
            UUID id = claims.subscriptionId();
            Subscription subscription = subscriptions.require(id);
            if (!singleUse.once(token, claims, () -> {
                perform(claims);
                engagements.record(id, Engagements.Action.valueOf(claims.purpose().name()), Engagements.nudgeParam(n),
                        claims.subject().or(() -> claims.week().map(Object::toString)).orElse(null));
            })) {
                return inLanguageOf(subscription, alreadyDone(claims));
            }
            Object subject = switch (claims.purpose()) {
                case SNOOZE -> snoozeDays(claims);
                case SKIP_WEEK -> weekLabel(subscription, claims);
                // The day a learner who never resumes is erased (retention); none while another plan of theirs runs.
                case PAUSE -> notices.pausedErasureDay(id, subscription.zoneId(), languages.ofLearner(subscription.learner.locale)).orElse("");
                default -> "";
            };
            return inLanguageOf(subscription, Templates.done(claims.purpose().name(), subject, links.manageUrl(id)));
        });
    }

    /** Does what the action link says, in the caller's transaction; the done page words it by the link's purpose. */
    private Subscription perform(LinkToken claims) {
        UUID id = claims.subscriptionId();
        return switch (claims.purpose()) {
            case MARK_DONE -> subscriptions.progress(id, claims.subject().orElse(""), ProgressState.DONE);
            case SKIP_WEEK -> skippedWeeks.skipFromLink(id, claims.week().orElse(null));
            case SNOOZE -> subscriptions.snooze(id, snoozeDays(claims));
            case PAUSE -> subscriptions.pause(id);
            case REPLAN -> pace.replan(id);
            default -> subscriptions.resume(id);
        };
    }

    /** The week a skip link names, in the learner's language; empty for links signed before links named their week. */
    private String weekLabel(Subscription subscription, LinkToken claims) {
        return claims.week().map(monday -> PageDates.longDate(SkippedWeeks.mondayOf(monday), languages.ofLearner(subscription.learner.locale)))
                .orElse("");
    }

    private TemplateInstance alreadyDone(LinkToken claims) {
        return Templates.done("ALREADY_DONE", "", links.manageUrl(claims.subscriptionId()));
    }

    /** A learner's link page speaks the learner's language (their profile's). */
    private TemplateInstance inLanguageOf(Subscription subscription, TemplateInstance page) {
        return PageLanguages.in(page, languages.ofLearner(subscription.learner.locale));
    }

    @GET
    @Path("unsubscribe/{token}")
    public Response unsubscribePage(@PathParam("token") String token, @QueryParam(LinkUrls.NUDGE_PARAM) String n) {
        return page(token, () -> {
            Subscription subscription = subscriptions.require(verify(token, LinkPurpose.UNSUBSCRIBE).subscriptionId());
            return inLanguageOf(subscription, Templates.unsubscribe("/unsubscribe/" + token + Engagements.nudgeQuery(Engagements.nudgeParam(n)),
                    roadmapTitle(subscription), "/stop-all/" + token));
        });
    }

    /** The page's button and mail clients' RFC 8058 one-click POST land here alike. */
    @POST
    @Path("unsubscribe/{token}")
    @Consumes({MediaType.APPLICATION_FORM_URLENCODED, MediaType.MULTIPART_FORM_DATA, MediaType.TEXT_PLAIN, MediaType.WILDCARD})
    public Response unsubscribe(@PathParam("token") String token, @QueryParam(LinkUrls.NUDGE_PARAM) String n) {
        return page(token, () -> {
            UUID id = verify(token, LinkPurpose.UNSUBSCRIBE).subscriptionId();
            Subscription subscription = engagements.within(id, Engagements.Action.UNSUBSCRIBE, Engagements.nudgeParam(n), null,
                    () -> subscriptions.unsubscribe(id));
            return inLanguageOf(subscription, Templates.done("UNSUBSCRIBED", links.roadmapUrl(subscription.roadmapId), null));
        });
    }

    private Response page(String token, Supplier<TemplateInstance> render) {
        try {
            return Response.ok(render.get()).header("Cache-Control", "no-store").build();
        } catch (LinkVerificationException e) {
            return problems.of(e, token);
        } catch (ProblemException e) {
            return problems.of(e, token);
        }
    }

    /**
     * Every error page: the problem in {@code locale} (its {@code <html lang>}, {@code Content-Language} and words), never
     * cached. Who calls picks the language as its page does: a learner's own pages through {@link ProblemPages}, public
     * pages as they choose theirs. A rate limit's 429 also says when to try again ({@code Retry-After}).
     */
    static Response problemPage(Problem problem, Locale locale) {
        String kind = problem.type() == null ? "" : problem.type().substring(problem.type().lastIndexOf('/') + 1);
        List<FieldError> errors = problem.errors() == null ? List.of() : problem.errors();
        String fields = String.join(", ", errors.stream().map(FieldError::field).distinct().toList());
        return PageLanguages.negotiated(Response.status(problem.status()), locale).header("Cache-Control", "no-store")
                .entity(PageLanguages.in(Templates.problem(problem.status(), kind, problem.title(), problem.detail(), fields, errors), locale)).build();
    }

    static Response problemPage(ProblemException e, Locale locale) {
        Response page = problemPage(e.problem(), locale);
        return e instanceof TooManyRequests limited ? Response.fromResponse(page).header("Retry-After", limited.retryAfterSeconds()).build() : page;
    }

    private LinkToken verify(String token, LinkPurpose purpose) {
        return links.signer().verify(token, purpose, null);
    }

    private LinkToken verifyAction(String token) {
        LinkToken claims = links.signer().verify(token);
        if (!ACTIONS.contains(claims.purpose())) {
            throw new LinkVerificationException(LinkVerificationException.Reason.WRONG_PURPOSE, "This link is not for an action on your plan.");
        }
        return claims;
    }

    private static int snoozeDays(LinkToken claims) {
        try {
            return claims.subject().map(Integer::parseInt).orElse(3);
        } catch (NumberFormatException e) {
            throw new LinkVerificationException(LinkVerificationException.Reason.INVALID, "This link names no number of days.");
        }
    }

    private String roadmapTitle(Subscription subscription) {
        return catalog.document(subscription.roadmapId, subscription.roadmapVersion).map(RoadmapDocument::title).orElse(subscription.roadmapId);
    }

    private String milestoneTitle(Subscription subscription, Optional<String> milestoneId) {
        return catalog.find(subscription.roadmapId)
                .flatMap(roadmap -> roadmap.document().milestones().stream().filter(m -> milestoneId.isPresent() && m.id().equals(milestoneId.get())).findFirst())
                .map(RoadmapDocument.Milestone::title)
                .orElse(milestoneId.orElse("this milestone"));
    }
}
