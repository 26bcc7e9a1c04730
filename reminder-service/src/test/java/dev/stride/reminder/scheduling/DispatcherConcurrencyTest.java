package dev.stride.reminder.scheduling;

import dev.stride.contracts.Topics;
import dev.stride.contracts.event.NudgeDue;
import dev.stride.contracts.event.StrideEvents;
import dev.stride.contracts.time.AdjustableClock;
import dev.stride.infra.testing.KafkaTestConsumer;
import dev.stride.infra.testing.StrideInfraResource;
import dev.stride.reminder.ReminderTestSupport;
import dev.stride.reminder.projection.Projections;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.common.TestResourceScope;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.stream.Collectors;

import static org.assertj.core.api.Assertions.assertThat;

@QuarkusTest
@WithTestResource(value = StrideInfraResource.class, scope = TestResourceScope.GLOBAL)
class DispatcherConcurrencyTest {

    private static final int ROWS = 10_000;

    @Inject
    AdjustableClock clock;

    @Inject
    EntityManager em;

    @Inject
    Dispatcher dispatcher;

    @Test
    void twoDispatchersOverTenThousandDueRowsPublishEachOnce() throws Exception {
        String roadmap = ReminderTestSupport.publishRoadmap(3, 2, clock);
        ReminderTestSupport.awaitCount(1, "SELECT count(*) FROM roadmap_projection WHERE roadmap_id = ?1", roadmap);
        String batch = UUID.randomUUID().toString().substring(0, 8);
        LocalDate week = NudgeCalendar.mondayOf(ReminderTestSupport.today(clock));
        Instant due = clock.instant().minusSeconds(60);
        QuarkusTransaction.requiringNew().run(() -> {
            em.createNativeQuery("""
                            INSERT INTO subscription_projection (subscription_id, email, display_name, locale, roadmap_id, status, status_at,
                                                                 plan, plan_at, start_date)
                            SELECT gen_random_uuid(), 'bulk-' || ?1 || '-' || n || '@example.org', 'Bulk', 'en', ?2, 'ACTIVE', ?3, ?4, ?3, ?5
                            FROM generate_series(1, ?6) AS n""")
                    .setParameter(1, batch).setParameter(2, roadmap).setParameter(3, clock.instant())
                    .setParameter(4, Projections.json(ReminderTestSupport.PLAN)).setParameter(5, week).setParameter(6, ROWS).executeUpdate();
            em.createNativeQuery("""
                            INSERT INTO nudge (subscription_id, week_start, nudge_id, due_at, status)
                            SELECT subscription_id, ?1, gen_random_uuid(), ?2, 'PENDING' FROM subscription_projection WHERE email LIKE ?3""")
                    .setParameter(1, week).setParameter(2, due).setParameter(3, "bulk-" + batch + "-%").executeUpdate();
        });
        @SuppressWarnings("unchecked")
        Map<String, UUID> expected = QuarkusTransaction.requiringNew().call(() -> ((List<Object[]>) em.createNativeQuery("""
                        SELECT n.subscription_id, n.nudge_id FROM nudge n JOIN subscription_projection s USING (subscription_id)
                        WHERE s.email LIKE ?1""").setParameter(1, "bulk-" + batch + "-%").getResultList())
                .stream().collect(Collectors.toMap(row -> row[0].toString(), row -> (UUID) row[1])));
        assertThat(expected).hasSize(ROWS);

        try (KafkaTestConsumer nudges = new KafkaTestConsumer(Topics.NUDGE_EVENTS, StrideEvents.CODEC)) {
            ExecutorService threads = Executors.newFixedThreadPool(2);
            try {
                List<Callable<Integer>> dispatchers = List.of(
                        () -> dispatcher.dispatchAll("dispatcher-a", Dispatcher.AfterPublish.NOTHING),
                        () -> dispatcher.dispatchAll("dispatcher-b", Dispatcher.AfterPublish.NOTHING));
                int claimed = 0;
                for (Future<Integer> done : threads.invokeAll(dispatchers)) {
                    claimed += done.get();
                }
                assertThat(claimed).as("claims over both dispatchers").isGreaterThanOrEqualTo(ROWS);
            } finally {
                threads.shutdown();
            }

            Set<String> keys = expected.keySet();
            nudges.await(record -> keys.contains(record.key()), ROWS, Duration.ofSeconds(120));
            List<KafkaTestConsumer.Received> ours = nudges.settle(record -> keys.contains(record.key()), Duration.ofSeconds(2));
            Map<UUID, Long> perNudge = ours.stream().collect(Collectors.groupingBy(r -> ((NudgeDue) r.data()).nudgeId(), Collectors.counting()));
            assertThat(ours).as("every row published, none twice").hasSize(ROWS);
            assertThat(perNudge).hasSize(ROWS).allSatisfy((nudge, count) -> assertThat(count).isEqualTo(1));
            Map<String, UUID> published = new HashMap<>();
            ours.forEach(r -> published.put(r.key(), ((NudgeDue) r.data()).nudgeId()));
            assertThat(published).isEqualTo(expected);
        }
        assertThat(ReminderTestSupport.count("""
                SELECT count(*) FROM nudge n JOIN subscription_projection s USING (subscription_id)
                WHERE s.email LIKE ?1 AND n.status = 'SENT'""", "bulk-" + batch + "-%")).isEqualTo(ROWS);
        // The bulk learners leave, so later tests moving the clock do not dispatch their next 10,000 weeks.
        QuarkusTransaction.requiringNew().run(() -> {
            em.createNativeQuery("""
                    UPDATE nudge SET status = 'CANCELLED' WHERE status = 'PENDING'
                    AND subscription_id IN (SELECT subscription_id FROM subscription_projection WHERE email LIKE ?1)""")
                    .setParameter(1, "bulk-" + batch + "-%").executeUpdate();
            em.createNativeQuery("UPDATE subscription_projection SET status = 'UNSUBSCRIBED' WHERE email LIKE ?1")
                    .setParameter(1, "bulk-" + batch + "-%").executeUpdate();
        });
    }

