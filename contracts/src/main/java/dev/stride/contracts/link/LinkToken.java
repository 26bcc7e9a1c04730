package dev.stride.contracts.link;

import java.time.Instant;
import java.util.Objects;
import java.util.Optional;
import java.util.UUID;

/**
 * What a verified signed link says: which subscription, for what, until when, and for purposes that
 * name a thing (the milestone of MARK_DONE) that thing.
 */
public record LinkToken(UUID subscriptionId, LinkPurpose purpose, Instant expiresAt, Optional<String> subject) {

    public LinkToken {
        Objects.requireNonNull(subscriptionId, "subscriptionId");
        Objects.requireNonNull(purpose, "purpose");
        Objects.requireNonNull(expiresAt, "expiresAt");
        Objects.requireNonNull(subject, "subject");
        subject.ifPresent(value -> {
            if (value.isEmpty() || value.contains(".")) {
                throw new IllegalArgumentException("a link subject must be non-empty and contain no '.'");
            }
        });
    }
}
