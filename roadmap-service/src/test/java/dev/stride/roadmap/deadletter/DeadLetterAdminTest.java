package dev.stride.roadmap.deadletter;

import dev.stride.contracts.Topics;
import dev.stride.contracts.event.DeliveryFailed;
import dev.stride.contracts.event.EmailKind;
import dev.stride.contracts.event.EventEnvelope;
import dev.stride.contracts.event.StrideEvents;
import dev.stride.infra.testing.KafkaTestConsumer;
import dev.stride.infra.testing.StrideInfraResource;
import dev.stride.roadmap.KafkaSupport;
import io.agroal.api.AgroalDataSource;
import io.micrometer.core.instrument.MeterRegistry;
import io.quarkus.test.common.TestResourceScope;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.specification.RequestSpecification;
import jakarta.inject.Inject;
import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.notNullValue;
import static org.hamcrest.Matchers.nullValue;

/** The operator commands on dead-letter topics, against the real broker: look, count, replay once, in order. */
@QuarkusTest
@WithTestResource(value = StrideInfraResource.class, scope = TestResourceScope.GLOBAL)
class DeadLetterAdminTest {

    @Inject
    Clock clock;

    @Inject
    AgroalDataSource database;

    @Inject
    DeadLetterMetrics deadLetterMetrics;

    @Inject
    MeterRegistry registry;

    @Test
    void listsTheDeadLetterTopicsWithTheirCountsToOperatorsOnly() {
        Pair pair = Pair.create(clock);
        for (int i = 0; i < 3; i++) {
            pair.deadLetter(0, "key-a");
        }
        pair.deadLetter(1, "key-b");

        given().when().get("/admin/dlq").then().statusCode(401);
        given().auth().preemptive().basic("admin", "wrong").when().get("/admin/dlq").then().statusCode(401);
        viewer().when().get("/admin/dlq").then().statusCode(200)
                .body("topic", hasItem(KafkaSupport.deliveryDeadLetters()))
                .body("find { it.topic == '" + pair.dlq + "' }.originalTopic", equalTo(pair.topic))
                .body("find { it.topic == '" + pair.dlq + "' }.partitions", equalTo(2))
                .body("find { it.topic == '" + pair.dlq + "' }.records", equalTo(4))
                .body("find { it.topic == '" + pair.dlq + "' }.notReplayed", equalTo(4));
        given().when().get("/admin/dlq/" + pair.dlq).then().statusCode(401);
        viewer().when().get("/admin/dlq/" + pair.dlq).then().statusCode(403);
        viewer().when().post("/admin/dlq/" + pair.dlq + "/replay").then().statusCode(403);
    }

    @Test
    void theDepthOfEveryDeadLetterTopicIsAGaugeForTheAlerts() {
        assertThat(registry.get("stride.dead.letters.records").tag("topic", Topics.deadLetter(Topics.NUDGE_EVENTS)).gauge())
                .as("registered at start for every known topic").isNotNull();
        Pair pair = Pair.create(clock);
        pair.deadLetter(0, "key-a");
        pair.deadLetter(1, "key-b");
        deadLetterMetrics.refresh();
        assertThat(registry.get("stride.dead.letters.records").tag("topic", pair.dlq).gauge().value()).isEqualTo(2);
        assertThat(registry.get("stride.dead.letters.not.replayed").tag("topic", pair.dlq).gauge().value()).isEqualTo(2);
    }

    @Test
    void showsEachRecordWithWhyItFailedAndItsValueCut() {
        Pair pair = Pair.create(clock);
        EventEnvelope<DeliveryFailed> first = pair.deadLetter(0, "key-a");
        pair.deadLetter(0, "key-a");
        KafkaSupport.send(pair.dlq, 1, "key-big", "x".repeat(5000).getBytes(StandardCharsets.UTF_8), Map.of("dead-letter-reason", "too big"));

        admin().when().get("/admin/dlq/" + pair.dlq).then().statusCode(200)
                .body("", hasSize(3))
                .body("[0].partition", equalTo(0))
                .body("[0].offset", equalTo(0))
                .body("[0].key", equalTo("key-a"))
                .body("[0].reason", equalTo("database unavailable"))
                .body("[0].cause", equalTo("connection refused"))
                .body("[0].originalTopic", equalTo(pair.topic))
                .body("[0].originalPartition", equalTo(2))
                .body("[0].originalOffset", equalTo(41))
                .body("[0].eventType", equalTo("dev.stride.DeliveryFailed"))
                .body("[0].eventId", equalTo(first.eventId().toString()))
                .body("[0].replayed", equalTo(false))
                .body("[0].valueTruncated", equalTo(false))
                .body("[0].value", equalTo(new String(StrideEvents.CODEC.encode(first), StandardCharsets.UTF_8)))
                .body("[0].timestamp", notNullValue())
                .body("[2].partition", equalTo(1))
                .body("[2].key", equalTo("key-big"))
                .body("[2].reason", equalTo("too big"))
                .body("[2].originalTopic", nullValue())
                .body("[2].valueBytes", equalTo(5000))
                .body("[2].valueTruncated", equalTo(true))
                .body("[2].value.length()", equalTo(DeadLetterTopics.VALUE_PREVIEW_BYTES));
        admin().when().get("/admin/dlq/" + pair.dlq + "?limit=2").then().statusCode(200).body("", hasSize(2)).body("partition", equalTo(List.of(0, 0)));
    }

