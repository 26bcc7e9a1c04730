package dev.stride.reminder;

import dev.stride.contracts.Topics;
import dev.stride.contracts.event.EventEnvelope;
import dev.stride.contracts.event.Learner;
import dev.stride.contracts.event.LearnerErased;
import dev.stride.contracts.event.MilestoneProgressed;
import dev.stride.contracts.event.NudgeDue;
import dev.stride.contracts.event.Paused;
import dev.stride.contracts.event.PlanChanged;
import dev.stride.contracts.event.Resumed;
import dev.stride.contracts.event.StrideEvents;
import dev.stride.contracts.event.SubscriptionActivated;
import dev.stride.contracts.event.Unsubscribed;
import dev.stride.contracts.privacy.Addresses;
import dev.stride.contracts.time.AdjustableClock;
import dev.stride.infra.testing.KafkaTestConsumer;
import dev.stride.infra.testing.LogCapture;
import dev.stride.infra.testing.StrideInfraResource;
import dev.stride.pacing.NudgeMoment;
import dev.stride.pacing.ProgressState;
import dev.stride.pacing.WeeklyPlan;
import dev.stride.reminder.scheduling.Dispatcher;
import dev.stride.reminder.scheduling.Nudge;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.common.TestResourceScope;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.time.DayOfWeek;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.util.List;
import java.util.Locale;
import java.util.UUID;
import java.util.logging.Level;

import static dev.stride.reminder.ReminderTestSupport.awaitCount;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * A learner's whole journey through this service, with every log line above DEBUG captured: activation, progress, pause
 * and resume, a plan change, their weekly nudge falling due and published (NudgeDue carries the address), a poison record
 * quoting the address, unsubscribing, erasure and a replayed activation arriving after it. No line names their address.
 */
@QuarkusTest
@WithTestResource(value = StrideInfraResource.class, scope = TestResourceScope.GLOBAL)
class NoAddressInLogsTest {

    private static final String PENDING = "SELECT count(*) FROM nudge WHERE subscription_id = ?1 AND status = 'PENDING'";

    @Inject
    AdjustableClock clock;

    @Inject
    EntityManager em;

    @Inject
    Dispatcher dispatcher;

