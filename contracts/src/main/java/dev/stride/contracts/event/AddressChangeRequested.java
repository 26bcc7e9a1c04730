package dev.stride.contracts.event;

import java.time.Instant;
import java.util.UUID;

/**
 * A signed-in learner asked to be emailed at {@code newAddress} from now on. The email goes to the new address only, with
 * {@code verifyUrl} (valid until {@code validUntil}); nothing changes until it is followed. {@code learner} is the
 * learner as they are now (the old address, their name and language). Keyed by the learner id.
 */
public record AddressChangeRequested(UUID learnerId, Learner learner, String newAddress, String verifyUrl, Instant validUntil)
        implements DomainEvent {
}
