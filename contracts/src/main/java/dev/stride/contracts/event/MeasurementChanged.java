package dev.stride.contracts.event;

import java.time.Instant;
import java.util.UUID;

/**
 * The learner turned the measurement of what follows their nudges on or off (the manage page). Off: no engagement is
 * recorded, no outcome is published, and the reminder sends the default content. Key: subscription id.
 */
public record MeasurementChanged(UUID subscriptionId, boolean measured, Instant at) implements DomainEvent {
}
