package dev.stride.reminder.scheduling;

import dev.stride.contracts.Topics;
import dev.stride.contracts.event.MilestoneProgressed;
import dev.stride.contracts.event.NudgeDue;
import dev.stride.contracts.event.PaceReset;
import dev.stride.contracts.event.PlanChanged;
import dev.stride.contracts.event.StrideEvents;
import dev.stride.contracts.link.LinkPurpose;
import dev.stride.contracts.link.LinkUrls;
import dev.stride.contracts.time.AdjustableClock;
import dev.stride.infra.testing.KafkaTestConsumer;
import dev.stride.infra.testing.StrideInfraResource;
import dev.stride.pacing.PaceBaseline;
import dev.stride.pacing.ProgressState;
import dev.stride.reminder.ReminderTestSupport;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.common.TestResourceScope;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import org.junit.jupiter.api.Test;

import java.math.BigDecimal;
import java.time.Duration;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

import static dev.stride.reminder.ReminderTestSupport.PLAN;
import static org.assertj.core.api.Assertions.assertThat;

/** Logged minutes, the pace's baseline and the re-plan link, from the events in to the NudgeDue out. */
@QuarkusTest
@WithTestResource(value = StrideInfraResource.class, scope = TestResourceScope.GLOBAL)
class PaceNudgeTest {

    @Inject
    AdjustableClock clock;

    @Inject
    EntityManager em;

    @Inject
    Dispatcher dispatcher;

    @Inject
    LinkUrls links;

    @Test
    void aLearnerBehindGetsTheReplanLinkAndAfterTheResetIsOnPlanWithout() {
        String roadmap = ReminderTestSupport.publishRoadmap(5, 2, clock);
        // Three weeks ago: at least two whole weeks after the start week have passed with one hour logged.
        UUID id = ReminderTestSupport.activate(roadmap, PLAN, ReminderTestSupport.today(clock).minusDays(21), clock);
        ReminderTestSupport.awaitCount(1, "SELECT count(*) FROM nudge WHERE subscription_id = ?1 AND status = 'PENDING'", id);
        ReminderTestSupport.send(Topics.SUBSCRIPTION_EVENTS, id.toString(),
                new MilestoneProgressed(id, "m1", ProgressState.IN_PROGRESS, ReminderTestSupport.today(clock), clock.instant(), 60), clock);
        ReminderTestSupport.awaitCount(1, "SELECT count(*) FROM milestone_state WHERE subscription_id = ?1 AND logged_minutes = 60", id);

        NudgeDue behind = dispatchOne(id);
        assertThat(behind.aheadMinutes()).isLessThanOrEqualTo(60 - 2 * 210);
        assertThat(behind.progress().doneHours()).isEqualTo(BigDecimal.ONE);
        assertThat(behind.focus().get(0)).extracting(NudgeDue.Focus::milestoneId, NudgeDue.Focus::minutesLeft).containsExactly("m1", 60);
        String replan = behind.links().replan();
        assertThat(replan).startsWith("http://localhost:8080/actions/");
        assertThat(links.signer().verify(replan.substring(replan.lastIndexOf('/') + 1, replan.indexOf('?')), LinkPurpose.REPLAN, id)).isNotNull();

        // The learner re-planned on the Monday of the next nudge's week: what they did is what is expected from then on.
        LocalDate nextWeek = pending(id).key.weekStart();
        ReminderTestSupport.send(Topics.SUBSCRIPTION_EVENTS, id.toString(), new PaceReset(id, new PaceBaseline(nextWeek, 60)), clock);
        ReminderTestSupport.awaitCount(1, "SELECT count(*) FROM subscription_projection WHERE subscription_id = ?1 AND pace_expected_minutes = 60", id);

        NudgeDue onPlan = dispatchOne(id);
        assertThat(onPlan.aheadMinutes()).isZero();
        assertThat(onPlan.links().replan()).as("no re-plan offered when on plan").isNull();
    }

    @Test
    void aPlanChangeWithoutABaselineFromBeforeBaselinesClearsIt() {
        UUID id = ReminderTestSupport.activate(ReminderTestSupport.publishRoadmap(5, 2, clock), PLAN, ReminderTestSupport.today(clock), clock);
        ReminderTestSupport.awaitCount(1, "SELECT count(*) FROM nudge WHERE subscription_id = ?1 AND status = 'PENDING'", id);
        LocalDate monday = pending(id).key.weekStart();
        ReminderTestSupport.send(Topics.SUBSCRIPTION_EVENTS, id.toString(), new PlanChanged(id, PLAN, new PaceBaseline(monday, 30)), clock);
        ReminderTestSupport.awaitCount(1, "SELECT count(*) FROM subscription_projection WHERE subscription_id = ?1 AND pace_from = ?2", id, monday);

        ReminderTestSupport.send(Topics.SUBSCRIPTION_EVENTS, id.toString(), new PlanChanged(id, PLAN, null), clock);
        ReminderTestSupport.awaitCount(1, "SELECT count(*) FROM subscription_projection WHERE subscription_id = ?1 AND pace_from IS NULL", id);
    }

    private NudgeDue dispatchOne(UUID id) {
        try (KafkaTestConsumer nudges = new KafkaTestConsumer(Topics.NUDGE_EVENTS, StrideEvents.CODEC)) {
            Nudge nudge = pending(id);
            ReminderTestSupport.passDue(clock, nudge.dueAt);
            dispatcher.dispatchAll("test", Dispatcher.AfterPublish.NOTHING);
            List<KafkaTestConsumer.Received> received = nudges.await(
                    r -> r.key().equals(id.toString()) && ((NudgeDue) r.data()).nudgeId().equals(nudge.nudgeId), 1, Duration.ofSeconds(20));
            assertThat(received).hasSize(1);
            return (NudgeDue) received.get(0).data();
        }
    }

    private Nudge pending(UUID id) {
        return QuarkusTransaction.requiringNew().call(() -> em.createQuery(
                        "from Nudge where key.subscriptionId = ?1 and status = ?2", Nudge.class)
                .setParameter(1, id).setParameter(2, Nudge.Status.PENDING).getResultStream().findFirst()
                .orElseThrow(() -> new AssertionError("no pending nudge for " + id)));
    }
}