    @Test
    void anInstanceDyingBetweenPublishAndMarkHasItsNudgePublishedAgainWithTheSameId() {
        String roadmap = ReminderTestSupport.publishRoadmap(3, 2, clock);
        UUID id = ReminderTestSupport.activate(roadmap, ReminderTestSupport.PLAN, ReminderTestSupport.today(clock), clock);
        ReminderTestSupport.awaitCount(1, "SELECT count(*) FROM nudge WHERE subscription_id = ?1 AND status = 'PENDING'", id);
        Nudge nudge = QuarkusTransaction.requiringNew().call(() -> em.createQuery("from Nudge where key.subscriptionId = ?1 and status = ?2", Nudge.class)
                .setParameter(1, id).setParameter(2, Nudge.Status.PENDING).getSingleResult());
        clock.advance(Duration.between(clock.instant(), nudge.dueAt.plusSeconds(1)));

        try (KafkaTestConsumer nudges = new KafkaTestConsumer(Topics.NUDGE_EVENTS, StrideEvents.CODEC)) {
            dispatcher.dispatchAll("doomed", key -> {
                throw new IllegalStateException("instance killed after publishing " + key);
            });
            assertThat(nudges.await(KafkaTestConsumer.key(id.toString()), 1, Duration.ofSeconds(20))).hasSize(1);
            assertThat(ReminderTestSupport.count("SELECT count(*) FROM nudge WHERE subscription_id = ?1 AND status = 'PENDING'", id)).isEqualTo(1);

            dispatcher.dispatchAll("survivor", Dispatcher.AfterPublish.NOTHING);
            assertThat(nudges.settle(KafkaTestConsumer.key(id.toString()), Duration.ofSeconds(1))).as("the lease still holds").hasSize(1);

            clock.advance(Duration.ofSeconds(61));
            dispatcher.dispatchAll("survivor", Dispatcher.AfterPublish.NOTHING);

            List<KafkaTestConsumer.Received> received = nudges.await(KafkaTestConsumer.key(id.toString()), 2, Duration.ofSeconds(20));
            assertThat(received).hasSize(2);
            assertThat(received).extracting(r -> ((NudgeDue) r.data()).nudgeId()).containsOnly(nudge.nudgeId);
            assertThat(received).extracting(r -> ((NudgeDue) r.data()).variant()).as("the republished nudge keeps the variant chosen first")
                    .doesNotContainNull().containsOnly(((NudgeDue) received.get(0).data()).variant());
        }
        assertThat(QuarkusTransaction.requiringNew().call(() -> em.find(Nudge.class, nudge.key).status)).isEqualTo(Nudge.Status.SENT);
    }
}
