package dev.stride.contracts.event;

import java.time.Instant;
import java.util.UUID;

/** An email could not be delivered for good: a permanent refusal, or transient failures past the retry limit. */
public record DeliveryFailed(UUID emailId, EmailKind kind, UUID subscriptionId, String reason, boolean permanent, int attempts, Instant at)
        implements DomainEvent {
}
