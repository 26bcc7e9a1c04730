package dev.stride.notifier;

import dev.stride.contracts.Topics;
import dev.stride.contracts.event.CloudEventHeaders;
import dev.stride.contracts.event.DomainEvent;
import dev.stride.contracts.event.EventEnvelope;
import dev.stride.contracts.event.Learner;
import dev.stride.contracts.event.NudgeDue;
import dev.stride.contracts.event.RoadmapPublished;
import dev.stride.contracts.event.StrideEvents;
import dev.stride.contracts.event.SubscriptionRequested;
import dev.stride.contracts.event.Unsubscribed;
import dev.stride.infra.testing.TestInfrastructure;
import dev.stride.pacing.NudgeMoment;
import dev.stride.pacing.StudySlot;
import dev.stride.pacing.WeeklyPlan;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringSerializer;

import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.DayOfWeek;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.TimeUnit;

/** Events as the other services publish them, and a producer that puts them on the real broker. */
public final class TestEvents {

    public static final String ROADMAP_TITLE = "AI/ML engineer in 12 months";
    public static final String FUNCTIONS = "Python functions and file I/O";
    public static final String GIT = "Git and the command line";
    /** A resource without a URL (a book), and a project recipe's steps, both shown where the milestone is due. */
    public static final String BOOK = "Think Python, chapters 3 to 6 (book)";
    public static final List<String> STEPS = List.of("Load the CSV file with the csv module", "Summarise each column in a function");
    public static final LocalDate WEEK_START = LocalDate.of(2027, 3, 8);

    private static KafkaProducer<String, byte[]> producer;

    private TestEvents() {
    }

    public static String uniqueEmail(String prefix) {
        return prefix + "-" + UUID.randomUUID().toString().substring(0, 8) + "@example.org";
    }

    /** A weekly nudge for week 3 with two sessions (Tuesday 18:00, Saturday 09:30) in {@code zone}, 7 of 34 milestones done. */
    public static Nudge nudge(String email) {
        return new Nudge(UUID.randomUUID(), UUID.randomUUID(), email, "Ada", "en", "America/New_York", FUNCTIONS,
                NudgeDue.Kind.WEEKLY, false, -90, 18 * 60);
    }

    /** A NudgeDue to tweak before building: each {@code with} returns a copy. */
    public record Nudge(UUID nudgeId, UUID subscriptionId, String email, String name, String locale, String zone, String focusTitle,
                        NudgeDue.Kind kind, boolean fortnightly, int aheadMinutes, int tuesdayStartMinute) {

        public Nudge withName(String value) {
            return new Nudge(nudgeId, subscriptionId, email, value, locale, zone, focusTitle, kind, fortnightly, aheadMinutes, tuesdayStartMinute);
        }

        public Nudge withLocale(String value, String zoneId) {
            return new Nudge(nudgeId, subscriptionId, email, name, value, zoneId, focusTitle, kind, fortnightly, aheadMinutes, tuesdayStartMinute);
        }

        public Nudge withFocusTitle(String value) {
            return new Nudge(nudgeId, subscriptionId, email, name, locale, zone, value, kind, fortnightly, aheadMinutes, tuesdayStartMinute);
        }

        public Nudge withKind(NudgeDue.Kind value) {
            return new Nudge(nudgeId, subscriptionId, email, name, locale, zone, focusTitle, value, fortnightly, aheadMinutes, tuesdayStartMinute);
        }

        public Nudge everyOtherWeek() {
            return new Nudge(nudgeId, subscriptionId, email, name, locale, zone, focusTitle, kind, true, aheadMinutes, tuesdayStartMinute);
        }

        /** Ahead (positive), on plan (0) or behind (negative): a behind nudge carries the re-plan link. */
        public Nudge withAheadMinutes(int value) {
            return new Nudge(nudgeId, subscriptionId, email, name, locale, zone, focusTitle, kind, fortnightly, value, tuesdayStartMinute);
        }

        public Nudge withSubscription(UUID value) {
            return new Nudge(nudgeId, value, email, name, locale, zone, focusTitle, kind, fortnightly, aheadMinutes, tuesdayStartMinute);
        }

        public Nudge withNewNudgeId() {
            return new Nudge(UUID.randomUUID(), subscriptionId, email, name, locale, zone, focusTitle, kind, fortnightly, aheadMinutes, tuesdayStartMinute);
        }

        public NudgeDue build() {
            String base = "https://stride.example/";
            List<NudgeDue.PlannedSession> sessions = List.of(
                    new NudgeDue.PlannedSession(WEEK_START.plusDays(1), LocalTime.MIN.plusMinutes(tuesdayStartMinute), 90,
                            List.of(new NudgeDue.Work("python-functions", focusTitle, 60), new NudgeDue.Work("git-basics", GIT, 30))),
                    new NudgeDue.PlannedSession(WEEK_START.plusDays(5), LocalTime.of(9, 30), 120,
                            List.of(new NudgeDue.Work("python-functions", FUNCTIONS, 120))));
            List<NudgeDue.Focus> focus = List.of(
                    new NudgeDue.Focus("python-functions", focusTitle, "A script reads a CSV file and prints a summary per column",
                            List.of(new RoadmapPublished.Resource("The Python tutorial: defining functions",
                                    "https://docs.python.org/3/tutorial/controlflow.html#defining-functions"),
                                    new RoadmapPublished.Resource(BOOK, null)),
                            180, 240, base + "actions/done-python-functions", STEPS));
            NudgeDue.Progress progress = kind == NudgeDue.Kind.COMPLETED
                    ? new NudgeDue.Progress(34, 34, new BigDecimal("260"), new BigDecimal("260"), 100)
                    : new NudgeDue.Progress(7, 34, new BigDecimal("52.5"), new BigDecimal("260"), 21);
            return new NudgeDue(nudgeId, subscriptionId, kind, new Learner(email, name, locale), zone, "ai-ml-engineer-12-months",
                    ROADMAP_TITLE, 3, WEEK_START, WEEK_START.plusDays(6), Instant.parse("2027-03-08T12:30:00Z"),
                    sessions, focus, progress, aheadMinutes, LocalDate.of(2028, 2, 14), 3,
                    new NudgeDue.Cadence(fortnightly, fortnightly ? 3 : 0),
                    new NudgeDue.NudgeLinks(base + "actions/skip", base + "actions/snooze", base + "actions/pause",
                            base + "manage/" + subscriptionId, base + "unsubscribe/" + subscriptionId, base + "calendar/" + subscriptionId + ".ics",
                            aheadMinutes < 0 ? base + "actions/replan" : null));
        }

        public EventEnvelope<NudgeDue> envelope() {
            return TestEvents.envelope(subscriptionId, build());
        }
    }

