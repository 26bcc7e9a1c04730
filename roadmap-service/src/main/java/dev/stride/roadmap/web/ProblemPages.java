package dev.stride.roadmap.web;

import dev.stride.contracts.link.LinkPurpose;
import dev.stride.contracts.link.LinkToken;
import dev.stride.contracts.link.LinkVerificationException;
import dev.stride.roadmap.api.SubscriptionResource.LinkProblems;
import dev.stride.roadmap.link.Links;
import dev.stride.roadmap.problem.Problem;
import dev.stride.roadmap.problem.ProblemException;
import dev.stride.roadmap.subscription.LearnerProfile;
import dev.stride.roadmap.subscription.SignIn;
import dev.stride.roadmap.subscription.SubscriptionService;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.Response;

import java.util.Locale;
import java.util.Set;

/**
 * The error pages of a learner's own pages (the pages behind the emails' links, the manage and home pages). They speak
 * the language of the learner their link names, as the page would have: that needs a link that verifies (one refused
 * after it verified, such as a replaced calendar link, counts) and a learner who still exists. A link that does not
 * verify names no one, so then the page follows the browser's {@code Accept-Language}.
 */
@ApplicationScoped
public class ProblemPages {

    /** Links keyed by the learner's id rather than a subscription's. */
    private static final Set<LinkPurpose> LEARNER_LINKS = Set.of(LinkPurpose.SIGN_IN, LinkPurpose.VERIFY_ADDRESS);

    private final Links links;
    private final SubscriptionService subscriptions;
    private final SignIn signIn;
    private final PageLanguages languages;
    private final HttpHeaders headers;

    public ProblemPages(Links links, SubscriptionService subscriptions, SignIn signIn, PageLanguages languages, HttpHeaders headers) {
        this.links = links;
        this.subscriptions = subscriptions;
        this.signIn = signIn;
        this.languages = languages;
        this.headers = headers;
    }

    /** The link of {@code token} was refused. */
    public Response of(LinkVerificationException e, String token) {
        return of(LinkProblems.of(e), token);
    }

    /** What the link of {@code token} asked for went wrong (a 429 with its {@code Retry-After}). */
    public Response of(ProblemException e, String token) {
        return LinkPages.problemPage(e, languageOf(token));
    }

    public Response of(Problem problem, String token) {
        return LinkPages.problemPage(problem, languageOf(token));
    }

    /** For pages that speak the browser's language whoever the link names ("this wasn't me"). */
    public Response inBrowsersLanguage(Problem problem) {
        return LinkPages.problemPage(problem, browsers());
    }

    /** The language of the learner that {@code token} names, else the browser's. */
    Locale languageOf(String token) {
        try {
            LinkToken claims = links.signer().verify(token);
            if (LEARNER_LINKS.contains(claims.purpose())) {
                return languages.ofLearner(signIn.learner(claims.subscriptionId()).locale);
            }
            return languages.ofLearner(LearnerProfile.localeOf(subscriptions.require(claims.subscriptionId())));
        } catch (LinkVerificationException | ProblemException e) {
            return browsers();
        }
    }

    private Locale browsers() {
        return languages.ofRequest(null, headers);
    }
}