    @Test
    void badTopicNamesAndLimitsAreProblemsNamingTheField() {
        String unknown = "nothing-" + UUID.randomUUID().toString().substring(0, 8) + ".dlq";
        for (String path : List.of("/admin/dlq/" + Topics.DELIVERY_EVENTS, "/admin/dlq/.dlq")) {
            admin().when().get(path).then().statusCode(400).contentType("application/problem+json")
                    .body("errors[0].field", equalTo("topic"));
        }
        admin().when().post("/admin/dlq/" + Topics.DELIVERY_EVENTS + "/replay").then().statusCode(400).body("errors[0].field", equalTo("topic"));
        admin().when().get("/admin/dlq/" + unknown).then().statusCode(404).contentType("application/problem+json")
                .body("errors[0].field", equalTo("topic"));
        admin().when().post("/admin/dlq/" + unknown + "/replay").then().statusCode(404).body("errors[0].field", equalTo("topic"));
        for (String limit : List.of("0", "501", "many")) {
            admin().when().get("/admin/dlq/" + KafkaSupport.deliveryDeadLetters() + "?limit=" + limit).then().statusCode(400)
                    .contentType("application/problem+json").body("errors[0].field", equalTo("limit"));
        }
    }

    @Test
    void replayRepublishesInOrderOnceAndRemembersHowFarItGot() {
        Pair pair = Pair.create(clock);
        List<EventEnvelope<DeliveryFailed>> inOrder = new ArrayList<>();
        for (int i = 0; i < 3; i++) {
            inOrder.add(pair.deadLetter(0, "key-a"));
        }
        EventEnvelope<DeliveryFailed> withoutHeader = pair.event("key-b");
        KafkaSupport.deadLetter(pair.dlq, 1, withoutHeader, null, "unreadable");

        admin().when().post("/admin/dlq/" + pair.dlq + "/replay").then().statusCode(200)
                .body("topic", equalTo(pair.dlq))
                .body("replayed", equalTo(4))
                .body("to.'" + pair.topic + "'", equalTo(4));

        try (KafkaTestConsumer original = new KafkaTestConsumer(pair.topic, StrideEvents.CODEC)) {
            List<KafkaTestConsumer.Received> a = original.await(KafkaTestConsumer.key("key-a"), 3, Duration.ofSeconds(30));
            assertThat(a).extracting(r -> r.envelope().eventId()).as("offset order").containsExactlyElementsOf(inOrder.stream().map(EventEnvelope::eventId).toList());
            assertThat(a).extracting(r -> r.headers().get("stride-replayed-from"))
                    .containsExactly(pair.dlq + ":0:0", pair.dlq + ":0:1", pair.dlq + ":0:2");
            assertThat(a.get(0).headers()).containsEntry("ce_id", inOrder.get(0).eventId().toString())
                    .containsEntry("ce_type", "dev.stride.DeliveryFailed").containsEntry("ce_source", KafkaSupport.NOTIFIER)
                    .containsEntry("content-type", "application/json");
            assertThat(a.get(0).headers().keySet()).noneMatch(name -> name.startsWith("dead-letter-"));
            assertThat(a.get(0).value()).isEqualTo(StrideEvents.CODEC.encode(inOrder.get(0)));
            assertThat(original.await(KafkaTestConsumer.key("key-b"), 1, Duration.ofSeconds(30)))
                    .as("no dead-letter-topic header: back to the name without .dlq")
                    .singleElement().satisfies(r -> assertThat(r.envelope().eventId()).isEqualTo(withoutHeader.eventId()));

            admin().when().post("/admin/dlq/" + pair.dlq + "/replay").then().statusCode(200).body("replayed", equalTo(0));
            viewer().when().get("/admin/dlq").then()
                    .body("find { it.topic == '" + pair.dlq + "' }.records", equalTo(4))
                    .body("find { it.topic == '" + pair.dlq + "' }.notReplayed", equalTo(0));
            admin().when().get("/admin/dlq/" + pair.dlq).then().body("replayed", equalTo(List.of(true, true, true, true)));

            EventEnvelope<DeliveryFailed> later = pair.deadLetter(1, "key-c");
            admin().when().post("/admin/dlq/" + pair.dlq + "/replay").then().statusCode(200).body("replayed", equalTo(1));
            assertThat(original.await(KafkaTestConsumer.key("key-c"), 1, Duration.ofSeconds(30))).singleElement()
                    .satisfies(r -> assertThat(r.envelope().eventId()).isEqualTo(later.eventId()));
            assertThat(original.settle(r -> true, Duration.ofSeconds(1))).as("each record once").hasSize(5);
        }
    }

