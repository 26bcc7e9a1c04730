package dev.stride.roadmap.outbox;

import dev.stride.roadmap.kafka.KafkaClientConfig;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Disposes;
import jakarta.enterprise.inject.Produces;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.Producer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.eclipse.microprofile.config.inject.ConfigProperty;

import java.time.Duration;
import java.util.Map;

/**
 * The outbox relay's producer: connected like every Kafka client of the service ({@link KafkaClientConfig}: bootstrap
 * servers, SASL and TLS), idempotent, acks from all in-sync replicas, and bounded waits so a broker outage fails a batch in
 * seconds instead of holding its transaction for minutes.
 */
@ApplicationScoped
public class KafkaProducerFactory {

    @Produces
    @ApplicationScoped
    Producer<String, byte[]> outboxProducer(KafkaClientConfig kafkaConfig,
                                            @ConfigProperty(name = "stride.outbox.delivery-timeout", defaultValue = "15s") Duration deliveryTimeout) {
        Map<String, Object> config = kafkaConfig.copy();
        config.put(ProducerConfig.CLIENT_ID_CONFIG, "roadmap-service-outbox");
        config.put(ProducerConfig.ACKS_CONFIG, "all");
        config.put(ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG, true);
        config.put(ProducerConfig.MAX_IN_FLIGHT_REQUESTS_PER_CONNECTION, 5);
        config.put(ProducerConfig.LINGER_MS_CONFIG, 5);
        config.put(ProducerConfig.REQUEST_TIMEOUT_MS_CONFIG, (int) Math.min(deliveryTimeout.toMillis() - 10, 10_000));
        config.put(ProducerConfig.DELIVERY_TIMEOUT_MS_CONFIG, (int) deliveryTimeout.toMillis());
        config.put(ProducerConfig.MAX_BLOCK_MS_CONFIG, 5_000);
        return new KafkaProducer<>(config, new StringSerializer(), new ByteArraySerializer());
    }

    void close(@Disposes Producer<String, byte[]> producer) {
        producer.close(Duration.ofSeconds(5));
    }
}
