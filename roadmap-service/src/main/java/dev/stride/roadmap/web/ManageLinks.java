package dev.stride.roadmap.web;

import dev.stride.contracts.link.LinkPurpose;
import dev.stride.contracts.link.LinkVerificationException;
import dev.stride.roadmap.link.Links;
import dev.stride.roadmap.problem.ProblemException;
import dev.stride.roadmap.subscription.FeedRotation;
import dev.stride.roadmap.subscription.SignIn;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

import java.net.URI;
import java.util.UUID;
import java.util.function.Function;

/** The manage page's ways to the learner's other links: their home page, and a new calendar feed link that ends the old one. */
@Path("/manage/{token}/links")
@Produces(MediaType.TEXT_HTML)
public class ManageLinks {

    private final Links links;
    private final SignIn signIn;
    private final FeedRotation feeds;
    private final ProblemPages problems;

    public ManageLinks(Links links, SignIn signIn, FeedRotation feeds, ProblemPages problems) {
        this.problems = problems;
        this.links = links;
        this.signIn = signIn;
        this.feeds = feeds;
    }

    /** A manage link is a confirmed link too: it opens the home page with a fresh sign-in link (a GET that changes nothing). */
    @GET
    @Path("/home")
    public Response home(@PathParam("token") String token) {
        return withSubscription(token, id -> URI.create(links.homeUrl(signIn.learnerOf(id))));
    }

    /** Rotates the calendar feed: the old URL stops working, the manage page shows the new one. */
    @POST
    @Path("/calendar")
    public Response rotateCalendar(@PathParam("token") String token) {
        return withSubscription(token, id -> {
            feeds.rotate(id);
            return URI.create("/manage/" + token + "#calendar-url");
        });
    }

    private Response withSubscription(String token, Function<UUID, URI> then) {
        try {
            UUID id = links.signer().verify(token, LinkPurpose.MANAGE, null).subscriptionId();
            return Response.seeOther(then.apply(id)).header("Cache-Control", "no-store").build();
        } catch (LinkVerificationException e) {
            return problems.of(e, token);
        } catch (ProblemException e) {
            return problems.of(e, token);
        }
    }
}
