package dev.stride.notifier.messaging;

import dev.stride.contracts.Topics;
import dev.stride.infra.testing.StrideInfraResource;
import dev.stride.infra.testing.TestInfrastructure;
import dev.stride.notifier.ReceivedEmail;
import dev.stride.notifier.TestEvents;
import io.quarkus.test.common.TestResourceScope;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/** A record that is no readable event goes to the topic's dead-letter topic; the records after it are still delivered. */
@QuarkusTest
@WithTestResource(value = StrideInfraResource.class, scope = TestResourceScope.GLOBAL)
class DeadLetterTest {

    @Test
    void anUnreadableNudgeRecordLandsOnTheDeadLetterTopicAndTheNextNudgeIsStillSent() {
        TestEvents.Nudge nudge = TestEvents.nudge(TestEvents.uniqueEmail("after-poison"));
        String key = nudge.subscriptionId().toString();
        byte[] garbage = "{\"this is\": not an event".getBytes(StandardCharsets.UTF_8);
        byte[] unknownType = "{\"eventId\":\"%s\",\"type\":\"Gibberish\",\"schemaVersion\":1,\"occurredAt\":\"2027-03-08T12:00:00Z\",\"aggregateId\":\"%s\",\"data\":{}}"
                .formatted(UUID.randomUUID(), key).getBytes(StandardCharsets.UTF_8);

        TestEvents.publishRaw(Topics.NUDGE_EVENTS, key, garbage);
        TestEvents.publishRaw(Topics.NUDGE_EVENTS, key, unknownType);
        TestEvents.publishNudge(nudge.envelope());

        assertThat(ReceivedEmail.awaitMessagesTo(nudge.email(), 1)).hasSize(1);
        List<byte[]> deadLetters = awaitDeadLetters(Topics.deadLetter(Topics.NUDGE_EVENTS), key, 2);
        // ordered = false: records of one partition are handled concurrently, so they may be dead-lettered in any order.
        assertThat(deadLetters).containsExactlyInAnyOrder(garbage, unknownType);
    }

    @Test
    void anUnreadableSubscriptionRecordLandsOnItsDeadLetterTopic() {
        String key = UUID.randomUUID().toString();
        byte[] garbage = "not json at all".getBytes(StandardCharsets.UTF_8);

        TestEvents.publishRaw(Topics.SUBSCRIPTION_EVENTS, key, garbage);

        assertThat(awaitDeadLetters(Topics.deadLetter(Topics.SUBSCRIPTION_EVENTS), key, 1)).containsExactly(garbage);
    }

    static List<byte[]> awaitDeadLetters(String topic, String key, int count) {
        List<byte[]> found = new ArrayList<>();
        try (KafkaConsumer<String, byte[]> consumer = new KafkaConsumer<>(Map.of(
                ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, TestInfrastructure.get().kafkaBootstrapServers(),
                ConsumerConfig.GROUP_ID_CONFIG, "dlq-test-" + UUID.randomUUID(),
                ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest"), new StringDeserializer(), new ByteArrayDeserializer())) {
            consumer.subscribe(List.of(topic));
            await().atMost(Duration.ofSeconds(30)).until(() -> {
                for (ConsumerRecord<String, byte[]> record : consumer.poll(Duration.ofMillis(200))) {
                    if (key.equals(record.key())) {
                        found.add(record.value());
                    }
                }
                return found.size() >= count;
            });
        }
        return found;
    }
}
