package dev.stride.bench.faults;

import dev.stride.bench.burst.BurstSeeder;
import dev.stride.contracts.Topics;
import dev.stride.contracts.event.WeekSkipped;
import dev.stride.contracts.kafka.KafkaAccess;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
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
import java.time.Duration;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
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

    /** The key of every unreadable record; a dead-lettered record with another key was a valid event. */
    static final String KEY_PREFIX = "poison-";

    /** Whether a dead-lettered record's key is one of the unreadable records'. */
    static boolean unreadable(String key) {
        return key != null && key.startsWith(KEY_PREFIX);
    }

    private Poison() {
    }

    static void send(String bootstrapServers) {
        try (KafkaProducer<String, byte[]> producer = new KafkaProducer<>(Map.of(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers,
                ProducerConfig.ACKS_CONFIG, "all"), new StringSerializer(), new ByteArraySerializer())) {
            for (String topic : CONSUMED) {
                String key = KEY_PREFIX + UUID.randomUUID();
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
     * The fewest records each dead-letter topic should gain in a poisoned scenario: each unreadable record once per
     * consumer group (the services that may write the topic's DLQ). More are allowed: dead-lettering is at least once,
     * and an instance that dies before committing dead-letters again what its successor reads. The event for an unknown
     * subscription is not among them: it waits for its subscription (reminder-service) or is ignored (notifier).
     */
    static Map<String, Long> leastDeadLetters() {
        Map<String, Long> least = new TreeMap<>();
        for (String topic : CONSUMED) {
            String dlq = Topics.deadLetter(topic);
            least.put(dlq, (long) UNREADABLE_PER_TOPIC * KafkaAccess.ALL.stream().filter(access -> access.mayWrite(dlq)).count());
        }
        return least;
    }

    /** Where every dead-letter partition ends now: a scenario reads its dead letters from here. */
    static Map<TopicPartition, Long> deadLetterEnds(String bootstrapServers) {
        try (KafkaConsumer<String, byte[]> consumer = consumer(bootstrapServers)) {
            return consumer.endOffsets(deadLetterPartitions(consumer));
        }
    }

    /** The keys of the records each dead-letter topic gained since {@code from}. */
    static Map<String, List<String>> deadLetteredSince(String bootstrapServers, Map<TopicPartition, Long> from) {
        try (KafkaConsumer<String, byte[]> consumer = consumer(bootstrapServers)) {
            List<TopicPartition> partitions = deadLetterPartitions(consumer);
            Map<TopicPartition, Long> ends = consumer.endOffsets(partitions);
            Map<String, List<String>> keys = new TreeMap<>();
            CONSUMED.forEach(topic -> keys.put(Topics.deadLetter(topic), new ArrayList<>()));
            consumer.assign(partitions);
            partitions.forEach(partition -> consumer.seek(partition, from.getOrDefault(partition, 0L)));
            long deadline = System.nanoTime() + Duration.ofSeconds(30).toNanos();
            while (partitions.stream().anyMatch(partition -> consumer.position(partition) < ends.get(partition))) {
                if (System.nanoTime() > deadline) {
                    throw new IllegalStateException("could not read the dead-letter topics to their ends within 30 s");
                }
                for (ConsumerRecord<String, byte[]> record : consumer.poll(Duration.ofMillis(500))) {
                    if (record.offset() < ends.get(new TopicPartition(record.topic(), record.partition()))) {
                        keys.get(record.topic()).add(String.valueOf(record.key()));
                    }
                }
            }
            return keys;
        }
    }

    private static List<TopicPartition> deadLetterPartitions(KafkaConsumer<String, byte[]> consumer) {
        List<TopicPartition> partitions = new ArrayList<>();
        for (String topic : CONSUMED) {
            String dlq = Topics.deadLetter(topic);
            consumer.partitionsFor(dlq).forEach(info -> partitions.add(new TopicPartition(dlq, info.partition())));
        }
        return partitions;
    }

    private static KafkaConsumer<String, byte[]> consumer(String bootstrapServers) {
        return new KafkaConsumer<>(Map.of(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers, ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, "false"),
                new StringDeserializer(), new ByteArrayDeserializer());
    }
}
