package dev.stride.contracts.link;

import java.time.Instant;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
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

    /**
     * The week a week-specific link (skip week) names: its subject, the Monday as an ISO date. Empty for links signed
     * before links named their week; then the week of the click counts.
     */
    public Optional<LocalDate> week() {
        try {
            return subject.map(LocalDate::parse);
        } catch (DateTimeParseException e) {
            throw new LinkVerificationException(LinkVerificationException.Reason.INVALID, "This link names no week.");
        }
    }
}
