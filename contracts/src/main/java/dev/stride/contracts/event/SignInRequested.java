package dev.stride.contracts.event;

import java.time.Instant;
import java.util.UUID;

/**
 * A known learner asked for their links ("email me my links"): the email carries {@code homeUrl}, the learner's home page
 * with every subscription, valid until {@code validUntil}. Keyed by the learner id; only ever emitted for an address
 * Stride knows, while the asker hears the same answer either way.
 */
public record SignInRequested(UUID learnerId, Learner learner, String homeUrl, Instant validUntil) implements DomainEvent {
}
