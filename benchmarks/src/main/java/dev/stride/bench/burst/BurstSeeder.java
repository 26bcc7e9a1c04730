package dev.stride.bench.burst;

import dev.stride.bench.dispatch.StrideFixture;
import dev.stride.contracts.Topics;
import dev.stride.contracts.event.CloudEventHeaders;
import dev.stride.contracts.event.DomainEvent;
import dev.stride.contracts.event.EventEnvelope;
import dev.stride.contracts.event.Learner;
import dev.stride.contracts.event.StrideEvents;
import dev.stride.contracts.event.SubscriptionActivated;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringSerializer;

import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.LocalDate;
import java.util.Map;
import java.util.UUID;

/**
 * Puts N learners in place the way production does: roadmap-service's events on Kafka (the roadmap, then one
 * SubscriptionActivated per learner), for reminder-service and notifier-service to consume. HTTP is not what the
 * burst measures, so roadmap-service's pages are skipped.
 */
public final class BurstSeeder {

    private BurstSeeder() {
    }

    /** The address of learner {@code i}: one subscription each, so the inbox tells every subscription-week apart. */
    public static String address(int i) {
        return "learner-" + i + "@burst.example.org";
    }

    /** Sends the roadmap and N activations; returns the subscription ids, learner {@code i}'s at index {@code i - 1}. */
    public static java.util.List<UUID> seed(String bootstrapServers, int n, LocalDate startDate) {
        java.util.List<UUID> ids = new java.util.ArrayList<>(n);
        Clock clock = Clock.systemUTC();
        try (KafkaProducer<String, byte[]> producer = new KafkaProducer<>(Map.of(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers,
                ProducerConfig.ACKS_CONFIG, "all", ProducerConfig.LINGER_MS_CONFIG, 5), new StringSerializer(), new ByteArraySerializer())) {
            send(producer, Topics.ROADMAP_EVENTS, StrideFixture.ROADMAP_ID, StrideFixture.roadmap(), clock);
            producer.flush();
            for (int i = 1; i <= n; i++) {
                UUID id = UUID.randomUUID();
                ids.add(id);
                send(producer, Topics.SUBSCRIPTION_EVENTS, id.toString(), new SubscriptionActivated(id,
                        new Learner(address(i), "Learner " + i, "en"), StrideFixture.ROADMAP_ID, 1, StrideFixture.PLAN, startDate,
                        clock.instant()), clock);
            }
            producer.flush();
        }
        return ids;
    }

    /** Sends one event as roadmap-service would (CloudEvents headers, keyed by aggregate). */
    public static void send(KafkaProducer<String, byte[]> producer, String topic, String key, DomainEvent event, Clock clock) {
        EventEnvelope<DomainEvent> envelope = EventEnvelope.wrap(StrideEvents.CATALOG, key, event, clock);
        ProducerRecord<String, byte[]> record = new ProducerRecord<>(topic, key, StrideEvents.CODEC.encode(envelope));
        CloudEventHeaders.of(envelope, "/stride/roadmap-service").forEach((name, value) -> record.headers().add(name, value.getBytes(StandardCharsets.UTF_8)));
        producer.send(record);
    }
}
