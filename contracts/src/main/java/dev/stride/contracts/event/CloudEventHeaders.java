package dev.stride.contracts.event;

import java.time.Instant;
import java.time.format.DateTimeFormatter;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.UUID;

/**
 * CloudEvents 1.0 Kafka binary-mode headers for an envelope (the convention SmallRye's Kafka connector
 * reads): the body stays the JSON envelope, the headers let tools route and trace without parsing it.
 */
public final class CloudEventHeaders {

    public static final String SPEC_VERSION = "ce_specversion";
    public static final String ID = "ce_id";
    public static final String TYPE = "ce_type";
    public static final String SOURCE = "ce_source";
    public static final String TIME = "ce_time";
    public static final String SUBJECT = "ce_subject";
    public static final String SCHEMA_VERSION = "ce_schemaversion";
    public static final String CONTENT_TYPE = "content-type";

    private CloudEventHeaders() {
    }

    /** Header name to value, in a stable order. {@code source} names the producing service, e.g. {@code /stride/roadmap-service}. */
    public static Map<String, String> of(EventEnvelope<?> envelope, String source) {
        return of(envelope.eventId(), envelope.type(), envelope.schemaVersion(), envelope.occurredAt(), envelope.aggregateId(), source);
    }

    /** The same from an envelope's stored fields (an outbox row), without decoding its payload. */
    public static Map<String, String> of(UUID eventId, String type, int schemaVersion, Instant occurredAt, String aggregateId, String source) {
        Map<String, String> headers = new LinkedHashMap<>();
        headers.put(SPEC_VERSION, "1.0");
        headers.put(ID, eventId.toString());
        headers.put(TYPE, "dev.stride." + type);
        headers.put(SOURCE, source);
        headers.put(TIME, DateTimeFormatter.ISO_INSTANT.format(occurredAt));
        headers.put(SUBJECT, aggregateId);
        headers.put(SCHEMA_VERSION, Integer.toString(schemaVersion));
        headers.put(CONTENT_TYPE, "application/json");
        return headers;
    }
}
