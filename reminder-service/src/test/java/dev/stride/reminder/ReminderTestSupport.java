package dev.stride.reminder;

import dev.stride.contracts.Topics;
import dev.stride.contracts.event.DomainEvent;
import dev.stride.contracts.event.EventEnvelope;
import dev.stride.contracts.event.Learner;
import dev.stride.contracts.event.RoadmapPublished;
import dev.stride.contracts.event.StrideEvents;
import dev.stride.contracts.event.SubscriptionActivated;
import dev.stride.contracts.event.CloudEventHeaders;
import dev.stride.infra.testing.TestInfrastructure;
import dev.stride.pacing.NudgeMoment;
import dev.stride.pacing.StudySlot;
import dev.stride.pacing.WeeklyPlan;
import dev.stride.infra.testing.Rows;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringSerializer;

import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.DayOfWeek;
import java.time.Duration;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static org.awaitility.Awaitility.await;

/** Puts events on the real broker as roadmap-service would, and waits for the projection to take them. */
public final class ReminderTestSupport {

    public static final ZoneId ZONE = ZoneId.of("America/New_York");
    /** Tuesday 18:00 for 90 min and Saturday 09:30 for 120 min: 3.5 h a week. */
    public static final WeeklyPlan PLAN = new WeeklyPlan(ZONE, List.of(new StudySlot(DayOfWeek.TUESDAY, LocalTime.of(18, 0), 90),
            new StudySlot(DayOfWeek.SATURDAY, LocalTime.of(9, 30), 120)), NudgeMoment.DEFAULT);

    private static KafkaProducer<String, byte[]> producer;

    private ReminderTestSupport() {
    }

    public static synchronized void send(String topic, String key, DomainEvent event, Clock clock) {
        send(topic, key, EventEnvelope.wrap(StrideEvents.CATALOG, key, event, clock));
    }

    public static synchronized void send(String topic, String key, EventEnvelope<?> envelope) {
        ProducerRecord<String, byte[]> record = new ProducerRecord<>(topic, key, StrideEvents.CODEC.encode(envelope));
        CloudEventHeaders.of(envelope, "/test").forEach((name, value) -> record.headers().add(name, value.getBytes(StandardCharsets.UTF_8)));
        sendRaw(record);
    }

    public static synchronized void sendRaw(ProducerRecord<String, byte[]> record) {
        if (producer == null) {
            producer = new KafkaProducer<>(Map.of(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, TestInfrastructure.get().kafkaBootstrapServers(),
                    ProducerConfig.ACKS_CONFIG, "all"), new StringSerializer(), new ByteArraySerializer());
        }
        try {
            producer.send(record).get();
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    /** A roadmap of {@code milestones} milestones of {@code hours} each, ids m1, m2, ... */
    public static RoadmapPublished roadmap(String id, int version, int milestones, int hours) {
        List<RoadmapPublished.Milestone> list = java.util.stream.IntStream.rangeClosed(1, milestones)
                .mapToObj(i -> new RoadmapPublished.Milestone("m" + i, "Milestone " + i, "Do part " + i, "phase", "Phase", "learn",
                        BigDecimal.valueOf(hours), "Part " + i + " works", List.of("Start part " + i, "Finish part " + i), List.of(new RoadmapPublished.Resource("Docs " + i, "https://example.org/" + i))))
                .toList();
        return new RoadmapPublished(id, version, "Roadmap " + id, "A test roadmap", 3, 3, 6, list);
    }

    public static String publishRoadmap(int milestones, int hours, Clock clock) {
        String id = "rm-" + UUID.randomUUID().toString().substring(0, 8);
        send(Topics.ROADMAP_EVENTS, id, roadmap(id, 1, milestones, hours), clock);
        return id;
    }

    public static UUID activate(String roadmapId, WeeklyPlan plan, LocalDate startDate, Clock clock) {
        UUID id = UUID.randomUUID();
        activate(id, new Learner("l-" + id + "@example.org", "Lee", "en"), roadmapId, plan, startDate, clock);
        return id;
    }

    /** Activates subscription {@code id} of {@code learner} (several subscriptions may share one learner). */
    public static void activate(UUID id, Learner learner, String roadmapId, WeeklyPlan plan, LocalDate startDate, Clock clock) {
        send(Topics.SUBSCRIPTION_EVENTS, id.toString(), new SubscriptionActivated(id, learner, roadmapId, 1, plan, startDate, clock.instant()), clock);
    }

    public static long count(String sql, Object... parameters) {
        return Rows.count("reminder", sql, parameters);
    }

    /** Waits until the SQL count reaches {@code expected}. */
    public static void awaitCount(long expected, String sql, Object... parameters) {
        await().atMost(Duration.ofSeconds(30)).until(() -> count(sql, parameters) == expected);
    }

    /** Moves the clock to a minute past {@code dueAt}, unless it is already there. */
    public static void passDue(dev.stride.contracts.time.AdjustableClock clock, java.time.Instant dueAt) {
        java.time.Instant now = clock.instant();
        if (now.isBefore(dueAt.plusSeconds(60))) {
            clock.advance(Duration.between(now, dueAt.plusSeconds(60)));
        }
    }

    public static LocalDate today(Clock clock) {
        return LocalDate.now(clock.withZone(ZONE));
    }
}
