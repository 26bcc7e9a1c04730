package dev.stride.reminder.messaging;

import dev.stride.contracts.Topics;
import dev.stride.contracts.event.EventEnvelope;
import dev.stride.contracts.event.Learner;
import dev.stride.contracts.event.MilestoneProgressed;
import dev.stride.contracts.event.PlanChanged;
import dev.stride.contracts.event.Snoozed;
import dev.stride.contracts.event.StrideEvents;
import dev.stride.contracts.event.SubscriptionActivated;
import dev.stride.contracts.event.WeekSkipped;
import dev.stride.contracts.time.AdjustableClock;
import dev.stride.infra.testing.KafkaTestConsumer;
import dev.stride.infra.testing.StrideInfraResource;
import dev.stride.pacing.NudgeMoment;
import dev.stride.pacing.ProgressState;
import dev.stride.pacing.WeeklyPlan;
import dev.stride.reminder.ReminderTestSupport;
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
import java.time.LocalDate;
import java.time.LocalTime;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

@QuarkusTest
@WithTestResource(value = StrideInfraResource.class, scope = TestResourceScope.GLOBAL)
class EventConsumptionTest {

    @Inject
    AdjustableClock clock;

    @Inject
    EntityManager em;

    @Test
    void duplicatedAndReorderedEventsLeaveTheSameState() {
        String roadmap = ReminderTestSupport.publishRoadmap(5, 2, clock);
        UUID inOrder = UUID.randomUUID();
        UUID shuffled = UUID.randomUUID();
        List<EventEnvelope<?>> forInOrder = history(inOrder, roadmap);
        List<EventEnvelope<?>> forShuffled = history(shuffled, roadmap);

        forInOrder.forEach(envelope -> ReminderTestSupport.send(Topics.SUBSCRIPTION_EVENTS, inOrder.toString(), envelope));
        // Activation first (it is what makes the subscription known), then everything else backwards and twice.
        ReminderTestSupport.send(Topics.SUBSCRIPTION_EVENTS, shuffled.toString(), forShuffled.get(0));
        List<EventEnvelope<?>> rest = new ArrayList<>(forShuffled.subList(1, forShuffled.size()));
        java.util.Collections.reverse(rest);
        rest.forEach(envelope -> ReminderTestSupport.send(Topics.SUBSCRIPTION_EVENTS, shuffled.toString(), envelope));
        rest.forEach(envelope -> ReminderTestSupport.send(Topics.SUBSCRIPTION_EVENTS, shuffled.toString(), envelope));
        ReminderTestSupport.send(Topics.SUBSCRIPTION_EVENTS, shuffled.toString(), forShuffled.get(0));

        for (UUID id : List.of(inOrder, shuffled)) {
            ReminderTestSupport.awaitCount(forInOrder.size(), "SELECT count(*) FROM processed_event WHERE event_id IN (:ids)".replace(":ids",
                    String.join(",", (id.equals(inOrder) ? forInOrder : forShuffled).stream().map(e -> "'" + e.eventId() + "'").toList())));
        }
        await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> assertThat(state(shuffled)).isEqualTo(state(inOrder)));
        assertThat(state(inOrder)).contains("m1=DONE", "m2=IN_PROGRESS", "WEDNESDAY", "Europe/Berlin");
    }

    @Test
    void anUnreadableRecordGoesToTheDeadLetterTopicAndConsumptionGoesOn() {
        String roadmap = ReminderTestSupport.publishRoadmap(5, 2, clock);
        String garbageKey = "garbage-" + UUID.randomUUID();
        try (KafkaTestConsumer deadLetters = new KafkaTestConsumer(Topics.deadLetter(Topics.SUBSCRIPTION_EVENTS), StrideEvents.CODEC)) {
            ReminderTestSupport.sendRaw(new ProducerRecord<>(Topics.SUBSCRIPTION_EVENTS, garbageKey, "{not json".getBytes(StandardCharsets.UTF_8)));
            UUID after = ReminderTestSupport.activate(roadmap, ReminderTestSupport.PLAN, ReminderTestSupport.today(clock), clock);

            ReminderTestSupport.awaitCount(1, "SELECT count(*) FROM subscription_projection WHERE subscription_id = ?1", after);
            assertThat(deadLetters.await(KafkaTestConsumer.key(garbageKey), 1, Duration.ofSeconds(30))).hasSize(1)
                    .allSatisfy(record -> assertThat(new String(record.value(), StandardCharsets.UTF_8)).isEqualTo("{not json"));
        }
    }

    @Test
    void eventsForASubscriptionNotSeenYetWaitForItsActivationAndApplyInOrderAfterIt() {
        String roadmap = ReminderTestSupport.publishRoadmap(5, 2, clock);
        UUID late = UUID.randomUUID();
        LocalDate today = ReminderTestSupport.today(clock);
        LocalDate skipped = today.plusWeeks(2).with(java.time.temporal.TemporalAdjusters.previousOrSame(DayOfWeek.MONDAY));
        ReminderTestSupport.send(Topics.SUBSCRIPTION_EVENTS, late.toString(), new WeekSkipped(late, skipped), clock);
        ReminderTestSupport.send(Topics.SUBSCRIPTION_EVENTS, late.toString(),
                new MilestoneProgressed(late, "m1", ProgressState.DONE, today, clock.instant(), null), clock);
        ReminderTestSupport.awaitCount(2, "SELECT count(*) FROM waiting_event WHERE subscription_id = ?1", late);
        assertThat(ReminderTestSupport.count("SELECT count(*) FROM processed_event WHERE event_id IN "
                + "(SELECT event_id FROM waiting_event WHERE subscription_id = ?1)", late)).as("not applied yet, so not deduplicated away").isZero();

        // The activation comes last, as a replay of a dead-lettered record would bring it.
        ReminderTestSupport.send(Topics.SUBSCRIPTION_EVENTS, late.toString(), new SubscriptionActivated(late,
                new Learner("w-" + late + "@example.org", "W", "en"), roadmap, 1, ReminderTestSupport.PLAN, today, clock.instant()), clock);

        ReminderTestSupport.awaitCount(0, "SELECT count(*) FROM waiting_event WHERE subscription_id = ?1", late);
        assertThat(ReminderTestSupport.count("SELECT count(*) FROM skipped_week WHERE subscription_id = ?1 AND week_start = ?2", late, skipped))
                .isEqualTo(1);
        assertThat(ReminderTestSupport.count("SELECT count(*) FROM milestone_state WHERE subscription_id = ?1 AND state = 'DONE'", late))
                .isEqualTo(1);
    }

    /** Activation, then progress (IN_PROGRESS before DONE), two plan changes, a skip and a snooze: each a second apart. */
    private List<EventEnvelope<?>> history(UUID id, String roadmap) {
        LocalDate today = ReminderTestSupport.today(clock);
        WeeklyPlan berlin = new WeeklyPlan(java.time.ZoneId.of("Europe/Berlin"), ReminderTestSupport.PLAN.slots(),
                new NudgeMoment(DayOfWeek.WEDNESDAY, LocalTime.of(8, 0)));
        List<EventEnvelope<?>> events = new ArrayList<>();
        events.add(wrap(id, new SubscriptionActivated(id, new Learner("o-" + id + "@example.org", "O", "en"), roadmap, 1,
                ReminderTestSupport.PLAN, today, clock.instant())));
        events.add(wrap(id, new MilestoneProgressed(id, "m1", ProgressState.IN_PROGRESS, today, clock.instant(), null)));
        events.add(wrap(id, new MilestoneProgressed(id, "m1", ProgressState.DONE, today, clock.instant(), null)));
        events.add(wrap(id, new MilestoneProgressed(id, "m2", ProgressState.IN_PROGRESS, today, clock.instant(), null)));
        events.add(wrap(id, new PlanChanged(id, ReminderTestSupport.PLAN, null)));
        events.add(wrap(id, new PlanChanged(id, berlin, null)));
        events.add(wrap(id, new WeekSkipped(id, today.plusWeeks(3).with(java.time.temporal.TemporalAdjusters.previousOrSame(DayOfWeek.MONDAY)))));
        events.add(wrap(id, new Snoozed(id, today.plusWeeks(5), today.plusWeeks(5).plusDays(3), 3)));
        return events;
    }

    private EventEnvelope<?> wrap(UUID id, dev.stride.contracts.event.DomainEvent event) {
        EventEnvelope<?> envelope = EventEnvelope.wrap(StrideEvents.CATALOG, id.toString(), event, clock);
        clock.advance(Duration.ofSeconds(1));
        return envelope;
    }

    /** Everything the projection and ledger hold for a subscription, with its id taken out. */
    @SuppressWarnings("unchecked")
    private String state(UUID id) {
        return QuarkusTransaction.requiringNew().call(() -> String.join(" | ",
                rows("SELECT milestone_id || '=' || state FROM milestone_state WHERE subscription_id = ?1 ORDER BY 1", id),
                rows("SELECT status || ' ' || plan FROM subscription_projection WHERE subscription_id = ?1", id),
                rows("SELECT week_start::text FROM skipped_week WHERE subscription_id = ?1 ORDER BY 1", id),
                rows("SELECT kind || ' ' || starts_on || ' ' || coalesce(ends_before::text, '-') FROM plan_break WHERE subscription_id = ?1 ORDER BY 1", id),
                rows("SELECT week_start || ' ' || due_at || ' ' || status FROM nudge WHERE subscription_id = ?1 ORDER BY 1", id)));
    }

    @SuppressWarnings("unchecked")
    private String rows(String sql, UUID id) {
        return String.join(", ", (List<String>) em.createNativeQuery(sql).setParameter(1, id).getResultList());
    }
}
