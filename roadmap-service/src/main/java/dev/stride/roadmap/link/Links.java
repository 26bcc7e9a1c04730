package dev.stride.roadmap.link;

import dev.stride.contracts.link.LinkPurpose;
import dev.stride.contracts.link.LinkSigner;
import dev.stride.contracts.link.LinkToken;
import jakarta.enterprise.context.ApplicationScoped;

import java.time.Clock;
import java.time.Duration;
import java.util.Optional;
import java.util.UUID;

/** Mints and checks the signed links of this service's pages. */
@ApplicationScoped
public class Links {

    private final LinkSettings settings;
    private final LinkSigner signer;
    private final Clock clock;

    public Links(LinkSettings settings, Clock clock) {
        this.settings = settings;
        this.clock = clock;
        this.signer = LinkSigner.fromText(settings.signingKey(), clock);
    }

    public LinkSigner signer() {
        return signer;
    }

    public String token(UUID subscriptionId, LinkPurpose purpose, Optional<String> subject) {
        return signer.sign(new LinkToken(subscriptionId, purpose, clock.instant().plus(validity(purpose)), subject));
    }

    public String confirmUrl(UUID subscriptionId) {
        return settings.baseUrl() + "/confirm/" + token(subscriptionId, LinkPurpose.CONFIRM, Optional.empty());
    }

    public String manageUrl(UUID subscriptionId) {
        return settings.baseUrl() + "/manage/" + token(subscriptionId, LinkPurpose.MANAGE, Optional.empty());
    }

    public String unsubscribeUrl(UUID subscriptionId) {
        return settings.baseUrl() + "/unsubscribe/" + token(subscriptionId, LinkPurpose.UNSUBSCRIBE, Optional.empty());
    }

    public String actionUrl(UUID subscriptionId, LinkPurpose purpose, Optional<String> subject) {
        return settings.baseUrl() + "/actions/" + token(subscriptionId, purpose, subject);
    }

    public String roadmapUrl(String roadmapId) {
        return settings.baseUrl() + "/roadmaps/" + roadmapId;
    }

    public Duration validity(LinkPurpose purpose) {
        return switch (purpose) {
            case CONFIRM -> settings.confirmWithin();
            case MANAGE, CALENDAR -> settings.manageValidity();
            case UNSUBSCRIBE -> settings.unsubscribeValidity();
            default -> settings.actionValidity();
        };
    }
}
