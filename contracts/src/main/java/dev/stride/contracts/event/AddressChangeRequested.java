package dev.stride.contracts.event;

import dev.stride.contracts.privacy.Addresses;

import java.time.Instant;
import java.util.UUID;

/**
 * A signed-in learner asked to be emailed at {@code newAddress} from now on. The email goes to the new address only, with
 * {@code verifyUrl} (valid until {@code validUntil}); nothing changes until it is followed. {@code learner} is the
 * learner as they are now (the old address, their name and language). Keyed by the learner id.
 */
public record AddressChangeRequested(UUID learnerId, Learner learner, String newAddress, String verifyUrl, Instant validUntil)
        implements DomainEvent {

    /** Without the new address (nor the learner's) and without the verify link: see {@link Learner#toString}. */
    @Override
    public String toString() {
        return "AddressChangeRequested[learnerId=" + learnerId + ", learner=" + learner + ", newAddress=" + Addresses.logId(newAddress)
                + ", validUntil=" + validUntil + "]";
    }
}
