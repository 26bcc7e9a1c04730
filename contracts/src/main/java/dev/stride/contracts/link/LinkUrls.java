package dev.stride.contracts.link;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Optional;
import java.util.UUID;

/**
 * The signed links of Stride's emails and pages, as roadmap-service serves them. roadmap-service and
 * reminder-service mint them with the same key and this one format.
 */
public final class LinkUrls {

    /**
     * How long each kind of link works. {@code calendar}: the feed lives as long as its subscription, so its link is
     * ended by rotation ({@link #calendarIssuedAt}), not by time; {@code signIn}: the home page link of a sign-in email.
     */
    public record Validity(Duration confirm, Duration action, Duration manage, Duration unsubscribe, Duration calendar, Duration signIn) {
        public static final Validity DEFAULT = new Validity(Duration.ofHours(48), Duration.ofDays(14), Duration.ofDays(90), Duration.ofDays(365),
                Duration.ofDays(36500), Duration.ofMinutes(30));
    }

    private static final String ISSUED = "i";

    private final String baseUrl;
    private final LinkSigner signer;
    private final Clock clock;
    private final Validity validity;

    public LinkUrls(String baseUrl, LinkSigner signer, Clock clock, Validity validity) {
        this.baseUrl = baseUrl.endsWith("/") ? baseUrl.substring(0, baseUrl.length() - 1) : baseUrl;
        this.signer = signer;
        this.clock = clock;
        this.validity = validity;
    }

    public LinkSigner signer() {
        return signer;
    }

    public String token(UUID subscriptionId, LinkPurpose purpose, Optional<String> subject) {
        return signer.sign(new LinkToken(subscriptionId, purpose, clock.instant().plus(validity(purpose)), subject));
    }

    public String confirm(UUID subscriptionId) {
        return baseUrl + "/confirm/" + token(subscriptionId, LinkPurpose.CONFIRM, Optional.empty());
    }

    public String manage(UUID subscriptionId) {
        return baseUrl + "/manage/" + token(subscriptionId, LinkPurpose.MANAGE, Optional.empty());
    }

    public String unsubscribe(UUID subscriptionId) {
        return baseUrl + "/unsubscribe/" + token(subscriptionId, LinkPurpose.UNSUBSCRIBE, Optional.empty());
    }

    /** "This wasn't me — never email me again": suppresses the subscription's address for all of Stride. */
    public String notMe(UUID subscriptionId) {
        return baseUrl + "/not-me/" + token(subscriptionId, LinkPurpose.NOT_ME, Optional.empty());
    }

    /** Mark done (subject: the milestone id), skip week, snooze (subject: days), pause, resume. */
    public String action(UUID subscriptionId, LinkPurpose purpose, Optional<String> subject) {
        return baseUrl + "/actions/" + token(subscriptionId, purpose, subject);
    }

    /** Skips exactly the week beginning {@code weekStart} (a Monday), whenever it is clicked; {@link LinkToken#week()} reads it. */
    public String skipWeek(UUID subscriptionId, LocalDate weekStart) {
        return action(subscriptionId, LinkPurpose.SKIP_WEEK, Optional.of(weekStart.toString()));
    }

    /** "Stop all Stride email": ends every live subscription of the learner; {@code token} is a manage or unsubscribe token. */
    public String stopAll(String token) {
        return baseUrl + "/stop-all/" + token;
    }

    /** The feed's link names when it was issued, so rotating the feed refuses every link issued before. */
    public String calendar(UUID subscriptionId) {
        return baseUrl + "/calendar/" + token(subscriptionId, LinkPurpose.CALENDAR, Optional.of(ISSUED + clock.millis())) + ".ics";
    }

    /** When a calendar link was issued; empty for links from before rotation existed (issued at the beginning of time). */
    public static Optional<Instant> calendarIssuedAt(LinkToken token) {
        return token.subject().filter(subject -> subject.startsWith(ISSUED)).map(subject -> {
            try {
                return Instant.ofEpochMilli(Long.parseLong(subject.substring(ISSUED.length())));
            } catch (NumberFormatException e) {
                throw new LinkVerificationException(LinkVerificationException.Reason.INVALID, "This link is not valid.");
            }
        });
    }

    /** The learner's home page (keyed by the learner id): every subscription and the profile. */
    public String home(UUID learnerId) {
        return baseUrl + "/home/" + token(learnerId, LinkPurpose.SIGN_IN, Optional.empty());
    }

    /** Makes {@code addressHash}'s address the learner's: the link goes to that address only. */
    public String verifyAddress(UUID learnerId, String addressHash) {
        return baseUrl + "/verify-address/" + token(learnerId, LinkPurpose.VERIFY_ADDRESS, Optional.of(addressHash));
    }

    public String roadmap(String roadmapId) {
        return baseUrl + "/roadmaps/" + roadmapId;
    }

    public Duration validity(LinkPurpose purpose) {
        return switch (purpose) {
            // Verifying a new address is a confirmation of that address.
            case CONFIRM, VERIFY_ADDRESS -> validity.confirm();
            case MANAGE -> validity.manage();
            case CALENDAR -> validity.calendar();
            case SIGN_IN -> validity.signIn();
            // Saying "this wasn't me" must work whenever the stranger's email is found, like unsubscribing.
            case UNSUBSCRIBE, NOT_ME -> validity.unsubscribe();
            default -> validity.action();
        };
    }

    /** The query parameter that names the nudge a link in a weekly email came from (engagement measurement only). */
    public static final String NUDGE_PARAM = "n";

    /**
     * The link as a weekly email carries it: with the nudge it came from, so the action it leads to is counted for that
     * nudge. The parameter is not signed: it only attributes a click the token already allows.
     */
    public static String fromNudge(String url, UUID nudgeId) {
        if (url == null || nudgeId == null) {
            return url;
        }
        return url + (url.contains("?") ? "&" : "?") + NUDGE_PARAM + "=" + nudgeId;
    }
}
