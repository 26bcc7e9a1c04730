package dev.stride.notifier.mail;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.stride.contracts.event.EventCodec;
import dev.stride.contracts.event.EventEnvelope;
import dev.stride.contracts.event.NudgeDue;
import dev.stride.contracts.event.StrideEvents;
import dev.stride.contracts.event.UnreadableEventException;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;

/**
 * What the delivery ledger stores for a weekly digest: the JSON array of its parts' NudgeDue envelopes, each exactly as it
 * came ({@link StrideEvents#CODEC}), in the order they arrived. An email of one event is stored as that event's envelope, a
 * JSON object, so the first character tells the two apart.
 */
public final class DigestPayload {

    /** The ledger's {@code event_type} of a digest row. */
    public static final String EVENT_TYPE = "NudgeDigest";

    private static final ObjectMapper JSON = EventCodec.objectMapper();

    private DigestPayload() {
    }

    /** The stored form of these parts (each an envelope's JSON). */
    public static String of(List<String> partPayloads) {
        return "[" + String.join(",", partPayloads) + "]";
    }

    public static boolean isDigest(String payload) {
        return payload != null && payload.stripLeading().startsWith("[");
    }

    /** The parts as events; unreadable (a permanent render failure) if any part is not a NudgeDue envelope. */
    public static List<EventEnvelope<NudgeDue>> read(String payload) {
        JsonNode array;
        try {
            array = JSON.readTree(payload);
        } catch (IOException e) {
            throw new UnreadableEventException("unreadable digest: " + e.getMessage(), e);
        }
        List<EventEnvelope<NudgeDue>> parts = new ArrayList<>();
        for (JsonNode node : array) {
            EventEnvelope<?> envelope = part(node);
            parts.add(envelope.as(NudgeDue.class)
                    .orElseThrow(() -> new UnreadableEventException("a digest part is a " + envelope.type() + ", not a NudgeDue")));
        }
        if (parts.isEmpty()) {
            throw new UnreadableEventException("a digest without parts");
        }
        return parts;
    }

    private static EventEnvelope<?> part(JsonNode node) {
        try {
            return StrideEvents.CODEC.decode(JSON.writeValueAsBytes(node));
        } catch (IOException e) {
            throw new UnreadableEventException("unreadable digest part: " + e.getMessage(), e);
        }
    }
}