    public static SubscriptionRequested subscriptionRequested(UUID subscriptionId, String email, String locale, String zone) {
        WeeklyPlan plan = new WeeklyPlan(ZoneId.of(zone),
                List.of(new StudySlot(DayOfWeek.TUESDAY, LocalTime.of(18, 0), 90), new StudySlot(DayOfWeek.SATURDAY, LocalTime.of(9, 30), 120)),
                new NudgeMoment(DayOfWeek.MONDAY, LocalTime.of(7, 30)));
        return new SubscriptionRequested(subscriptionId, new Learner(email, "Ada", locale), "ai-ml-engineer-12-months", ROADMAP_TITLE, plan,
                LocalDate.of(2027, 3, 8), "https://stride.example/confirm/token-" + subscriptionId, Instant.parse("2027-03-10T12:00:00Z"),
                "https://stride.example/manage/token-" + subscriptionId, "https://stride.example/not-me/token-" + subscriptionId);
    }

    public static Unsubscribed unsubscribed(UUID subscriptionId, String email) {
        return new Unsubscribed(subscriptionId, new Learner(email, "Ada", "en"), "ai-ml-engineer-12-months", ROADMAP_TITLE,
                "https://stride.example/roadmaps/ai-ml-engineer-12-months", Instant.parse("2027-03-09T08:00:00Z"), null);
    }

    public static <T extends DomainEvent> EventEnvelope<T> envelope(UUID aggregateId, T data) {
        return EventEnvelope.wrap(StrideEvents.CATALOG, aggregateId.toString(), data, Clock.systemUTC());
    }

    public static void publishNudge(EventEnvelope<?> envelope) {
        publish(Topics.NUDGE_EVENTS, envelope);
    }

    public static void publishSubscriptionEvent(EventEnvelope<?> envelope) {
        publish(Topics.SUBSCRIPTION_EVENTS, envelope);
    }

    /** Publishes an envelope the way the services do: keyed by its aggregate id, with CloudEvents headers, acknowledged. */
    public static void publish(String topic, EventEnvelope<?> envelope) {
        ProducerRecord<String, byte[]> record = new ProducerRecord<>(topic, envelope.aggregateId(), StrideEvents.CODEC.encode(envelope));
        CloudEventHeaders.of(envelope, "/stride/test").forEach((name, value) -> record.headers().add(name, value.getBytes(StandardCharsets.UTF_8)));
        send(record);
    }

    public static void publishRaw(String topic, String key, byte[] value) {
        send(new ProducerRecord<>(topic, key, value));
    }

    private static void send(ProducerRecord<String, byte[]> record) {
        try {
            producer().send(record).get(30, TimeUnit.SECONDS);
        } catch (Exception e) {
            throw new IllegalStateException("could not publish to " + record.topic(), e);
        }
    }

    private static synchronized KafkaProducer<String, byte[]> producer() {
        if (producer == null) {
            producer = new KafkaProducer<>(Map.of(
                    ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, TestInfrastructure.get().kafkaBootstrapServers(),
                    ProducerConfig.ACKS_CONFIG, "all",
                    ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG, true), new StringSerializer(), new ByteArraySerializer());
        }
        return producer;
    }
}
