package dev.stride.reminder.scheduling;

import dev.stride.contracts.Topics;
import dev.stride.contracts.event.Learner;
import dev.stride.contracts.event.MilestoneProgressed;
import dev.stride.contracts.event.NudgeDue;
import dev.stride.contracts.event.StrideEvents;
import dev.stride.contracts.event.Unsubscribed;
import dev.stride.contracts.event.WeekSkipped;
import dev.stride.contracts.time.AdjustableClock;
import dev.stride.infra.testing.KafkaTestConsumer;
import dev.stride.infra.testing.StrideInfraResource;
import dev.stride.pacing.ProgressState;
import dev.stride.reminder.ReminderTestSupport;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.common.TestResourceScope;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

import static dev.stride.reminder.ReminderTestSupport.PLAN;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * A week whose nudge is due but not yet dispatched when the learner acts: it is still sent, with the new state, or
 * settled with the reason the action gives; and a row that keeps failing for a reason of its own is parked.
 */
@QuarkusTest
@WithTestResource(value = StrideInfraResource.class, scope = TestResourceScope.GLOBAL)
class DueRowTest {

    @Inject
    AdjustableClock clock;

    @Inject
    EntityManager em;

    @Inject
    Dispatcher dispatcher;

    @Inject
    ReminderSettings settings;

    @Test
    void progressBetweenTheDueMinuteAndDispatchStillSendsThatWeekWithTheProgressCounted() {
        UUID id = activate();
        Nudge due = pending(id);
        passDue(due);
        ReminderTestSupport.send(Topics.SUBSCRIPTION_EVENTS, id.toString(),
                new MilestoneProgressed(id, "m1", ProgressState.DONE, ReminderTestSupport.today(clock), clock.instant(), null), clock);
        ReminderTestSupport.awaitCount(1, "SELECT count(*) FROM milestone_state WHERE subscription_id = ?1 AND state = 'DONE'", id);
        assertThat(row(id, due.key.weekStart()).status).as("the due week stays in the ledger").isEqualTo(Nudge.Status.PENDING);

        try (KafkaTestConsumer nudges = new KafkaTestConsumer(Topics.NUDGE_EVENTS, StrideEvents.CODEC)) {
            dispatcher.dispatchAll("test", Dispatcher.AfterPublish.NOTHING);
            List<KafkaTestConsumer.Received> received = nudges.await(KafkaTestConsumer.key(id.toString()), 1, Duration.ofSeconds(20));
            NudgeDue nudge = (NudgeDue) received.get(0).data();
            assertThat(nudge.weekStart()).isEqualTo(due.key.weekStart());
            assertThat(nudge.progress().doneMilestones()).isEqualTo(1);
        }
        assertThat(row(id, due.key.weekStart()).status).isEqualTo(Nudge.Status.SENT);
        assertThat(pending(id).key.weekStart()).isEqualTo(due.key.weekStart().plusWeeks(1));
    }

    @Test
    void skippingTheDueWeekSettlesItWithTheReasonAndSchedulesTheNext() {
        UUID id = activate();
        Nudge due = pending(id);
        passDue(due);
        ReminderTestSupport.send(Topics.SUBSCRIPTION_EVENTS, id.toString(), new WeekSkipped(id, due.key.weekStart()), clock);

        await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> assertThat(row(id, due.key.weekStart()).status).isEqualTo(Nudge.Status.CANCELLED));
        assertThat(row(id, due.key.weekStart()).settledReason).isEqualTo("skipped");
        assertThat(pending(id).key.weekStart()).isEqualTo(due.key.weekStart().plusWeeks(1));
    }

    @Test
    void unsubscribingAfterTheDueMinuteSettlesTheWeekAsUnsubscribed() {
        String roadmap = ReminderTestSupport.publishRoadmap(5, 2, clock);
        UUID id = activate(roadmap);
        Nudge due = pending(id);
        passDue(due);
        ReminderTestSupport.send(Topics.SUBSCRIPTION_EVENTS, id.toString(), new Unsubscribed(id, new Learner("l-" + id + "@example.org", "Lee", "en"),
                roadmap, "Roadmap", "http://localhost/resubscribe", clock.instant(), null), clock);

        await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> assertThat(row(id, due.key.weekStart()).settledReason).isEqualTo("unsubscribed"));
        assertThat(row(id, due.key.weekStart()).status).isEqualTo(Nudge.Status.CANCELLED);
    }

    @Test
    void aRowThatCannotBeBuiltIsParkedWithItsErrorAfterTheAttemptLimitWhileTheRestOfItsBatchGoesOut() {
        UUID broken = activate();
        UUID healthy = activate();
        QuarkusTransaction.requiringNew().run(() -> em.createNativeQuery("UPDATE subscription_projection SET plan = '{broken' WHERE subscription_id = ?1")
                .setParameter(1, broken).executeUpdate());
        Nudge due = pending(broken);
        passDue(due);
        passDue(pending(healthy));

        for (int attempt = 1; attempt <= settings.dispatch().maxAttempts(); attempt++) {
            assertThat(row(broken, due.key.weekStart()).status).as("attempt %d", attempt).isEqualTo(Nudge.Status.PENDING);
            dispatcher.dispatchAll("test", Dispatcher.AfterPublish.NOTHING);
            clock.advance(settings.dispatch().retryAfter().plusSeconds(1));
        }

        Nudge parked = row(broken, due.key.weekStart());
        assertThat(parked.status).isEqualTo(Nudge.Status.PARKED);
        assertThat(parked.attempts).isEqualTo(settings.dispatch().maxAttempts());
        assertThat(parked.lastError).isNotBlank();
        assertThat(ReminderTestSupport.count("SELECT count(*) FROM nudge WHERE subscription_id = ?1 AND status = 'SENT'", healthy)).isEqualTo(1);
    }

    private UUID activate() {
        return activate(ReminderTestSupport.publishRoadmap(5, 2, clock));
    }

    private UUID activate(String roadmap) {
        UUID id = ReminderTestSupport.activate(roadmap, PLAN, ReminderTestSupport.today(clock), clock);
        ReminderTestSupport.awaitCount(1, "SELECT count(*) FROM nudge WHERE subscription_id = ?1 AND status = 'PENDING'", id);
        return id;
    }

    private void passDue(Nudge nudge) {
        ReminderTestSupport.passDue(clock, nudge.dueAt);
    }

    private Nudge pending(UUID id) {
        return QuarkusTransaction.requiringNew().call(() -> em.createQuery(
                        "from Nudge where key.subscriptionId = ?1 and status = ?2 order by key.weekStart desc", Nudge.class)
                .setParameter(1, id).setParameter(2, Nudge.Status.PENDING).setMaxResults(1).getResultStream().findFirst()
                .orElseThrow(() -> new AssertionError("no pending nudge for " + id)));
    }

    private Nudge row(UUID id, LocalDate week) {
        return QuarkusTransaction.requiringNew().call(() -> em.find(Nudge.class, new Nudge.Key(id, week)));
    }
}
