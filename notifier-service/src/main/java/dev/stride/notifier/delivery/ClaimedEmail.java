package dev.stride.notifier.delivery;

import dev.stride.contracts.event.EmailKind;

import java.util.UUID;

/** An email this sender holds the lease on, with what it needs to render and send it; {@code attempt} counts this one. */
public record ClaimedEmail(UUID emailId, EmailKind kind, UUID subscriptionId, String recipient, String payload, int attempt) {
}