    @Test
    void aFullJourneyLogsNoAddress() {
        String email = "Journey.Logged-" + UUID.randomUUID().toString().substring(0, 8) + "@example.org";
        // A name no log line holds by chance.
        String name = "Quillonia " + UUID.randomUUID().toString().substring(0, 6);
        Learner learner = new Learner(email, name, "en");
        UUID id = UUID.randomUUID();
        UUID notSeenYet = UUID.randomUUID();
        List<String> lines;
        EventEnvelope<?> early;
        try (LogCapture logs = LogCapture.atOrAbove(Level.INFO)) {
            // Progress of a subscription whose activation has not come: it waits, and says so with its ids in the MDC.
            early = send(notSeenYet, new MilestoneProgressed(notSeenYet, "m1", ProgressState.DONE, ReminderTestSupport.today(clock),
                    clock.instant(), null));
            awaitCount(1, "SELECT count(*) FROM waiting_event WHERE event_id = ?1", early.eventId());
            String roadmap = ReminderTestSupport.publishRoadmap(5, 2, clock);
            LocalDate today = ReminderTestSupport.today(clock);
            EventEnvelope<?> activation = EventEnvelope.wrap(StrideEvents.CATALOG, id.toString(),
                    new SubscriptionActivated(id, learner, roadmap, 1, ReminderTestSupport.PLAN, today, clock.instant()), clock);
            ReminderTestSupport.send(Topics.SUBSCRIPTION_EVENTS, id.toString(), activation);
            awaitCount(1, PENDING, id);

            send(id, new MilestoneProgressed(id, "m1", ProgressState.DONE, today, clock.instant(), null));
            awaitCount(1, "SELECT count(*) FROM milestone_state WHERE subscription_id = ?1 AND state = 'DONE'", id);
            send(id, new Paused(id, today));
            awaitCount(1, "SELECT count(*) FROM nudge WHERE subscription_id = ?1 AND status = 'CANCELLED'", id);
            send(id, new Resumed(id, today));
            awaitCount(1, PENDING, id);
            WeeklyPlan evenings = new WeeklyPlan(ZoneId.of("Europe/Berlin"), ReminderTestSupport.PLAN.slots(),
                    new NudgeMoment(DayOfWeek.WEDNESDAY, LocalTime.of(19, 0)));
            EventEnvelope<?> planChange = send(id, new PlanChanged(id, evenings, null));
            awaitCount(1, "SELECT count(*) FROM processed_event WHERE event_id = ?1", planChange.eventId());
            awaitCount(1, PENDING, id);

            try (KafkaTestConsumer nudges = new KafkaTestConsumer(Topics.NUDGE_EVENTS, StrideEvents.CODEC)) {
                ReminderTestSupport.passDue(clock, pendingDueAt(id));
                dispatcher.dispatchAll("test", Dispatcher.AfterPublish.NOTHING);
                List<KafkaTestConsumer.Received> received = nudges.await(KafkaTestConsumer.key(id.toString()), 1, Duration.ofSeconds(20));
                assertThat(((NudgeDue) received.get(0).data()).learner().email()).as("the nudge carries the address").isEqualTo(email);
            }

            String poisonKey = "poison-" + UUID.randomUUID();
            try (KafkaTestConsumer deadLetters = new KafkaTestConsumer(Topics.deadLetter(Topics.SUBSCRIPTION_EVENTS), StrideEvents.CODEC)) {
                ReminderTestSupport.sendRaw(new ProducerRecord<>(Topics.SUBSCRIPTION_EVENTS, poisonKey,
                        ("{\"learner\": {\"email\": \"" + email + "\"").getBytes(StandardCharsets.UTF_8)));
                assertThat(deadLetters.await(KafkaTestConsumer.key(poisonKey), 1, Duration.ofSeconds(30))).hasSize(1);
            }

            send(id, new Unsubscribed(id, learner, roadmap, "Roadmap " + roadmap, "https://example.org/resubscribe", clock.instant(), null));
            awaitCount(1, "SELECT count(*) FROM subscription_projection WHERE subscription_id = ?1 AND status = 'UNSUBSCRIBED'", id);
            awaitCount(0, PENDING, id);

            send(id, new LearnerErased(UUID.randomUUID(), Addresses.hash(email), List.of(id), clock.instant()));
            awaitCount(1, "SELECT count(*) FROM erased_subscription WHERE subscription_id = ?1", id);
            // The activation replayed after the erasure: applied as nothing.
            EventEnvelope<?> replay = EventEnvelope.wrap(StrideEvents.CATALOG, id.toString(),
                    new SubscriptionActivated(id, learner, roadmap, 1, ReminderTestSupport.PLAN, today, clock.instant()), clock);
            ReminderTestSupport.send(Topics.SUBSCRIPTION_EVENTS, id.toString(), replay);
            awaitCount(1, "SELECT count(*) FROM processed_event WHERE event_id = ?1", replay.eventId());
            assertThat(ReminderTestSupport.count("SELECT count(*) FROM subscription_projection WHERE subscription_id = ?1", id)).isZero();
            lines = logs.lines();
        }

        assertThat(lines).as("something was logged").isNotEmpty();
        String local = email.substring(0, email.indexOf('@')).toLowerCase(Locale.ROOT);
        assertThat(lines).noneMatch(line -> line.toLowerCase(Locale.ROOT).contains(local));
        assertThat(lines).noneMatch(line -> line.toLowerCase(Locale.ROOT).contains(name.toLowerCase(Locale.ROOT)));
        assertThat(lines).as("the waiting event's line carries its ids in the MDC").anySatisfy(line -> assertThat(line)
                .contains("waits for subscription").contains("eventId=" + early.eventId()).contains("subscriptionId=" + notSeenYet)
                .contains("eventType=MilestoneProgressed"));
    }

    private EventEnvelope<?> send(UUID id, dev.stride.contracts.event.DomainEvent event) {
        EventEnvelope<?> envelope = EventEnvelope.wrap(StrideEvents.CATALOG, id.toString(), event, clock);
        ReminderTestSupport.send(Topics.SUBSCRIPTION_EVENTS, id.toString(), envelope);
        return envelope;
    }

    private Instant pendingDueAt(UUID id) {
        return QuarkusTransaction.requiringNew().call(() -> em.createQuery(
                "select n.dueAt from Nudge n where n.key.subscriptionId = ?1 and n.status = ?2", Instant.class)
                .setParameter(1, id).setParameter(2, Nudge.Status.PENDING).getSingleResult());
    }
}
