package dev.stride.roadmap.web;

import dev.stride.contracts.link.LinkPurpose;
import dev.stride.contracts.link.LinkVerificationException;
import dev.stride.roadmap.api.SubscriptionResource.LinkProblems;
import dev.stride.roadmap.link.Links;
import dev.stride.roadmap.problem.ProblemException;
import dev.stride.roadmap.subscription.NotMe;
import io.quarkus.qute.CheckedTemplate;
import io.quarkus.qute.TemplateInstance;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

import java.util.UUID;
import java.util.function.Supplier;

/**
 * The "this wasn't me — never email me again" link of every confirmation email. Like every link page, the GET only
 * asks (mail scanners follow links); the POST suppresses the address for all of Stride and ends its subscriptions ({@link NotMe}).
 */
@Path("/not-me/{token}")
@Produces(MediaType.TEXT_HTML)
public class NotMePages {

    @CheckedTemplate
    static class Templates {
        static native TemplateInstance notMe(String action);
    }

    private final NotMe notMe;
    private final Links links;
    private final PageLanguages languages;
    private final ProblemPages problems;

    /** Whoever opens this did not ask for Stride's emails: the page speaks their browser's language, not the requested one. */
    public NotMePages(NotMe notMe, Links links, PageLanguages languages, ProblemPages problems) {
        this.problems = problems;
        this.notMe = notMe;
        this.links = links;
        this.languages = languages;
    }

    @GET
    public Response ask(@PathParam("token") String token, @Context HttpHeaders headers) {
        return page(() -> {
            verify(token);
            return PageLanguages.in(Templates.notMe("/not-me/" + token), languages.ofRequest(null, headers));
        });
    }

    @POST
    @Consumes({MediaType.APPLICATION_FORM_URLENCODED, MediaType.MULTIPART_FORM_DATA, MediaType.TEXT_PLAIN, MediaType.WILDCARD})
    public Response suppress(@PathParam("token") String token, @Context HttpHeaders headers) {
        return page(() -> {
            notMe.suppress(verify(token));
            return PageLanguages.in(LinkPages.Templates.done("NOT_ME", "", null), languages.ofRequest(null, headers));
        });
    }

    private UUID verify(String token) {
        return links.signer().verify(token, LinkPurpose.NOT_ME, null).subscriptionId();
    }

    private Response page(Supplier<TemplateInstance> render) {
        try {
            return Response.ok(render.get()).header("Cache-Control", "no-store").build();
        } catch (LinkVerificationException e) {
            return problems.inBrowsersLanguage(LinkProblems.of(e));
        } catch (ProblemException e) {
            return problems.inBrowsersLanguage(e.problem());
        }
    }
}
