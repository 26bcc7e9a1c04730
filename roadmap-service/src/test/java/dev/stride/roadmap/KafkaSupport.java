package dev.stride.roadmap;

import dev.stride.contracts.Topics;
import dev.stride.contracts.event.CloudEventHeaders;
import dev.stride.contracts.event.DomainEvent;
import dev.stride.contracts.event.EventEnvelope;
import dev.stride.contracts.event.StrideEvents;
import dev.stride.infra.KafkaBroker;
import dev.stride.infra.testing.TestInfrastructure;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.clients.producer.RecordMetadata;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringSerializer;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.TimeUnit;

import static io.smallrye.reactive.messaging.kafka.fault.KafkaDeadLetterQueue.DEAD_LETTER_CAUSE;
import static io.smallrye.reactive.messaging.kafka.fault.KafkaDeadLetterQueue.DEAD_LETTER_EXCEPTION_CLASS_NAME;
import static io.smallrye.reactive.messaging.kafka.fault.KafkaDeadLetterQueue.DEAD_LETTER_OFFSET;
import static io.smallrye.reactive.messaging.kafka.fault.KafkaDeadLetterQueue.DEAD_LETTER_PARTITION;
import static io.smallrye.reactive.messaging.kafka.fault.KafkaDeadLetterQueue.DEAD_LETTER_REASON;
import static io.smallrye.reactive.messaging.kafka.fault.KafkaDeadLetterQueue.DEAD_LETTER_TOPIC;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/** Writing to the test JVM's real broker as other services (and the connector's dead-letter strategy) do, and watching a group's progress. */
public final class KafkaSupport {

    public static final String NOTIFIER = "/stride/notifier-service";

    private KafkaSupport() {
    }

    public static String bootstrapServers() {
        return TestInfrastructure.get().kafkaBootstrapServers();
    }

    public static void createTopics(Collection<String> topics, int partitions) {
        KafkaBroker.createTopics(bootstrapServers(), topics, partitions);
    }

    /** An event as notifier-service publishes it: keyed by aggregate id, the JSON envelope, CloudEvents binary headers. */
    public static RecordMetadata publish(String topic, EventEnvelope<? extends DomainEvent> envelope) {
        return send(topic, null, envelope.aggregateId(), StrideEvents.CODEC.encode(envelope), CloudEventHeaders.of(envelope, NOTIFIER));
    }

    /** The envelope as the connector's dead-letter strategy writes it after a consumer of {@code originalTopic} failed on it. */
    public static RecordMetadata deadLetter(String deadLetterTopic, Integer partition, EventEnvelope<? extends DomainEvent> envelope,
                                            String originalTopic, String reason) {
        Map<String, String> headers = new LinkedHashMap<>();
        if (originalTopic != null) {
            headers.putAll(deadLetterHeaders(originalTopic, reason));
        } else {
            headers.put(DEAD_LETTER_REASON, reason);
        }
        headers.putAll(CloudEventHeaders.of(envelope, NOTIFIER));
        return send(deadLetterTopic, partition, envelope.aggregateId(), StrideEvents.CODEC.encode(envelope), headers);
    }

    public static Map<String, String> deadLetterHeaders(String originalTopic, String reason) {
        Map<String, String> headers = new LinkedHashMap<>();
        headers.put(DEAD_LETTER_EXCEPTION_CLASS_NAME, "java.lang.IllegalStateException");
        headers.put(DEAD_LETTER_REASON, reason);
        headers.put(DEAD_LETTER_CAUSE, "connection refused");
        headers.put(DEAD_LETTER_TOPIC, originalTopic);
        headers.put(DEAD_LETTER_PARTITION, "2");
        headers.put(DEAD_LETTER_OFFSET, "41");
        return headers;
    }

    public static RecordMetadata send(String topic, Integer partition, String key, byte[] value, Map<String, String> headers) {
        try (KafkaProducer<String, byte[]> producer = new KafkaProducer<>(Map.of(
                ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers(),
                ProducerConfig.ACKS_CONFIG, "all"), new StringSerializer(), new ByteArraySerializer())) {
            ProducerRecord<String, byte[]> record = new ProducerRecord<>(topic, partition, key, value);
            headers.forEach((name, text) -> record.headers().add(name, text.getBytes(StandardCharsets.UTF_8)));
            return producer.send(record).get(30, TimeUnit.SECONDS);
        } catch (Exception e) {
            throw new IllegalStateException("could not publish to " + topic, e);
        }
    }

    /** Waits until {@code group} has committed past the record: the consumer is done with it (and with what came before it). */
    public static void awaitConsumed(String group, RecordMetadata record) {
        TopicPartition partition = new TopicPartition(record.topic(), record.partition());
        try (Admin admin = Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers()))) {
            await().atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofMillis(250)).untilAsserted(() -> {
                OffsetAndMetadata committed = admin.listConsumerGroupOffsets(group).partitionsToOffsetAndMetadata()
                        .get(10, TimeUnit.SECONDS).get(partition);
                assertThat(committed).as(group + " on " + partition).isNotNull();
                assertThat(committed.offset()).as(group + " on " + partition).isGreaterThan(record.offset());
            });
        }
    }

    public static String deliveryDeadLetters() {
        return Topics.deadLetter(Topics.DELIVERY_EVENTS);
    }
}
