package dev.stride.contracts.link;

import java.time.Clock;
import java.time.Duration;
import java.time.LocalDate;
import java.util.Optional;
import java.util.UUID;

/**
 * The signed links of Stride's emails and pages, as roadmap-service serves them. roadmap-service and
 * reminder-service mint them with the same key and this one format.
 */
public final class LinkUrls {

    /** How long each kind of link works. */
    public record Validity(Duration confirm, Duration action, Duration manage, Duration unsubscribe) {
        public static final Validity DEFAULT = new Validity(Duration.ofHours(48), Duration.ofDays(14), Duration.ofDays(90), Duration.ofDays(365));
    }

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

    public String calendar(UUID subscriptionId) {
        return baseUrl + "/calendar/" + token(subscriptionId, LinkPurpose.CALENDAR, Optional.empty()) + ".ics";
    }

    public String roadmap(String roadmapId) {
        return baseUrl + "/roadmaps/" + roadmapId;
    }

    public Duration validity(LinkPurpose purpose) {
        return switch (purpose) {
            case CONFIRM -> validity.confirm();
            case MANAGE -> validity.manage();
            // A calendar app keeps the feed's URL for long: it lives as long as an unsubscribe link.
            // Saying "this wasn't me" must work whenever the stranger's email is found, like unsubscribing.
            case UNSUBSCRIBE, CALENDAR, NOT_ME -> validity.unsubscribe();
            default -> validity.action();
        };
    }
}
