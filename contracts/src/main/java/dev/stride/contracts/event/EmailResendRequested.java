package dev.stride.contracts.event;

import java.time.Instant;
import java.util.UUID;

/**
 * An operator asked (the console) to send an already-sent email again: the notifier sends its stored content once
 * more, as a new email keyed by this event's id, unless the address is suppressed. {@code emailId} is the original
 * email's id (the nudge id for a nudge). Key: subscription id.
 */
public record EmailResendRequested(UUID emailId, UUID subscriptionId, String operator, Instant at) implements DomainEvent {
}
