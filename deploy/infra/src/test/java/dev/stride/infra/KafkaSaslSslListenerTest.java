package dev.stride.infra;

import dev.stride.contracts.Topics;
import dev.stride.contracts.kafka.KafkaAccess;
import dev.stride.infra.testing.TestInfrastructure;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.errors.GroupAuthorizationException;
import org.apache.kafka.common.errors.SaslAuthenticationException;
import org.apache.kafka.common.errors.TimeoutException;
import org.apache.kafka.common.errors.TopicAuthorizationException;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ExecutionException;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The broker's SASL_SSL listener: each service's user does what {@link KafkaAccess} allows it, and nothing else gets in. */
class KafkaSaslSslListenerTest {

    private final KafkaSaslSsl listener = TestInfrastructure.kafkaSaslSsl().orElseThrow();

    @Test
    void aServiceUserProducesToItsTopicAndTheConsumingServiceReadsItInItsGroup() throws Exception {
        String key = "sasl-" + UUID.randomUUID();
        try (KafkaProducer<String, String> producer = producer(listener.clientConfig(KafkaAccess.REMINDER.user()))) {
            producer.send(new ProducerRecord<>(Topics.NUDGE_EVENTS, key, "nudge")).get();
        }
        Map<String, Object> config = new HashMap<>(listener.clientConfig(KafkaAccess.NOTIFIER.user()));
        config.put(ConsumerConfig.GROUP_ID_CONFIG, "notifier-service");
        try (KafkaConsumer<String, String> consumer = consumer(config)) {
            consumer.subscribe(List.of(Topics.NUDGE_EVENTS));
            List<ConsumerRecord<String, String>> seen = new ArrayList<>();
            long deadline = System.nanoTime() + Duration.ofSeconds(20).toNanos();
            while (seen.stream().noneMatch(r -> key.equals(r.key())) && System.nanoTime() < deadline) {
                consumer.poll(Duration.ofMillis(200)).forEach(seen::add);
            }
            assertThat(seen).anySatisfy(record -> assertThat(record.key()).isEqualTo(key));
            consumer.commitSync();
        }
    }

    @Test
    void aClientWithoutCredentialsOrWithAWrongPasswordIsRefused() {
        Map<String, Object> stranger = new HashMap<>(listener.trustOnly());
        try (KafkaProducer<String, String> producer = producer(stranger)) {
            assertThatThrownBy(() -> producer.send(new ProducerRecord<>(Topics.NUDGE_EVENTS, "k", "relay me")).get())
                    .isInstanceOf(ExecutionException.class) // the listener wants a SASL handshake; TLS alone never gets metadata
                    .hasCauseInstanceOf(TimeoutException.class);
        }
        Map<String, Object> guessing = new HashMap<>(listener.clientConfig(KafkaAccess.REMINDER.user(), "not-the-password"));
        try (KafkaProducer<String, String> producer = producer(guessing)) {
            assertThatThrownBy(() -> producer.send(new ProducerRecord<>(Topics.NUDGE_EVENTS, "k", "relay me")).get())
                    .isInstanceOf(ExecutionException.class).hasCauseInstanceOf(SaslAuthenticationException.class);
        }
    }

    @Test
    void aUserIsDeniedTopicsAndGroupsOutsideItsAcls() {
        // The notifier reads nudges but may not write them: it cannot become a mail relay.
        try (KafkaProducer<String, String> producer = producer(new HashMap<>(listener.clientConfig(KafkaAccess.NOTIFIER.user())))) {
            assertThatThrownBy(() -> producer.send(new ProducerRecord<>(Topics.NUDGE_EVENTS, "k", "relay me")).get())
                    .isInstanceOf(ExecutionException.class).hasCauseInstanceOf(TopicAuthorizationException.class);
        }
        Map<String, Object> reader = new HashMap<>(listener.clientConfig(KafkaAccess.REMINDER.user()));
        reader.put(ConsumerConfig.GROUP_ID_CONFIG, "reminder-service");
        try (KafkaConsumer<String, String> consumer = consumer(reader)) {
            consumer.subscribe(List.of(Topics.DELIVERY_EVENTS));
            assertThatThrownBy(() -> consumer.poll(Duration.ofSeconds(10))).isInstanceOf(TopicAuthorizationException.class);
        }
        Map<String, Object> otherGroup = new HashMap<>(listener.clientConfig(KafkaAccess.REMINDER.user()));
        otherGroup.put(ConsumerConfig.GROUP_ID_CONFIG, "notifier-service");
        try (KafkaConsumer<String, String> consumer = consumer(otherGroup)) {
            consumer.subscribe(List.of(Topics.SUBSCRIPTION_EVENTS));
            assertThatThrownBy(() -> consumer.poll(Duration.ofSeconds(10))).isInstanceOf(GroupAuthorizationException.class);
        }
    }

    private static KafkaProducer<String, String> producer(Map<String, ?> security) {
        Map<String, Object> config = new HashMap<>(security);
        config.put(ProducerConfig.MAX_BLOCK_MS_CONFIG, 4000);
        config.put(ProducerConfig.DELIVERY_TIMEOUT_MS_CONFIG, 8000);
        config.put(ProducerConfig.REQUEST_TIMEOUT_MS_CONFIG, 5000);
        return new KafkaProducer<>(config, new StringSerializer(), new StringSerializer());
    }

    private static KafkaConsumer<String, String> consumer(Map<String, Object> config) {
        config.put(ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest");
        config.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, "false");
        return new KafkaConsumer<>(config, new StringDeserializer(), new StringDeserializer());
    }
}
