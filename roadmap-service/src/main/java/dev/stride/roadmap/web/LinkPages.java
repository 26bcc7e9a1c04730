package dev.stride.roadmap.web;

import dev.stride.contracts.link.LinkPurpose;
import dev.stride.contracts.link.LinkToken;
import dev.stride.contracts.link.LinkVerificationException;
import dev.stride.pacing.ProgressState;
import dev.stride.roadmap.api.SubscriptionResource.LinkProblems;
import dev.stride.roadmap.catalog.CatalogService;
import dev.stride.roadmap.catalog.RoadmapDocument;
import dev.stride.roadmap.link.Links;
import dev.stride.roadmap.link.SingleUseLinks;
import dev.stride.roadmap.problem.Problem;
import dev.stride.roadmap.problem.ProblemException;
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
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

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

        static native TemplateInstance action(String action, String question, String button);

        static native TemplateInstance unsubscribe(String action, String roadmapTitle);

        static native TemplateInstance done(String heading, String message, String manageUrl);

        static native TemplateInstance problem(int status, String title, String detail);
    }

    private final SubscriptionService subscriptions;
    private final CatalogService catalog;
    private final Links links;
    private final SingleUseLinks singleUse;
    private final PaceChanges pace;

    public LinkPages(SubscriptionService subscriptions, CatalogService catalog, Links links, SingleUseLinks singleUse, PaceChanges pace) {
        this.subscriptions = subscriptions;
        this.pace = pace;
        this.catalog = catalog;
        this.links = links;
        this.singleUse = singleUse;
    }

    @GET
    @Path("confirm/{token}")
    public Response confirmPage(@PathParam("token") String token) {
        return page(() -> {
            Subscription subscription = subscriptions.require(verify(token, LinkPurpose.CONFIRM).subscriptionId());
            // The name this confirmation will give the learner, shown to the address's owner before they press the button.
            return Templates.confirm("/confirm/" + token, roadmapTitle(subscription),
                    subscription.requestedName != null ? subscription.requestedName : subscription.learner.displayName);
        });
    }

    @POST
    @Path("confirm/{token}")
    public Response confirm(@PathParam("token") String token) {
        return page(() -> {
            Subscription subscription = subscriptions.confirm(verify(token, LinkPurpose.CONFIRM).subscriptionId());
            return Templates.done("Subscription confirmed", "A welcome email with your first week of " + roadmapTitle(subscription)
                    + " is on its way; after it, a short email each week on your chosen day. Every email has a link to manage your plan.",
                    links.manageUrl(subscription.id));
        });
    }

    @GET
    @Path("actions/{token}")
    public Response actionPage(@PathParam("token") String token) {
        return page(() -> {
            LinkToken claims = verifyAction(token);
            Subscription subscription = subscriptions.require(claims.subscriptionId());
            if (singleUse.used(token, claims)) {
                return alreadyDone(claims);
            }
            return switch (claims.purpose()) {
                case MARK_DONE -> Templates.action("/actions/" + token, "Mark “" + milestoneTitle(subscription, claims.subject()) + "” as done?", "Mark as done");
                case SKIP_WEEK -> Templates.action("/actions/" + token, "Skip this week? Nothing will be planned until next week.", "Skip this week");
                case SNOOZE -> Templates.action("/actions/" + token, "Snooze for " + snoozeDays(claims) + " days?", "Snooze");
                case PAUSE -> Templates.action("/actions/" + token, "Pause your plan? No sessions and no nudges until you resume.", "Pause");
                case REPLAN -> Templates.action("/actions/" + token, "Re-plan from today? What you have done so far becomes your plan's "
                        + "starting point, so you are on track again, and your finish date follows from here.", "Re-plan from today");
                default -> Templates.action("/actions/" + token, "Resume your plan?", "Resume");
            };
        });
    }

    @POST
    @Path("actions/{token}")
    public Response act(@PathParam("token") String token) {
        return page(() -> {
            LinkToken claims = verifyAction(token);
            UUID id = claims.subscriptionId();
            String[] message = new String[1];
            if (!singleUse.once(token, claims, () -> message[0] = perform(claims))) {
                return alreadyDone(claims);
            }
            return Templates.done("Done", message[0], links.manageUrl(id));
        });
    }

    /** Does what the action link says, in the caller's transaction; the sentence that tells the learner. */
    private String perform(LinkToken claims) {
        UUID id = claims.subscriptionId();
        return switch (claims.purpose()) {
            case MARK_DONE -> {
                subscriptions.progress(id, claims.subject().orElse(""), ProgressState.DONE);
                yield "Marked done. Your next nudge moves on to what comes next.";
            }
            case SKIP_WEEK -> {
                subscriptions.skipWeek(id, null);
                yield "This week is skipped. See you next week.";
            }
            case SNOOZE -> {
                subscriptions.snooze(id, snoozeDays(claims));
                yield "Snoozed for " + snoozeDays(claims) + " days.";
            }
            case PAUSE -> {
                subscriptions.pause(id);
                yield "Paused. Resume whenever you are ready.";
            }
            case REPLAN -> {
                pace.replan(id);
                yield "Re-planned from today. You are on track; your finish date follows from what is left.";
            }
            default -> {
                subscriptions.resume(id);
                yield "Resumed. Your plan picks up from today.";
            }
        };
    }

    private TemplateInstance alreadyDone(LinkToken claims) {
        return Templates.done("Already done", "This link was used already, so nothing changed. Each snooze link works once; "
                + "the next email brings a new one.", links.manageUrl(claims.subscriptionId()));
    }

    @GET
    @Path("unsubscribe/{token}")
    public Response unsubscribePage(@PathParam("token") String token) {
        return page(() -> {
            Subscription subscription = subscriptions.require(verify(token, LinkPurpose.UNSUBSCRIBE).subscriptionId());
            return Templates.unsubscribe("/unsubscribe/" + token, roadmapTitle(subscription));
        });
    }

    /** The page's button and mail clients' RFC 8058 one-click POST land here alike. */
    @POST
    @Path("unsubscribe/{token}")
    @Consumes({MediaType.APPLICATION_FORM_URLENCODED, MediaType.MULTIPART_FORM_DATA, MediaType.TEXT_PLAIN, MediaType.WILDCARD})
    public Response unsubscribe(@PathParam("token") String token) {
        return page(() -> {
            Subscription subscription = subscriptions.unsubscribe(verify(token, LinkPurpose.UNSUBSCRIBE).subscriptionId());
            return Templates.done("Unsubscribed", "You will get one short goodbye email and nothing after it. "
                    + "Changed your mind? Subscribe again at " + links.roadmapUrl(subscription.roadmapId), null);
        });
    }

    private Response page(Supplier<TemplateInstance> render) {
        try {
            return Response.ok(render.get()).header("Cache-Control", "no-store").build();
        } catch (LinkVerificationException e) {
            return problemPage(LinkProblems.of(e));
        } catch (ProblemException e) {
            return problemPage(e.problem());
        }
    }

    static Response problemPage(Problem problem) {
        return Response.status(problem.status()).header("Cache-Control", "no-store")
                .entity(Templates.problem(problem.status(), problem.title(), problem.detail())).build();
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
        return claims.subject().map(Integer::parseInt).orElse(3);
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
