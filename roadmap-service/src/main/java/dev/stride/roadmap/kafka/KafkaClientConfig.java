package dev.stride.roadmap.kafka;

import io.smallrye.common.annotation.Identifier;
import jakarta.enterprise.context.ApplicationScoped;
import org.apache.kafka.clients.consumer.ConsumerConfig;

import java.util.HashMap;
import java.util.Map;

/**
 * The settings every plain Kafka client of this service starts from (the outbox relay's producer, the dead-letter commands'
 * admin, readers and producer), so they connect as the SmallRye channels do: every {@code kafka.*} setting, as Quarkus
 * collects them into its {@code default-kafka-broker} map, bootstrap servers and, where a deployment sets them, security
 * ({@code kafka.security.protocol}, {@code kafka.sasl.mechanism}, {@code kafka.sasl.jaas.config}) and TLS
 * ({@code kafka.ssl.truststore.*}). Quarkus reads them from {@code KAFKA_*} environment variables too (lower case, {@code _}
 * to {@code .}). The group id Quarkus adds and the (de)serializers are left out: each client says its own.
 */
@ApplicationScoped
public class KafkaClientConfig {

    private final Map<String, Object> common;

    public KafkaClientConfig(@Identifier("default-kafka-broker") Map<String, Object> kafkaConfig) {
        Map<String, Object> config = new HashMap<>(kafkaConfig);
        config.remove(ConsumerConfig.GROUP_ID_CONFIG);
        config.keySet().removeIf(key -> key.endsWith(".serializer") || key.endsWith(".deserializer"));
        this.common = Map.copyOf(config);
    }

    /** A fresh, mutable copy of the shared settings, for one client to add its own to. */
    public Map<String, Object> copy() {
        return new HashMap<>(common);
    }
}
