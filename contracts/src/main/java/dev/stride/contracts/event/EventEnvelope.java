package dev.stride.contracts.event;

import java.time.Clock;
import java.time.Instant;
import java.util.Objects;
import java.util.Optional;
import java.util.UUID;

/**
 * What travels on every Stride topic: the event's identity and kind around its payload. Consumers
 * drop an {@code eventId} they have already applied; {@code aggregateId} is also the Kafka key, so
 * one roadmap's or one subscription's events stay in order.
 */
public record EventEnvelope<T extends DomainEvent>(
        UUID eventId,
        String type,
        int schemaVersion,
        Instant occurredAt,
        String aggregateId,
        T data) {

    public EventEnvelope {
        Objects.requireNonNull(eventId, "eventId");
        Objects.requireNonNull(occurredAt, "occurredAt");
        if (type == null || type.isBlank()) {
            throw new IllegalArgumentException("type must not be blank");
        }
        if (schemaVersion < 1) {
            throw new IllegalArgumentException("schemaVersion must be 1 or more, was " + schemaVersion);
        }
        if (aggregateId == null || aggregateId.isBlank()) {
            throw new IllegalArgumentException("aggregateId must not be blank");
        }
        Objects.requireNonNull(data, "data");
    }

    /** A new envelope for {@code data}, its type and version taken from the catalog, its time from the clock. */
    public static <T extends DomainEvent> EventEnvelope<T> wrap(EventCatalog catalog, String aggregateId, T data, Clock clock) {
        EventCatalog.Kind kind = catalog.kindOf(data.getClass());
        return new EventEnvelope<>(UUID.randomUUID(), kind.type(), kind.schemaVersion(), clock.instant(), aggregateId, data);
    }

    /** This envelope as one of {@code type}'s events, or empty if its data is something else: the one checked narrowing. */
    @SuppressWarnings("unchecked")
    public <E extends DomainEvent> Optional<EventEnvelope<E>> as(Class<E> type) {
        return type.isInstance(data) ? Optional.of((EventEnvelope<E>) this) : Optional.empty();
    }
}
