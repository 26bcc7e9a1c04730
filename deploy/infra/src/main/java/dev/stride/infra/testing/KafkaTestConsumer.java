package dev.stride.infra.testing;

import dev.stride.contracts.event.DomainEvent;
import dev.stride.contracts.event.EventCodec;
import dev.stride.contracts.event.EventEnvelope;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.StringDeserializer;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.Predicate;

/**
 * Reads a topic of the real broker from its start, the way a test checks what a service published:
 * every record kept, with key, headers and the decoded envelope.
 */
public final class KafkaTestConsumer implements AutoCloseable {

    public record Received(String key, Map<String, String> headers, EventEnvelope<? extends DomainEvent> envelope, byte[] value) {
        public DomainEvent data() {
            return envelope.data();
        }

        public String type() {
            return envelope.type();
        }
    }

    private final KafkaConsumer<String, byte[]> consumer;
    private final EventCodec codec;
    private final List<Received> received = new ArrayList<>();

    public KafkaTestConsumer(String topic, EventCodec codec) {
        this.codec = codec;
        this.consumer = new KafkaConsumer<>(Map.of(
                ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, TestInfrastructure.get().kafkaBootstrapServers(),
                ConsumerConfig.GROUP_ID_CONFIG, "test-" + UUID.randomUUID(),
                ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest",
                ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, "false"), new StringDeserializer(), new ByteArrayDeserializer());
        consumer.subscribe(List.of(topic));
    }

    /** Polls until {@code count} records match (or the timeout passes) and returns the matching ones, in topic order. */
    public List<Received> await(Predicate<Received> matching, int count, Duration timeout) {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (matches(matching).size() < count && System.nanoTime() < deadline) {
            poll(Duration.ofMillis(200));
        }
        return matches(matching);
    }

    /** Everything with this key (an aggregate's events) after polling for {@code quiet} more. */
    public List<Received> settle(Predicate<Received> matching, Duration quiet) {
        long deadline = System.nanoTime() + quiet.toNanos();
        while (System.nanoTime() < deadline) {
            poll(Duration.ofMillis(200));
        }
        return matches(matching);
    }

    public static Predicate<Received> key(String key) {
        return record -> key.equals(record.key());
    }

    private List<Received> matches(Predicate<Received> matching) {
        return received.stream().filter(matching).toList();
    }

    private void poll(Duration timeout) {
        for (ConsumerRecord<String, byte[]> record : consumer.poll(timeout)) {
            Map<String, String> headers = new java.util.LinkedHashMap<>();
            record.headers().forEach(header -> headers.put(header.key(), new String(header.value(), StandardCharsets.UTF_8)));
            received.add(new Received(record.key(), headers, decodeOrNull(record.value()), record.value()));
        }
    }

    /** Dead-letter topics hold what could not be read: such a record is kept with a null envelope. */
    private EventEnvelope<? extends DomainEvent> decodeOrNull(byte[] value) {
        try {
            return value == null ? null : codec.decode(value);
        } catch (dev.stride.contracts.event.UnreadableEventException e) {
            return null;
        }
    }

    @Override
    public void close() {
        consumer.close();
    }
}
