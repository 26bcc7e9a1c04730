package dev.stride.reminder.scheduling;

import dev.stride.contracts.link.LinkKeys;
import dev.stride.contracts.link.LinkSigner;
import dev.stride.contracts.link.LinkUrls;
import jakarta.enterprise.inject.Produces;
import jakarta.inject.Singleton;
import org.eclipse.microprofile.config.inject.ConfigProperty;

import java.time.Clock;

/** Links in nudges, minted with roadmap-service's current key, its id and format (it serves them). */
public class LinkProducer {

    @Produces
    @Singleton
    LinkUrls links(@ConfigProperty(name = "stride.links.signing-key") String signingKey,
                   @ConfigProperty(name = "stride.links.key-id") String keyId,
                   @ConfigProperty(name = "stride.links.base-url") String baseUrl, Clock clock) {
        // This service only signs: the previous keys that still verify are roadmap-service's concern.
        return new LinkUrls(baseUrl, new LinkSigner(LinkKeys.of(keyId, signingKey, "", ""), clock), clock, LinkUrls.Validity.DEFAULT);
    }
}
