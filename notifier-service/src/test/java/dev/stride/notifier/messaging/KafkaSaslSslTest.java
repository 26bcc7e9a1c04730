package dev.stride.notifier.messaging;

import dev.stride.contracts.Topics;
import dev.stride.contracts.event.EventEnvelope;
import dev.stride.contracts.event.StrideEvents;
import dev.stride.contracts.event.SubscriptionRequested;
import dev.stride.contracts.kafka.KafkaAccess;
import dev.stride.infra.testing.KafkaSaslSslResource;
import dev.stride.infra.testing.KafkaTestConsumer;
import dev.stride.infra.testing.StrideInfraResource;
import dev.stride.infra.testing.TestInfrastructure;
import dev.stride.notifier.ReceivedEmail;
import dev.stride.notifier.TestEvents;
import io.quarkus.test.common.TestResourceScope;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * notifier-service against the broker's SASL_SSL listener as its own Kafka user ({@link KafkaAccess#NOTIFIER}), as in
 * production: its subscription-events consumer reads in its group and its delivery-events publisher writes. The test writes
 * and reads as the broker's super user on the PLAINTEXT listener.
 */
@QuarkusTest
@TestProfile(KafkaSaslSslTest.AsNotifierUser.class)
@WithTestResource(value = StrideInfraResource.class, scope = TestResourceScope.GLOBAL)
class KafkaSaslSslTest {

    public static class AsNotifierUser implements QuarkusTestProfile {
        @Override
        public List<TestResourceEntry> testResources() {
            return List.of(new TestResourceEntry(KafkaSaslSslResource.class, Map.of(KafkaSaslSslResource.USER, KafkaAccess.NOTIFIER.user())));
        }
    }

    @ConfigProperty(name = "kafka.bootstrap.servers")
    String bootstrapServers;

    @Test
    void aConfirmationIsSentAndItsOutcomePublishedAsTheNotifierUser() {
        assertThat(bootstrapServers).isEqualTo(TestInfrastructure.kafkaSaslSsl().orElseThrow().bootstrapServers());
        UUID subscription = UUID.randomUUID();
        String address = TestEvents.uniqueEmail("sasl");
        EventEnvelope<SubscriptionRequested> requested = TestEvents.envelope(subscription,
                TestEvents.subscriptionRequested(subscription, address, "en", "Europe/Berlin"));
        TestEvents.publishSubscriptionEvent(requested);

        assertThat(ReceivedEmail.awaitMessagesTo(address, 1)).hasSize(1);
        try (KafkaTestConsumer outcomes = new KafkaTestConsumer(Topics.DELIVERY_EVENTS, StrideEvents.CODEC)) {
            assertThat(outcomes.await(KafkaTestConsumer.key(subscription.toString()), 1, Duration.ofSeconds(30)))
                    .as("the Delivered event, published over SASL_SSL").isNotEmpty();
        }
    }
}
