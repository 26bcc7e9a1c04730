package dev.stride.roadmap.web;

import dev.stride.contracts.link.LinkPurpose;
import dev.stride.contracts.link.LinkToken;
import dev.stride.contracts.link.LinkVerificationException;
import dev.stride.roadmap.catalog.CatalogService;
import dev.stride.roadmap.catalog.RoadmapDocument;
import dev.stride.roadmap.link.Links;
import dev.stride.roadmap.problem.ProblemException;
import dev.stride.roadmap.subscription.Subscription;
import dev.stride.roadmap.subscription.SubscriptionService;
import io.quarkus.qute.CheckedTemplate;
import io.quarkus.qute.TemplateInstance;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

import java.util.List;
import java.util.Locale;
import java.util.UUID;
import java.util.function.Supplier;

/**
 * "Stop all Stride email", from the unsubscribe page (its unsubscribe token) or the manage page (its manage token): the
 * GET shows what ends and a button, the POST ends every live subscription of the learner ({@code Leaving#endAll}).
 */
@Path("/stop-all/{token}")
@Produces(MediaType.TEXT_HTML)
public class StopAllPage {

    @CheckedTemplate
    static class Templates {
        static native TemplateInstance stopAll(String action, List<String> roadmaps);
    }

    private final SubscriptionService subscriptions;
    private final CatalogService catalog;
    private final Links links;
    private final PageLanguages languages;
    private final ProblemPages problems;

    public StopAllPage(SubscriptionService subscriptions, CatalogService catalog, Links links, PageLanguages languages, ProblemPages problems) {
        this.problems = problems;
        this.subscriptions = subscriptions;
        this.catalog = catalog;
        this.links = links;
        this.languages = languages;
    }

    @GET
    public Response page(@PathParam("token") String token) {
        return page(token, () -> {
            Subscription subscription = subscriptions.require(verify(token));
            List<String> roadmaps = subscriptions.liveOf(subscription.learner.id).stream().map(this::title).toList();
            return PageLanguages.in(Templates.stopAll("/stop-all/" + token, roadmaps), languages.ofLearner(subscription.learner.locale));
        });
    }

    @POST
    public Response stopAll(@PathParam("token") String token) {
        return page(token, () -> {
            UUID id = verify(token);
            Locale locale = languages.ofLearner(subscriptions.require(id).learner.locale);
            List<Subscription> ended = subscriptions.unsubscribeAll(id);
            return PageLanguages.in(LinkPages.Templates.done("STOPPED_ALL", String.join(", ", ended.stream().map(this::title).toList()), null), locale);
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

    /** A manage or an unsubscribe link's token: both are the learner's own. */
    private UUID verify(String token) {
        LinkToken claims = links.signer().verify(token);
        if (claims.purpose() != LinkPurpose.MANAGE && claims.purpose() != LinkPurpose.UNSUBSCRIBE) {
            throw new LinkVerificationException(LinkVerificationException.Reason.WRONG_PURPOSE, "This link cannot stop your emails.");
        }
        return claims.subscriptionId();
    }

    private String title(Subscription subscription) {
        return catalog.document(subscription.roadmapId, subscription.roadmapVersion).map(RoadmapDocument::title).orElse(subscription.roadmapId);
    }
}
