package dev.stride.bench.faults;

import dev.stride.bench.burst.BurstSeeder;
import dev.stride.contracts.Topics;
import dev.stride.contracts.event.WeekSkipped;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;

import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * Records no consumer can apply, on every topic a service consumes: not JSON, an unknown type, an unknown schema
 * version, and (on subscription-events) an event for a subscription nobody knows. Each consumer must move the
 * unreadable ones to the topic's dead-letter topic and go on.
 */
final class Poison {

    /** The topics some service consumes. */
    static final List<String> CONSUMED = List.of(Topics.ROADMAP_EVENTS, Topics.SUBSCRIPTION_EVENTS, Topics.NUDGE_EVENTS, Topics.DELIVERY_EVENTS);

    /** Unreadable records sent to each consumed topic. */
    static final int UNREADABLE_PER_TOPIC = 3;

    /** The consumer groups reading each topic: each one dead-letters its own copy of an unreadable record. */
    private static final Map<String, Integer> GROUPS = Map.of(Topics.ROADMAP_EVENTS, 1, Topics.SUBSCRIPTION_EVENTS, 2,
            Topics.NUDGE_EVENTS, 2, Topics.DELIVERY_EVENTS, 1);

    private Poison() {
    }

    static void send(String bootstrapServers) {
        try (KafkaProducer<String, byte[]> producer = new KafkaProducer<>(Map.of(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers,
                ProducerConfig.ACKS_CONFIG, "all"), new StringSerializer(), new ByteArraySerializer())) {
            for (String topic : CONSUMED) {
                String key = "poison-" + UUID.randomUUID();
                producer.send(new ProducerRecord<>(topic, key, "{not json".getBytes(StandardCharsets.UTF_8)));
                producer.send(new ProducerRecord<>(topic, key, ("{\"eventId\":\"" + UUID.randomUUID() + "\",\"type\":\"stride.unknown.v9\","
                        + "\"schemaVersion\":1,\"occurredAt\":\"2026-01-01T00:00:00Z\",\"aggregateId\":\"x\",\"data\":{}}").getBytes(StandardCharsets.UTF_8)));
                producer.send(new ProducerRecord<>(topic, key, ("{\"eventId\":\"" + UUID.randomUUID() + "\",\"type\":\"WeekSkipped\","
                        + "\"schemaVersion\":99,\"occurredAt\":\"2026-01-01T00:00:00Z\",\"aggregateId\":\"x\",\"data\":{}}").getBytes(StandardCharsets.UTF_8)));
            }
            UUID stranger = UUID.randomUUID();
            BurstSeeder.send(producer, Topics.SUBSCRIPTION_EVENTS, stranger.toString(), new WeekSkipped(stranger, LocalDate.of(2027, 1, 4)),
                    Clock.systemUTC());
            producer.flush();
        }
    }

    /**
     * What each dead-letter topic should gain in a scenario: the unreadable records once per consumer group, nothing else.
     * The event for an unknown subscription waits for its subscription (reminder-service) or is ignored (notifier).
     */
    static Map<String, Long> expectedDeadLetters(boolean poisoned) {
        Map<String, Long> expected = new java.util.TreeMap<>();
        GROUPS.forEach((topic, groups) -> expected.put(Topics.deadLetter(topic), poisoned ? (long) UNREADABLE_PER_TOPIC * groups : 0L));
        return expected;
    }

    /** How many records each dead-letter topic holds. */
    static Map<String, Long> deadLettered(String bootstrapServers) {
        try (KafkaConsumer<String, byte[]> consumer = new KafkaConsumer<>(Map.of(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers),
                new StringDeserializer(), new ByteArrayDeserializer())) {
            Map<String, Long> counts = new java.util.TreeMap<>();
            for (String topic : CONSUMED) {
                String dlq = Topics.deadLetter(topic);
                List<TopicPartition> partitions = consumer.partitionsFor(dlq).stream().map(p -> new TopicPartition(dlq, p.partition())).toList();
                long begin = consumer.beginningOffsets(partitions).values().stream().mapToLong(Long::longValue).sum();
                long end = consumer.endOffsets(partitions).values().stream().mapToLong(Long::longValue).sum();
                counts.put(dlq, end - begin);
            }
            return counts;
        }
    }
}
