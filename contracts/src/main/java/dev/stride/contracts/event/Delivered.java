package dev.stride.contracts.event;

import java.time.Instant;
import java.util.UUID;

/**
 * The SMTP server accepted an email (its 250 reply). {@code emailId} is the nudge id for a nudge, the
 * triggering event's id for a confirmation or goodbye. Key: subscription id.
 */
public record Delivered(UUID emailId, EmailKind kind, UUID subscriptionId, String messageId, int attempts, Instant at)
        implements DomainEvent {
}
