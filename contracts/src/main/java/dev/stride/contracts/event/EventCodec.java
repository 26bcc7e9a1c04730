package dev.stride.contracts.event;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;

import java.io.IOException;
import java.time.Instant;
import java.util.UUID;

/**
 * JSON for event envelopes. The payload is typed through the {@link EventCatalog}; anything that is not
 * a readable envelope of a known type fails with {@link UnreadableEventException}, never a half-read event.
 */
public final class EventCodec {

    private final ObjectMapper json;
    private final EventCatalog catalog;

    public EventCodec(EventCatalog catalog) {
        this.catalog = catalog;
        this.json = objectMapper();
    }

    /** The JSON settings every Stride event uses: ISO-8601 times, unknown fields ignored (newer producers). */
    public static ObjectMapper objectMapper() {
        return new ObjectMapper()
                .registerModule(new JavaTimeModule())
                .disable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS)
                .disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
                .disable(DeserializationFeature.ADJUST_DATES_TO_CONTEXT_TIME_ZONE);
    }

    public byte[] encode(EventEnvelope<?> envelope) {
        try {
            return json.writeValueAsBytes(envelope);
        } catch (JsonProcessingException e) {
            throw new IllegalArgumentException("event " + envelope.eventId() + " cannot be written as JSON", e);
        }
    }

    public EventEnvelope<? extends DomainEvent> decode(byte[] bytes) {
        if (bytes == null || bytes.length == 0) {
            throw new UnreadableEventException("empty record");
        }
        JsonNode node;
        try {
            node = json.readTree(bytes);
        } catch (IOException e) {
            throw new UnreadableEventException("not JSON: " + e.getMessage(), e);
        }
        if (node == null || !node.isObject()) {
            throw new UnreadableEventException("not a JSON object");
        }
        String type = text(node, "type");
        EventCatalog.Kind kind = catalog.kindOf(type)
                .orElseThrow(() -> new UnreadableEventException("unknown event type '" + type + "'"));
        int version = node.path("schemaVersion").asInt(0);
        if (version < 1 || version > kind.schemaVersion()) {
            throw new UnreadableEventException("unsupported schema version " + version + " of " + type
                    + " (this consumer reads up to " + kind.schemaVersion() + ")");
        }
        try {
            DomainEvent data = json.treeToValue(required(node, "data"), kind.payload());
            return new EventEnvelope<>(
                    UUID.fromString(text(node, "eventId")),
                    type,
                    version,
                    Instant.parse(text(node, "occurredAt")),
                    text(node, "aggregateId"),
                    data);
        } catch (IOException | RuntimeException e) {
            throw new UnreadableEventException("unreadable " + type + ": " + e.getMessage(), e);
        }
    }

    private static JsonNode required(JsonNode node, String field) {
        JsonNode value = node.get(field);
        if (value == null || value.isNull()) {
            throw new UnreadableEventException("missing field '" + field + "'");
        }
        return value;
    }

    private static String text(JsonNode node, String field) {
        JsonNode value = required(node, field);
        if (!value.isTextual()) {
            throw new UnreadableEventException("field '" + field + "' is not a string");
        }
        return value.asText();
    }
}
