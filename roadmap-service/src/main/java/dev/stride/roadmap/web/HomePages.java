package dev.stride.roadmap.web;

import dev.stride.contracts.link.LinkPurpose;
import dev.stride.contracts.link.LinkToken;
import dev.stride.contracts.link.LinkVerificationException;
import dev.stride.pacing.ProgressState;
import java.util.Optional;
import dev.stride.roadmap.plan.StudySchedules;
import dev.stride.roadmap.catalog.CatalogService;
import dev.stride.roadmap.catalog.RoadmapDocument;
import dev.stride.roadmap.link.Links;
import dev.stride.roadmap.problem.FieldError;
import dev.stride.roadmap.problem.ProblemException;
import dev.stride.roadmap.problem.TooManyRequests;
import dev.stride.roadmap.subscription.Learner;
import dev.stride.roadmap.subscription.LearnerProfile;
import dev.stride.roadmap.subscription.ProfileRequest;
import dev.stride.roadmap.subscription.SignIn;
import dev.stride.roadmap.subscription.SignInRequest;
import dev.stride.roadmap.subscription.SubscribeIntake;
import dev.stride.roadmap.subscription.SubscriptionView;
import dev.stride.roadmap.subscription.SubscriptionViews;
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
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;
import java.util.function.Supplier;

/**
 * "Email me my links" and the learner's home page it leads to: every subscription with a fresh manage link, and the
 * profile (name, language, address, one weekly digest or an email per roadmap). The home page is reached only through a signed link (the sign-in email's, or a
 * manage page's), so what it changes was asked for by the address's owner; a new address waits for its own link.
 */
@Path("/")
@Produces(MediaType.TEXT_HTML)
public class HomePages {

    public record Entry(String roadmapTitle, String status, long done, int total, String manageUrl) {
    }

    /**
     * The profile form as shown: the learner's values, or what they typed with the errors by field. {@code emails}: the
     * {@link ProfileRequest} value of the digest choice ({@code digest} or {@code separate}).
     */
    public record Profile(String email, String name, String locale, String emails, String pendingEmail, Map<String, FieldError> errors) {
        public FieldError error(String field) {
            return errors.get(field);
        }
    }

    @CheckedTemplate
    static class Templates {
        static native TemplateInstance signIn(String email, FieldError error, boolean sent);

        static native TemplateInstance home(String base, String name, List<Entry> subscriptions, Profile profile, String notice);

        static native TemplateInstance verifyAddress(String action, String address);
    }

    private final SubscribeIntake intake;
    private final SignIn signIn;
    private final LearnerProfile profiles;
    private final SubscriptionViews views;
    private final CatalogService catalog;
    private final Links links;
    private final PageLanguages languages;
    private final StudySchedules schedules;
    private final ProblemPages problems;

    public HomePages(SubscribeIntake intake, SignIn signIn, LearnerProfile profiles, SubscriptionViews views, CatalogService catalog, Links links,
                     PageLanguages languages, StudySchedules schedules, ProblemPages problems) {
        this.problems = problems;
        this.intake = intake;
        this.signIn = signIn;
        this.profiles = profiles;
        this.views = views;
        this.catalog = catalog;
        this.links = links;
        this.languages = languages;
        this.schedules = schedules;
    }

    @GET
    @Path("sign-in")
    public Response signInPage(@QueryParam("lang") String lang, @Context HttpHeaders headers) {
        return signInPage(Response.Status.OK, Templates.signIn("", null, false), languages.ofRequest(lang, headers));
    }

    /** The same 202 page whether or not the address is known; 400 with the error by the field; 429 as the subscribe form's. */
    @POST
    @Path("sign-in")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    public Response signIn(@FormParam("email") String email, @FormParam("lang") String lang, @Context HttpHeaders headers,
                           @Context HttpServerRequest http) {
        Locale locale = languages.ofRequest(lang, headers);
        try {
            intake.signIn(new SignInRequest(email), http.remoteAddress() == null ? null : http.remoteAddress().hostAddress());
            return signInPage(Response.Status.ACCEPTED, Templates.signIn("", null, true), locale);
        } catch (TooManyRequests e) {
            return LinkPages.problemPage(e, locale);
        } catch (ProblemException e) {
            FieldError error = e.problem().errors().stream().findFirst().orElse(new FieldError("email", e.problem().detail()));
            return signInPage(Response.Status.fromStatusCode(e.problem().status()), Templates.signIn(email == null ? "" : email, error, false), locale);
        }
    }

    /** The public sign-in page in the language asked for (the switch, the form's hidden field or the browser). */
    private static Response signInPage(Response.Status status, TemplateInstance page, Locale locale) {
        return PageLanguages.negotiated(Response.status(status).entity(PageLanguages.in(page, locale)), locale)
                .header("Cache-Control", "no-store").build();
    }