    @Test
    void aRecordFromATopicThatIsGoneStopsTheReplayThereAndWhatCameBeforeStaysReplayed() {
        Pair pair = Pair.create(clock);
        EventEnvelope<DeliveryFailed> before = pair.deadLetter(0, "key-a");
        KafkaSupport.deadLetter(pair.dlq, 0, pair.event("key-a"), "gone-" + UUID.randomUUID(), "database unavailable");
        pair.deadLetter(0, "key-a");

        admin().when().post("/admin/dlq/" + pair.dlq + "/replay").then().statusCode(409).contentType("application/problem+json")
                .body("detail", containsString("Record 0:1 of " + pair.dlq));
        try (KafkaTestConsumer original = new KafkaTestConsumer(pair.topic, StrideEvents.CODEC)) {
            assertThat(original.settle(r -> true, Duration.ofSeconds(2))).singleElement()
                    .satisfies(r -> assertThat(r.envelope().eventId()).isEqualTo(before.eventId()));
        }
        viewer().when().get("/admin/dlq").then().body("find { it.topic == '" + pair.dlq + "' }.notReplayed", equalTo(2));
    }

    @Test
    void oneReplayOfATopicAtATime() throws Exception {
        Pair pair = Pair.create(clock);
        pair.deadLetter(0, "key-a");
        // Another replica's replay of this topic holds the lock; the connection goes back to the pool, so unlock explicitly.
        try (Connection other = database.getConnection();
             PreparedStatement lock = other.prepareStatement("SELECT pg_advisory_lock(hashtext(?))");
             PreparedStatement unlock = other.prepareStatement("SELECT pg_advisory_unlock(hashtext(?))")) {
            lock.setString(1, "dlq-replay:" + pair.dlq);
            lock.executeQuery().close();
            try {
                admin().when().post("/admin/dlq/" + pair.dlq + "/replay").then().statusCode(409).body("type", containsString("replay-running"));
            } finally {
                unlock.setString(1, "dlq-replay:" + pair.dlq);
                unlock.executeQuery().close();
            }
        }
        admin().when().post("/admin/dlq/" + pair.dlq + "/replay").then().statusCode(200).body("replayed", equalTo(1));
    }

    @Test
    void aRecordTheConsumerCannotReadIsDeadLetteredByTheConnectorAndShownWithItsHeaders() {
        String key = "poison-" + UUID.randomUUID();
        KafkaSupport.send(Topics.DELIVERY_EVENTS, null, key, "not json at all".getBytes(StandardCharsets.UTF_8), Map.of());

        await().atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofMillis(500)).untilAsserted(() ->
                admin().when().get("/admin/dlq/" + KafkaSupport.deliveryDeadLetters() + "?limit=500").then().statusCode(200)
                        .body("find { it.key == '" + key + "' }.originalTopic", equalTo(Topics.DELIVERY_EVENTS))
                        .body("find { it.key == '" + key + "' }.reason", containsString("not JSON"))
                        .body("find { it.key == '" + key + "' }.originalPartition", notNullValue())
                        .body("find { it.key == '" + key + "' }.originalOffset", notNullValue())
                        .body("find { it.key == '" + key + "' }.value", equalTo("not json at all")));
    }

    private static RequestSpecification admin() {
        return given().auth().preemptive().basic("admin", "test-admin-password");
    }

    private static RequestSpecification viewer() {
        return given().auth().preemptive().basic("viewer", "test-viewer-password");
    }

    /** A topic of its own and its dead-letter topic, two partitions each, so no other test's records count here. */
    private record Pair(String topic, String dlq, Clock clock) {

        static Pair create(Clock clock) {
            String topic = "dlq-test-" + UUID.randomUUID().toString().substring(0, 8);
            KafkaSupport.createTopics(List.of(topic, Topics.deadLetter(topic)), 2);
            return new Pair(topic, Topics.deadLetter(topic), clock);
        }

        EventEnvelope<DeliveryFailed> event(String key) {
            return EventEnvelope.wrap(StrideEvents.CATALOG, key, new DeliveryFailed(UUID.randomUUID(), EmailKind.NUDGE, UUID.randomUUID(),
                    "550 5.1.1 user unknown", true, 1, clock.instant()), clock);
        }

        EventEnvelope<DeliveryFailed> deadLetter(int partition, String key) {
            EventEnvelope<DeliveryFailed> envelope = event(key);
            KafkaSupport.deadLetter(dlq, partition, envelope, topic, "database unavailable");
            return envelope;
        }
    }
}
