package dev.stride.roadmap.deadletter;

import dev.stride.contracts.kafka.KafkaAccess;
import dev.stride.roadmap.kafka.KafkaClientConfig;
import jakarta.enterprise.context.ApplicationScoped;
import org.apache.kafka.clients.CommonClientConfigs;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.ByteArraySerializer;

import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Plain Kafka clients for the operator commands on dead-letter topics, configured like the service's own
 * ({@link KafkaClientConfig}: bootstrap servers, security, TLS). Keys and values stay bytes, so a replay republishes
 * exactly what was dead-lettered.
 */
@ApplicationScoped
public class KafkaClients {

    /** The consumer group whose committed offsets say how far each dead-letter topic has been replayed. */
    public static final String REPLAY_GROUP = KafkaAccess.DLQ_REPLAY_GROUP;

    private static final int REQUEST_TIMEOUT_MS = 10_000;
    private static final int API_TIMEOUT_MS = 15_000;

    private static final AtomicInteger CLIENTS = new AtomicInteger();

    private final Map<String, Object> common;

    public KafkaClients(KafkaClientConfig kafkaConfig) {
        Map<String, Object> config = kafkaConfig.copy();
        config.put(CommonClientConfigs.REQUEST_TIMEOUT_MS_CONFIG, REQUEST_TIMEOUT_MS);
        this.common = Map.copyOf(config);
    }

    public Admin admin() {
        Map<String, Object> config = new HashMap<>(common);
        config.put(AdminClientConfig.CLIENT_ID_CONFIG, clientId("roadmap-service-dlq-admin"));
        config.put(AdminClientConfig.DEFAULT_API_TIMEOUT_MS_CONFIG, API_TIMEOUT_MS);
        return Admin.create(config);
    }

    /** Reads without a group: looking at a dead-letter topic moves nothing. */
    public KafkaConsumer<byte[], byte[]> reader() {
        return consumer("roadmap-service-dlq-reader", null);
    }

    /** Reads as {@link #REPLAY_GROUP} and commits by hand, only what was republished and acknowledged. */
    public KafkaConsumer<byte[], byte[]> replayReader() {
        return consumer("roadmap-service-dlq-replay", REPLAY_GROUP);
    }

    /** Idempotent, acknowledged by every in-sync replica, and bounded waits so a broker outage fails in seconds. */
    public KafkaProducer<byte[], byte[]> replayProducer() {
        Map<String, Object> config = new HashMap<>(common);
        config.put(ProducerConfig.CLIENT_ID_CONFIG, clientId("roadmap-service-dlq-replay"));
        config.put(ProducerConfig.ACKS_CONFIG, "all");
        config.put(ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG, true);
        config.put(ProducerConfig.MAX_IN_FLIGHT_REQUESTS_PER_CONNECTION, 5);
        config.put(ProducerConfig.LINGER_MS_CONFIG, 5);
        config.put(ProducerConfig.DELIVERY_TIMEOUT_MS_CONFIG, API_TIMEOUT_MS);
        config.put(ProducerConfig.MAX_BLOCK_MS_CONFIG, 5_000);
        return new KafkaProducer<>(config, new ByteArraySerializer(), new ByteArraySerializer());
    }

    private KafkaConsumer<byte[], byte[]> consumer(String clientId, String groupId) {
        Map<String, Object> config = new HashMap<>(common);
        config.put(ConsumerConfig.CLIENT_ID_CONFIG, clientId(clientId));
        if (groupId != null) {
            config.put(ConsumerConfig.GROUP_ID_CONFIG, groupId);
        }
        config.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false);
        config.put(ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest");
        config.put(ConsumerConfig.MAX_POLL_RECORDS_CONFIG, 200);
        config.put(ConsumerConfig.DEFAULT_API_TIMEOUT_MS_CONFIG, API_TIMEOUT_MS);
        return new KafkaConsumer<>(config, new ByteArrayDeserializer(), new ByteArrayDeserializer());
    }

    /** Distinct per client, so two commands at once do not share one client id. */
    private static String clientId(String name) {
        return name + "-" + CLIENTS.incrementAndGet();
    }
}