    @GET
    @Path("home/{token}")
    public Response home(@PathParam("token") String token, @QueryParam("changed") String changed) {
        return page(token, () -> {
            Learner learner = signIn.learner(learnerOf(token));
            String notice = "address".equals(changed) && learner.pendingEmail != null ? "address" : "profile".equals(changed) ? "profile" : null;
            return render(token, learner, profileOf(learner, Map.of()), notice);
        }, Response.Status.OK);
    }

    @POST
    @Path("home/{token}/profile")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    public Response changeProfile(@PathParam("token") String token, @FormParam("email") String email, @FormParam("name") String name,
                                  @FormParam("locale") String locale, @FormParam("emails") String emails) {
        try {
            UUID learnerId = learnerOf(token);
            try {
                LearnerProfile.Changed changed = intake.changeProfile(learnerId, new ProfileRequest(email, name, locale, emails));
                return Response.seeOther(URI.create("/home/" + token + "?changed=" + (changed.addressPending() ? "address" : "profile"))).build();
            } catch (TooManyRequests e) {
                return problems.of(e, token);
            } catch (ProblemException e) {
                if (e.problem().status() != 400) {
                    throw e;
                }
                Map<String, FieldError> errors = FieldError.byField(e.problem().errors());
                Learner learner = signIn.learner(learnerId);
                String choice = emails == null || errors.containsKey("emails") ? emailsOf(learner) : emails;
                return page(token, () -> render(token, learner, new Profile(email, name, locale, choice, learner.pendingEmail, errors), null),
                        Response.Status.BAD_REQUEST);
            }
        } catch (LinkVerificationException e) {
            return problems.of(e, token);
        } catch (ProblemException e) {
            return problems.of(e, token);
        }
    }

    @GET
    @Path("verify-address/{token}")
    public Response verifyAddressPage(@PathParam("token") String token) {
        return page(token, () -> {
            LinkToken claims = links.signer().verify(token, LinkPurpose.VERIFY_ADDRESS, null);
            Learner learner = signIn.learner(claims.subscriptionId());
            return PageLanguages.in(Templates.verifyAddress("/verify-address/" + token, learner.pendingEmail == null ? "" : learner.pendingEmail),
                    languages.ofLearner(learner.locale));
        }, Response.Status.OK);
    }

    @POST
    @Path("verify-address/{token}")
    public Response verifyAddress(@PathParam("token") String token) {
        return page(token, () -> {
            LinkToken claims = links.signer().verify(token, LinkPurpose.VERIFY_ADDRESS, null);
            Learner learner = profiles.verifyAddress(claims.subscriptionId(), claims.subject().orElse(""));
            return PageLanguages.in(LinkPages.Templates.done("ADDRESS_CHANGED", learner.email, links.homeUrl(learner.id)), languages.ofLearner(learner.locale));
        }, Response.Status.OK);
    }

    private TemplateInstance render(String token, Learner learner, Profile profile, String notice) {
        List<Entry> entries = signIn.subscriptionsOf(learner.id).stream().map(views::view).map(this::entry).toList();
        return PageLanguages.in(Templates.home("/home/" + token, learner.displayName, entries, profile, notice), languages.ofLearner(learner.locale));
    }

    private Entry entry(SubscriptionView view) {
        Optional<RoadmapDocument> roadmap = catalog.document(view.roadmapId(), view.roadmapVersion());
        StudySchedules.Tally tally = roadmap.map(document -> schedules.tally(view, document))
                .orElseGet(() -> new StudySchedules.Tally(view.progress().stream().filter(p -> p.state() == ProgressState.DONE).count(), view.progress().size()));
        return new Entry(roadmap.map(RoadmapDocument::title).orElse(view.roadmapId()), view.status(), tally.done(), tally.total(), links.manageUrl(view.id()));
    }

    private static Profile profileOf(Learner learner, Map<String, FieldError> errors) {
        return new Profile(learner.email, learner.displayName, learner.locale, emailsOf(learner), learner.pendingEmail, errors);
    }

    private static String emailsOf(Learner learner) {
        return learner.separateEmails ? ProfileRequest.SEPARATE : ProfileRequest.DIGEST;
    }

    private UUID learnerOf(String token) {
        return links.signer().verify(token, LinkPurpose.SIGN_IN, null).subscriptionId();
    }

    private Response page(String token, Supplier<TemplateInstance> render, Response.Status status) {
        try {
            return Response.status(status).entity(render.get()).header("Cache-Control", "no-store").build();
        } catch (LinkVerificationException e) {
            return problems.of(e, token);
        } catch (ProblemException e) {
            return problems.of(e, token);
        }
    }
}
