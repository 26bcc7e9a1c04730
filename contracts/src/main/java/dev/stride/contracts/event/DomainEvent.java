package dev.stride.contracts.event;

/** The payload of an {@link EventEnvelope}: one record per event type, registered in an {@link EventCatalog}. */
public interface DomainEvent {
}
