package dev.stride.contracts.event;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

/** Which payload record stands behind each event type name and schema version. Immutable once built. */
public final class EventCatalog {

    public record Kind(String type, int schemaVersion, Class<? extends DomainEvent> payload) {
    }

    private final Map<String, Kind> byType;
    private final Map<Class<?>, Kind> byPayload;

    private EventCatalog(Map<String, Kind> byType) {
        this.byType = Map.copyOf(byType);
        Map<Class<?>, Kind> payloads = new LinkedHashMap<>();
        byType.values().forEach(kind -> payloads.put(kind.payload(), kind));
        this.byPayload = Map.copyOf(payloads);
    }

    public static Builder builder() {
        return new Builder();
    }

    public Optional<Kind> kindOf(String type) {
        return Optional.ofNullable(byType.get(type));
    }

    public Kind kindOf(Class<?> payload) {
        Kind kind = byPayload.get(payload);
        if (kind == null) {
            throw new IllegalArgumentException(payload.getName() + " is not a registered event payload");
        }
        return kind;
    }

    public static final class Builder {
        private final Map<String, Kind> byType = new LinkedHashMap<>();

        public Builder register(String type, int schemaVersion, Class<? extends DomainEvent> payload) {
            if (byType.putIfAbsent(type, new Kind(type, schemaVersion, payload)) != null) {
                throw new IllegalArgumentException("event type " + type + " is registered twice");
            }
            return this;
        }

        public EventCatalog build() {
            return new EventCatalog(byType);
        }
    }
}
