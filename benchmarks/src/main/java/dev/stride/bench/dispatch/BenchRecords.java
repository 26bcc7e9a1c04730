package dev.stride.bench.dispatch;

import dev.stride.infra.KafkaBroker;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringSerializer;

import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutionException;

/**
 * What every peer and ceiling publishes, and how: one producer configuration and one payload for all,
 * so the only thing that differs between two rows of a result table is the engine that decides what
 * to send when.
 *
 * <p>The producer is configured like reminder-service's {@code nudge-events-out} channel
 * (application.properties): acks=all, idempotence, String keys, byte[] values, 15 s delivery and
 * 10 s request timeouts, plus {@link #LINGER_MS} and {@link #BATCH_SIZE}, which the reminder is to
 * mirror. The constants are public so the two cannot drift apart silently.
 */
public final class BenchRecords {

    /** The peers' topic, apart from Stride's own {@code nudge-events} so no Stride consumer sees benchmark records. */
    public static final String TOPIC = "bench-nudges";
    /** Same partition count as the local run's topics. */
    public static final int TOPIC_PARTITIONS = 3;

    public static final String ACKS = "all";
    public static final boolean ENABLE_IDEMPOTENCE = true;
    public static final int DELIVERY_TIMEOUT_MS = 15_000;
    public static final int REQUEST_TIMEOUT_MS = 10_000;
    /** Lets records from concurrent handlers share a produce request instead of one request each. */
    public static final int LINGER_MS = 5;
    /** 128 KiB: about 85 payloads of {@link #DEFAULT_PAYLOAD_SIZE} per partition batch. */
    public static final int BATCH_SIZE = 131_072;

    /** Size of a serialized NudgeDue envelope, roughly; the lead passes the size measured from real records. */
    public static final int DEFAULT_PAYLOAD_SIZE = 1500;

    private BenchRecords() {
    }

    /** The producer settings above, as a map (also for printing next to results). */
    public static Map<String, Object> producerConfig(String bootstrapServers) {
        return Map.of(
                ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers,
                ProducerConfig.ACKS_CONFIG, ACKS,
                ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG, ENABLE_IDEMPOTENCE,
                ProducerConfig.DELIVERY_TIMEOUT_MS_CONFIG, DELIVERY_TIMEOUT_MS,
                ProducerConfig.REQUEST_TIMEOUT_MS_CONFIG, REQUEST_TIMEOUT_MS,
                ProducerConfig.LINGER_MS_CONFIG, LINGER_MS,
                ProducerConfig.BATCH_SIZE_CONFIG, BATCH_SIZE);
    }

    /** A new producer with the shared configuration; the caller closes it. */
    public static KafkaProducer<String, byte[]> producer(String bootstrapServers) {
        return new KafkaProducer<>(producerConfig(bootstrapServers), new StringSerializer(), new ByteArraySerializer());
    }

    /**
     * A producer that already knows the topic's partitions, so the first timed send does not also pay
     * for the metadata round trip.
     */
    public static KafkaProducer<String, byte[]> warmProducer(String bootstrapServers) {
        KafkaProducer<String, byte[]> producer = producer(bootstrapServers);
        try {
            producer.partitionsFor(TOPIC);
            return producer;
        } catch (RuntimeException e) {
            producer.close();
            throw e;
        }
    }

    /** Creates {@link #TOPIC} unless it exists. */
    public static void createTopic(String bootstrapServers) {
        KafkaBroker.createTopics(bootstrapServers, List.of(TOPIC), TOPIC_PARTITIONS);
    }

    /**
     * What a nudge handler does: publish, then block until Kafka acknowledged the record, as the
     * reminder's dispatcher does before it marks a nudge sent. Failures surface as unchecked
     * exceptions so each engine's own failure handling sees them.
     */
    public static void publishAndAwait(KafkaProducer<String, byte[]> producer, String key, byte[] payload) {
        try {
            producer.send(new ProducerRecord<>(TOPIC, key, payload)).get();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while waiting for Kafka to acknowledge " + key, e);
        } catch (ExecutionException e) {
            throw new IllegalStateException("Kafka did not acknowledge " + key + ": " + e.getCause(), e.getCause());
        }
    }

    /**
     * {@code size} bytes of JSON-looking ASCII, the same for the same size: an envelope head, then a
     * padding field of a repeating alphabet, then the closing quote and brace. Content does not matter
     * to the broker (no compression is configured), only the size does.
     */
    public static byte[] payload(int size) {
        if (size < 0) {
            throw new IllegalArgumentException("payload size must not be negative: " + size);
        }
        String head = "{\"type\":\"NudgeDue\",\"schemaVersion\":1,\"data\":{\"pad\":\"";
        String tail = "\"}}";
        byte[] bytes = new byte[size];
        if (size < head.length() + tail.length()) {
            java.util.Arrays.fill(bytes, (byte) 'x');
            return bytes;
        }
        byte[] headBytes = head.getBytes(StandardCharsets.US_ASCII);
        byte[] tailBytes = tail.getBytes(StandardCharsets.US_ASCII);
        System.arraycopy(headBytes, 0, bytes, 0, headBytes.length);
        for (int i = headBytes.length; i < size - tailBytes.length; i++) {
            bytes[i] = (byte) ('a' + (i % 26));
        }
        System.arraycopy(tailBytes, 0, bytes, size - tailBytes.length, tailBytes.length);
        return bytes;
    }
}
