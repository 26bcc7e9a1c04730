package dev.stride.contracts.event;

import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class EventCodecTest {

    record Greeted(String name, LocalDate on) implements DomainEvent {
    }

    private static final EventCatalog CATALOG = EventCatalog.builder().register("Greeted", 2, Greeted.class).build();
    private static final Clock CLOCK = Clock.fixed(Instant.parse("2026-03-29T01:30:00Z"), ZoneOffset.UTC);

    private final EventCodec codec = new EventCodec(CATALOG);

    @Test
    void roundTripsAnEnvelopeWithItsTypedPayload() {
        EventEnvelope<Greeted> sent = EventEnvelope.wrap(CATALOG, "sub-1", new Greeted("Ada", LocalDate.of(2026, 3, 29)), CLOCK);

        EventEnvelope<?> read = codec.decode(codec.encode(sent));

        assertThat(read).isEqualTo(sent);
        assertThat(read.type()).isEqualTo("Greeted");
        assertThat(read.schemaVersion()).isEqualTo(2);
        assertThat(read.occurredAt()).isEqualTo(Instant.parse("2026-03-29T01:30:00Z"));
    }

    @Test
    void writesTimesAsIsoStrings() {
        String json = new String(codec.encode(EventEnvelope.wrap(CATALOG, "sub-1", new Greeted("Ada", LocalDate.of(2026, 3, 29)), CLOCK)),
                StandardCharsets.UTF_8);

        assertThat(json).contains("\"occurredAt\":\"2026-03-29T01:30:00Z\"").contains("\"on\":\"2026-03-29\"");
    }

    @Test
    void acceptsAnOlderSchemaVersionAndIgnoresUnknownFields() {
        String json = """
                {"eventId":"6f1c3c2e-4a57-4d43-9a55-6d3d8b2b1f10","type":"Greeted","schemaVersion":1,
                 "occurredAt":"2026-01-01T00:00:00Z","aggregateId":"sub-9","data":{"name":"Bo","extra":true},"future":1}
                """;

        EventEnvelope<?> read = codec.decode(json.getBytes(StandardCharsets.UTF_8));

        assertThat(read.data()).isEqualTo(new Greeted("Bo", null));
        assertThat(read.aggregateId()).isEqualTo("sub-9");
    }

    @Test
    void rejectsWhatItCannotRead() {
        String valid = """
                {"eventId":"6f1c3c2e-4a57-4d43-9a55-6d3d8b2b1f10","type":"Greeted","schemaVersion":2,
                 "occurredAt":"2026-01-01T00:00:00Z","aggregateId":"sub-9","data":{"name":"Bo"}}""";
        assertThat(codec.decode(valid.getBytes(StandardCharsets.UTF_8)).data()).isEqualTo(new Greeted("Bo", null));

        assertUnreadable("", "empty record");
        assertUnreadable("not json", "not JSON");
        assertUnreadable("[1,2]", "not a JSON object");
        assertUnreadable(valid.replace("\"Greeted\"", "\"Waved\""), "unknown event type 'Waved'");
        assertUnreadable(valid.replace("\"schemaVersion\":2", "\"schemaVersion\":3"), "unsupported schema version 3");
        assertUnreadable(valid.replace("\"aggregateId\":\"sub-9\",", ""), "missing field 'aggregateId'");
        assertUnreadable(valid.replace(",\"data\":{\"name\":\"Bo\"}", ""), "missing field 'data'");
        assertUnreadable(valid.replace("6f1c3c2e-4a57-4d43-9a55-6d3d8b2b1f10", "nope"), "unreadable Greeted");
        assertUnreadable(valid.replace("2026-01-01T00:00:00Z", "yesterday"), "unreadable Greeted");
        assertUnreadable(valid.replace("{\"name\":\"Bo\"}", "{\"on\":\"31.12.2026\"}"), "unreadable Greeted");
    }

    @Test
    void cloudEventHeadersMirrorTheEnvelope() {
        EventEnvelope<Greeted> envelope = EventEnvelope.wrap(CATALOG, "sub-1", new Greeted("Ada", null), CLOCK);

        assertThat(CloudEventHeaders.of(envelope, "/stride/test"))
                .containsEntry("ce_specversion", "1.0")
                .containsEntry("ce_id", envelope.eventId().toString())
                .containsEntry("ce_type", "dev.stride.Greeted")
                .containsEntry("ce_source", "/stride/test")
                .containsEntry("ce_time", "2026-03-29T01:30:00Z")
                .containsEntry("ce_subject", "sub-1")
                .containsEntry("ce_schemaversion", "2")
                .containsEntry("content-type", "application/json");
    }

    @Test
    void anEnvelopeNeedsItsIdentity() {
        assertThatThrownBy(() -> new EventEnvelope<>(java.util.UUID.randomUUID(), "Greeted", 0, Instant.EPOCH, "a", new Greeted("x", null)))
                .hasMessageContaining("schemaVersion");
        assertThatThrownBy(() -> new EventEnvelope<>(java.util.UUID.randomUUID(), "Greeted", 1, Instant.EPOCH, " ", new Greeted("x", null)))
                .hasMessageContaining("aggregateId");
        assertThatThrownBy(() -> EventEnvelope.wrap(CATALOG, "a", new DomainEvent() { }, CLOCK))
                .hasMessageContaining("not a registered event payload");
    }

    private void assertUnreadable(String json, String reason) {
        assertThatThrownBy(() -> codec.decode(json.getBytes(StandardCharsets.UTF_8)))
                .isInstanceOf(UnreadableEventException.class)
                .hasMessageContaining(reason);
    }
}
