package dev.stride.roadmap.link;

import dev.stride.contracts.link.LinkKeys;
import dev.stride.contracts.link.LinkPurpose;
import dev.stride.contracts.link.LinkSigner;
import dev.stride.contracts.link.LinkUrls;
import jakarta.enterprise.context.ApplicationScoped;

import java.time.Clock;
import java.time.Duration;
import java.util.Optional;
import java.util.UUID;

/** This service's signed links, configured from {@link LinkSettings}. */
@ApplicationScoped
public class Links {

    private final LinkUrls urls;

    public Links(LinkSettings settings, Clock clock) {
        this.urls = new LinkUrls(settings.baseUrl(), new LinkSigner(LinkKeys.of(settings.keyId(), settings.signingKey(),
                settings.previousSigningKeys().orElse(""), settings.v1KeyId()), clock), clock,
                new LinkUrls.Validity(settings.confirmWithin(), settings.actionValidity(), settings.manageValidity(), settings.unsubscribeValidity(),
                        settings.calendarValidity(), settings.signInValidity()));
    }

    public LinkSigner signer() {
        return urls.signer();
    }

    public String token(UUID subscriptionId, LinkPurpose purpose, Optional<String> subject) {
        return urls.token(subscriptionId, purpose, subject);
    }

    public String confirmUrl(UUID subscriptionId) {
        return urls.confirm(subscriptionId);
    }

    public String manageUrl(UUID subscriptionId) {
        return urls.manage(subscriptionId);
    }

    public String unsubscribeUrl(UUID subscriptionId) {
        return urls.unsubscribe(subscriptionId);
    }

    public String notMeUrl(UUID subscriptionId) {
        return urls.notMe(subscriptionId);
    }

    public String calendarUrl(UUID subscriptionId) {
        return urls.calendar(subscriptionId);
    }

    public String homeUrl(UUID learnerId) {
        return urls.home(learnerId);
    }

    public String verifyAddressUrl(UUID learnerId, String addressHash) {
        return urls.verifyAddress(learnerId, addressHash);
    }

    public String roadmapUrl(String roadmapId) {
        return urls.roadmap(roadmapId);
    }

    public Duration validity(LinkPurpose purpose) {
        return urls.validity(purpose);
    }
}
