package dev.stride.reminder.retention;

import dev.stride.contracts.Topics;
import dev.stride.contracts.event.EventEnvelope;
import dev.stride.contracts.event.Learner;
import dev.stride.contracts.event.LearnerErased;
import dev.stride.contracts.event.PlanChanged;
import dev.stride.contracts.event.StrideEvents;
import dev.stride.contracts.event.SubscriptionActivated;
import dev.stride.contracts.privacy.Addresses;
import dev.stride.contracts.time.AdjustableClock;
import dev.stride.infra.testing.StrideInfraResource;
import dev.stride.reminder.ReminderTestSupport;
import io.micrometer.core.instrument.MeterRegistry;
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
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static dev.stride.reminder.ReminderTestSupport.count;
import static org.assertj.core.api.Assertions.assertThat;

@QuarkusTest
@WithTestResource(value = StrideInfraResource.class, scope = TestResourceScope.GLOBAL)
class ReminderRetentionTest {

    @Inject
    AdjustableClock clock;

    @Inject
    EntityManager em;

    @Inject
    RetentionJob retention;

    @Inject
    MeterRegistry registry;

    @Test
    void anErasureDeletesTheSubscriptionsRowsAndALateEventDoesNotBringThemBack() {
        String roadmap = ReminderTestSupport.publishRoadmap(5, 2, clock);
        UUID erased = ReminderTestSupport.activate(roadmap, ReminderTestSupport.PLAN, ReminderTestSupport.today(clock), clock);
        UUID kept = ReminderTestSupport.activate(roadmap, ReminderTestSupport.PLAN, ReminderTestSupport.today(clock), clock);
        ReminderTestSupport.awaitCount(1, "SELECT count(*) FROM nudge WHERE subscription_id = ?1 AND status = 'PENDING'", erased);
        ReminderTestSupport.awaitCount(1, "SELECT count(*) FROM nudge WHERE subscription_id = ?1 AND status = 'PENDING'", kept);

        ReminderTestSupport.send(Topics.SUBSCRIPTION_EVENTS, erased.toString(),
                new LearnerErased(UUID.randomUUID(), Addresses.hash("l-" + erased + "@example.org"), List.of(erased), clock.instant()), clock);
        ReminderTestSupport.awaitCount(1, "SELECT count(*) FROM erased_subscription WHERE subscription_id = ?1", erased);
        assertThat(count("SELECT count(*) FROM subscription_projection WHERE subscription_id = ?1", erased)).isZero();
        assertThat(count("SELECT count(*) FROM nudge WHERE subscription_id = ?1", erased)).isZero();
        assertThat(count("SELECT count(*) FROM subscription_projection WHERE subscription_id = ?1", kept)).isOne();

        // A replayed activation and a plan change that were still in flight: applied as nothing, nothing waits.
        EventEnvelope<?> late = EventEnvelope.wrap(StrideEvents.CATALOG, erased.toString(), new PlanChanged(erased, ReminderTestSupport.PLAN, null), clock);
        ReminderTestSupport.send(Topics.SUBSCRIPTION_EVENTS, erased.toString(), new SubscriptionActivated(erased,
                new Learner("l-" + erased + "@example.org", "Lee", "en"), roadmap, 1, ReminderTestSupport.PLAN, ReminderTestSupport.today(clock),
                clock.instant()), clock);
        ReminderTestSupport.send(Topics.SUBSCRIPTION_EVENTS, erased.toString(), late);
        ReminderTestSupport.awaitCount(1, "SELECT count(*) FROM processed_event WHERE event_id = ?1", late.eventId());
        assertThat(count("SELECT count(*) FROM subscription_projection WHERE subscription_id = ?1", erased)).isZero();
        assertThat(count("SELECT count(*) FROM nudge WHERE subscription_id = ?1", erased)).isZero();
        assertThat(count("SELECT count(*) FROM waiting_event WHERE subscription_id = ?1", erased)).isZero();
    }

    @Test
    void retentionRemovesOldProcessedIdsAndSettledNudgesButNeverAPendingOne() {
        Instant now = clock.instant();
        UUID oldEvent = UUID.randomUUID();
        UUID recentEvent = UUID.randomUUID();
        UUID subscription = UUID.randomUUID();
        LocalDate longAgo = LocalDate.ofInstant(now.minus(Duration.ofDays(420)), java.time.ZoneOffset.UTC);
        QuarkusTransaction.requiringNew().run(() -> {
            insertProcessed(oldEvent, now.minus(Duration.ofDays(31)));
            insertProcessed(recentEvent, now.minus(Duration.ofDays(29)));
            insertNudge(subscription, longAgo, "SENT", now.minus(Duration.ofDays(420)));
            insertNudge(subscription, longAgo.plusWeeks(1), "PENDING", now.minus(Duration.ofDays(413)));
            insertNudge(subscription, longAgo.plusWeeks(40), "SENT", now.minus(Duration.ofDays(140)));
        });
        double processedBefore = removed("processed_event");
        double nudgesBefore = removed("nudge");

        Map<String, Long> removed = retention.run();

        assertThat(count("SELECT count(*) FROM processed_event WHERE event_id = ?1", oldEvent)).isZero();
        assertThat(count("SELECT count(*) FROM processed_event WHERE event_id = ?1", recentEvent)).isOne();
        assertThat(count("SELECT count(*) FROM nudge WHERE subscription_id = ?1 AND status = 'SENT'", subscription)).isOne();
        assertThat(count("SELECT count(*) FROM nudge WHERE subscription_id = ?1 AND status = 'PENDING'", subscription)).isOne();
        assertThat(removed.get("processed_event")).isGreaterThanOrEqualTo(1);
        assertThat(removed.get("nudge")).isGreaterThanOrEqualTo(1);
        assertThat(removed("processed_event") - processedBefore).isEqualTo(removed.get("processed_event").doubleValue());
        assertThat(removed("nudge") - nudgesBefore).isEqualTo(removed.get("nudge").doubleValue());
    }

    private double removed(String table) {
        return registry.counter("stride.retention.removed", "table", table).count();
    }

    private void insertProcessed(UUID eventId, Instant at) {
        em.createNativeQuery("INSERT INTO processed_event (event_id, event_type, processed_at) VALUES (?1, 'Test', ?2)")
                .setParameter(1, eventId).setParameter(2, at).executeUpdate();
    }

    private void insertNudge(UUID subscription, LocalDate week, String status, Instant dueAt) {
        em.createNativeQuery("INSERT INTO nudge (subscription_id, week_start, nudge_id, due_at, status) VALUES (?1, ?2, ?3, ?4, ?5)")
                .setParameter(1, subscription).setParameter(2, week).setParameter(3, UUID.randomUUID()).setParameter(4, dueAt)
                .setParameter(5, status).executeUpdate();
    }
}
