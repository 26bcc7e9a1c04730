package dev.stride.roadmap.kafka;

import dev.stride.contracts.Topics;
import dev.stride.contracts.event.DeliveryFailed;
import dev.stride.contracts.event.EmailKind;
import dev.stride.contracts.event.EventEnvelope;
import dev.stride.contracts.event.StrideEvents;
import dev.stride.contracts.event.WeekSkipped;
import dev.stride.contracts.kafka.KafkaAccess;
import dev.stride.infra.testing.KafkaSaslSslResource;
import dev.stride.infra.testing.KafkaTestConsumer;
import dev.stride.infra.testing.StrideInfraResource;
import dev.stride.infra.testing.TestInfrastructure;
import dev.stride.roadmap.KafkaSupport;
import dev.stride.roadmap.outbox.Outbox;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.common.TestResourceScope;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;
import jakarta.inject.Inject;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.junit.jupiter.api.Test;

import java.time.Clock;
import java.time.Duration;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;

/**
 * The service against the broker's SASL_SSL listener as its own Kafka user ({@link KafkaAccess#ROADMAP}), as in production:
 * the outbox relay, the delivery-events consumer and the dead-letter commands all authenticate and stay within its ACLs.
 * The test itself writes and reads as the broker's super user on the PLAINTEXT listener.
 */
@QuarkusTest
@TestProfile(KafkaSaslSslTest.AsRoadmapUser.class)
@WithTestResource(value = StrideInfraResource.class, scope = TestResourceScope.GLOBAL)
class KafkaSaslSslTest {

    /** The SASL_SSL listener's settings for the roadmap-service user, over the PLAINTEXT ones every other test uses. */
    public static class AsRoadmapUser implements QuarkusTestProfile {
        @Override
        public List<TestResourceEntry> testResources() {
            return List.of(new TestResourceEntry(KafkaSaslSslResource.class, Map.of(KafkaSaslSslResource.USER, KafkaAccess.ROADMAP.user())));
        }
    }

    @Inject
    Outbox outbox;

    @Inject
    Clock clock;

    @ConfigProperty(name = "kafka.bootstrap.servers")
    String bootstrapServers;

    @Test
    void theServiceTalksToTheSaslSslListener() {
        assertThat(bootstrapServers).isEqualTo(TestInfrastructure.kafkaSaslSsl().orElseThrow().bootstrapServers());
    }

    @Test
    void theOutboxRelayPublishesAsTheRoadmapUser() {
        String aggregate = "sasl-" + UUID.randomUUID();
        UUID eventId = QuarkusTransaction.requiringNew().call(() -> outbox.add(Topics.SUBSCRIPTION_EVENTS, aggregate,
                new WeekSkipped(UUID.randomUUID(), LocalDate.of(2027, 1, 4))).eventId());
        try (KafkaTestConsumer consumer = new KafkaTestConsumer(Topics.SUBSCRIPTION_EVENTS, StrideEvents.CODEC)) {
            assertThat(consumer.await(KafkaTestConsumer.key(aggregate), 1, Duration.ofSeconds(30)))
                    .singleElement().satisfies(record -> assertThat(record.envelope().eventId()).isEqualTo(eventId));
        }
    }

    @Test
    void theDeliveryEventsConsumerReadsInItsGroup() {
        EventEnvelope<DeliveryFailed> event = deliveryFailed("sasl-consumer-" + UUID.randomUUID());
        KafkaSupport.awaitConsumed("roadmap-service", KafkaSupport.publish(Topics.DELIVERY_EVENTS, event));
    }

    @Test
    void theDeadLetterCommandsListAndReplayAsTheRoadmapUser() {
        String key = "sasl-replay-" + UUID.randomUUID();
        String dlq = KafkaSupport.deliveryDeadLetters();
        KafkaSupport.deadLetter(dlq, 0, deliveryFailed(key), Topics.DELIVERY_EVENTS, "database unavailable");

        admin().when().get("/admin/dlq").then().statusCode(200).body("topic", hasItem(dlq));
        admin().when().get("/admin/dlq/" + dlq + "?limit=500").then().statusCode(200).body("key", hasItem(key));
        admin().when().post("/admin/dlq/" + dlq + "/replay").then().statusCode(200).body("topic", equalTo(dlq));
        try (KafkaTestConsumer original = new KafkaTestConsumer(Topics.DELIVERY_EVENTS, StrideEvents.CODEC)) {
            assertThat(original.await(KafkaTestConsumer.key(key), 1, Duration.ofSeconds(30))).singleElement()
                    .satisfies(record -> assertThat(record.headers()).containsKey("stride-replayed-from"));
        }
    }

    private EventEnvelope<DeliveryFailed> deliveryFailed(String key) {
        return EventEnvelope.wrap(StrideEvents.CATALOG, key, new DeliveryFailed(UUID.randomUUID(), EmailKind.NUDGE, UUID.randomUUID(),
                "550 5.1.1 user unknown", true, 1, clock.instant()), clock);
    }

    private static io.restassured.specification.RequestSpecification admin() {
        return given().auth().preemptive().basic("admin", "test-admin-password");
    }
}
