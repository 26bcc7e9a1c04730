package dev.stride.reminder.scheduling;

import dev.stride.contracts.Topics;
import dev.stride.contracts.event.MilestoneProgressed;
import dev.stride.contracts.event.NudgeDue;
import dev.stride.contracts.event.Paused;
import dev.stride.contracts.event.PlanChanged;
import dev.stride.contracts.event.Resumed;
import dev.stride.contracts.event.RoadmapRetired;
import dev.stride.contracts.event.Snoozed;
import dev.stride.contracts.event.StrideEvents;
import dev.stride.contracts.event.Unsubscribed;
import dev.stride.contracts.event.WeekSkipped;
import dev.stride.contracts.link.LinkPurpose;
import dev.stride.contracts.link.LinkUrls;
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
import org.junit.jupiter.api.Test;

import java.time.DayOfWeek;
import java.time.Duration;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZonedDateTime;
import java.util.List;
import java.util.UUID;

import static dev.stride.reminder.ReminderTestSupport.PLAN;
import static dev.stride.reminder.ReminderTestSupport.ZONE;
import static org.assertj.core.api.Assertions.assertThat;

/** Events in, ledger rows out, and exactly one NudgeDue per subscription-week once the clock passes its moment. */
@QuarkusTest
@WithTestResource(value = StrideInfraResource.class, scope = TestResourceScope.GLOBAL)
class NudgeFlowTest {

    @Inject
    AdjustableClock clock;

    @Inject
    EntityManager em;

    @Inject
    Dispatcher dispatcher;

    @Inject
    LinkUrls links;

    @Test
    void anActivatedSubscriptionGetsOneNudgePerWeekWithTheWeeksPlan() {
        String roadmap = ReminderTestSupport.publishRoadmap(5, 2, clock);
        UUID id = activate(roadmap, PLAN);
        Nudge first = pending(id);
        assertThat(first.dueAt.atZone(ZONE).toLocalTime()).isEqualTo(LocalTime.of(7, 30));
        assertThat(first.dueAt.atZone(ZONE).getDayOfWeek()).isEqualTo(DayOfWeek.MONDAY);
        assertThat(first.nudgeId).isEqualTo(Nudge.idOf(id, first.key.weekStart()));

        try (KafkaTestConsumer nudges = new KafkaTestConsumer(Topics.NUDGE_EVENTS, StrideEvents.CODEC)) {
            dispatcher.dispatchAll("early", Dispatcher.AfterPublish.NOTHING);
            assertThat(nudges.settle(KafkaTestConsumer.key(id.toString()), Duration.ofSeconds(1))).as("nothing before it is due").isEmpty();

            passDue(first);
            dispatcher.dispatchAll("test", Dispatcher.AfterPublish.NOTHING);
            dispatcher.dispatchAll("test", Dispatcher.AfterPublish.NOTHING);

            List<KafkaTestConsumer.Received> received = nudges.await(KafkaTestConsumer.key(id.toString()), 1, Duration.ofSeconds(20));
            assertThat(nudges.settle(KafkaTestConsumer.key(id.toString()), Duration.ofSeconds(1))).hasSize(1);
            NudgeDue nudge = (NudgeDue) received.get(0).data();
            assertThat(nudge.nudgeId()).isEqualTo(first.nudgeId);
            assertThat(nudge.kind()).isEqualTo(NudgeDue.Kind.WEEKLY);
            assertThat(nudge.learner().email()).isEqualTo("l-" + id + "@example.org");
            assertThat(nudge.zone()).isEqualTo("America/New_York");
            assertThat(nudge.weekStart()).isEqualTo(first.key.weekStart());
            assertThat(nudge.weekEnd()).isEqualTo(first.key.weekStart().plusDays(6));
            assertThat(nudge.sessions()).extracting(NudgeDue.PlannedSession::date, NudgeDue.PlannedSession::start, NudgeDue.PlannedSession::minutes)
                    .containsExactly(org.assertj.core.groups.Tuple.tuple(first.key.weekStart().plusDays(1), LocalTime.of(18, 0), 90),
                            org.assertj.core.groups.Tuple.tuple(first.key.weekStart().plusDays(5), LocalTime.of(9, 30), 120));
            assertThat(nudge.sessions().get(0).work()).containsExactly(new NudgeDue.Work("m1", "Milestone 1", 90));
            assertThat(nudge.sessions().get(1).work()).containsExactly(new NudgeDue.Work("m1", "Milestone 1", 30), new NudgeDue.Work("m2", "Milestone 2", 90));
            assertThat(nudge.focus()).extracting(NudgeDue.Focus::milestoneId, NudgeDue.Focus::minutesThisWeek).containsExactly(
                    org.assertj.core.groups.Tuple.tuple("m1", 120), org.assertj.core.groups.Tuple.tuple("m2", 90));
            assertThat(nudge.focus().get(0).doneWhen()).isEqualTo("Part 1 works");
            assertThat(nudge.focus().get(0).steps()).containsExactly("Start part 1", "Finish part 1");
            String markDone = nudge.focus().get(0).markDoneUrl();
            assertThat(links.signer().verify(markDone.substring(markDone.lastIndexOf('/') + 1, markDone.indexOf('?')), LinkPurpose.MARK_DONE, id).subject()).contains("m1");
            assertThat(nudge.progress()).isEqualTo(new NudgeDue.Progress(0, 5, java.math.BigDecimal.ZERO, java.math.BigDecimal.valueOf(10), 0));
            assertThat(nudge.projectedFinish()).isNotNull();
            assertThat(nudge.links().unsubscribe()).startsWith("http://localhost:8080/unsubscribe/").as("RFC 8058: no attribution").doesNotContain("?");
            assertThat(markDone).as("the email's links name their nudge").endsWith("?n=" + nudge.nudgeId());
            assertThat(nudge.links().manage()).endsWith("?n=" + nudge.nudgeId());
            assertThat(nudge.links().calendar()).endsWith("?n=" + nudge.nudgeId());
            assertThat(nudge.cadence().fortnightly()).isFalse();
        }
        Nudge second = pending(id);
        assertThat(second.key.weekStart()).isEqualTo(first.key.weekStart().plusWeeks(1));
        assertThat(status(id, first.key.weekStart())).isEqualTo("SENT");
    }

    @Test
    void progressMovesTheNextNudgeOn() {
        String roadmap = ReminderTestSupport.publishRoadmap(5, 2, clock);
        UUID id = activate(roadmap, PLAN);
        ReminderTestSupport.send(Topics.SUBSCRIPTION_EVENTS, id.toString(),
                new MilestoneProgressed(id, "m1", ProgressState.DONE, ReminderTestSupport.today(clock), clock.instant(), null), clock);
        ReminderTestSupport.awaitCount(1, "SELECT count(*) FROM milestone_state WHERE subscription_id = ?1 AND state = 'DONE'", id);

        NudgeDue nudge = dispatchOne(id);
        assertThat(nudge.focus()).extracting(NudgeDue.Focus::milestoneId).startsWith("m2").doesNotContain("m1");
        assertThat(nudge.progress().doneMilestones()).isEqualTo(1);
        assertThat(nudge.progress().percent()).isEqualTo(20);
    }

    @Test
    void aSkippedWeekGetsNoNudge() {
        UUID id = activate(ReminderTestSupport.publishRoadmap(5, 2, clock), PLAN);
        LocalDate week = pending(id).key.weekStart();

        ReminderTestSupport.send(Topics.SUBSCRIPTION_EVENTS, id.toString(), new WeekSkipped(id, week), clock);

        awaitPendingWeek(id, week.plusWeeks(1));
    }

    @Test
    void aSnoozeOverTheNudgeMomentMovesItToTheNextWeek() {
        UUID id = activate(ReminderTestSupport.publishRoadmap(5, 2, clock), PLAN);
        Nudge nudge = pending(id);
        LocalDate nudgeDate = nudge.dueAt.atZone(ZONE).toLocalDate();

        ReminderTestSupport.send(Topics.SUBSCRIPTION_EVENTS, id.toString(), new Snoozed(id, nudgeDate.minusDays(1), nudgeDate.plusDays(2), 3), clock);

        awaitPendingWeek(id, nudge.key.weekStart().plusWeeks(1));
    }

    @Test
    void pauseCancelsAndResumeReschedules() {
        UUID id = activate(ReminderTestSupport.publishRoadmap(5, 2, clock), PLAN);
        LocalDate week = pending(id).key.weekStart();
        LocalDate today = ReminderTestSupport.today(clock);

        ReminderTestSupport.send(Topics.SUBSCRIPTION_EVENTS, id.toString(), new Paused(id, today), clock);
        ReminderTestSupport.awaitCount(1, "SELECT count(*) FROM nudge WHERE subscription_id = ?1 AND status = 'CANCELLED'", id);
        assertThat(ReminderTestSupport.count("SELECT count(*) FROM nudge WHERE subscription_id = ?1 AND status = 'PENDING'", id)).isZero();

        ReminderTestSupport.send(Topics.SUBSCRIPTION_EVENTS, id.toString(), new Resumed(id, today), clock);
        awaitPendingWeek(id, week);
    }

    @Test
    void aPlanChangeMovesTheNudgeToTheNewMoment() {
        UUID id = activate(ReminderTestSupport.publishRoadmap(5, 2, clock), PLAN);
        pending(id);
        WeeklyPlan evenings = new WeeklyPlan(java.time.ZoneId.of("Europe/Berlin"), PLAN.slots(), new NudgeMoment(DayOfWeek.WEDNESDAY, LocalTime.of(19, 0)));

        ReminderTestSupport.send(Topics.SUBSCRIPTION_EVENTS, id.toString(), new PlanChanged(id, evenings, null), clock);

        org.awaitility.Awaitility.await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> {
            ZonedDateTime due = pending(id).dueAt.atZone(java.time.ZoneId.of("Europe/Berlin"));
            assertThat(due.getDayOfWeek()).isEqualTo(DayOfWeek.WEDNESDAY);
            assertThat(due.toLocalTime()).isEqualTo(LocalTime.of(19, 0));
        });
    }

    @Test
    void unsubscribingCancelsTheNudgeForGood() {
        UUID id = activate(ReminderTestSupport.publishRoadmap(5, 2, clock), PLAN);
        Nudge nudge = pending(id);

        ReminderTestSupport.send(Topics.SUBSCRIPTION_EVENTS, id.toString(),
                new Unsubscribed(id, new dev.stride.contracts.event.Learner("x@example.org", "X", "en"), "r", "R", "https://x", clock.instant(), null), clock);
        ReminderTestSupport.awaitCount(1, "SELECT count(*) FROM nudge WHERE subscription_id = ?1 AND status = 'CANCELLED'", id);

        try (KafkaTestConsumer nudges = new KafkaTestConsumer(Topics.NUDGE_EVENTS, StrideEvents.CODEC)) {
            passDue(nudge);
            dispatcher.dispatchAll("test", Dispatcher.AfterPublish.NOTHING);
            assertThat(nudges.settle(KafkaTestConsumer.key(id.toString()), Duration.ofSeconds(2))).isEmpty();
        }
    }

    @Test
    void aRoadmapRevisionChangesWhatTheNextNudgeHolds() {
        String roadmap = ReminderTestSupport.publishRoadmap(5, 2, clock);
        UUID id = activate(roadmap, PLAN);
        var revised = ReminderTestSupport.roadmap(roadmap, 2, 5, 2);
        var milestones = new java.util.ArrayList<>(revised.milestones());
        milestones.add(0, new dev.stride.contracts.event.RoadmapPublished.Milestone("intro", "A new introduction", "Start here", "phase", "Phase",
                "learn", java.math.BigDecimal.ONE, "Read it", List.of(), List.of()));
        ReminderTestSupport.send(Topics.ROADMAP_EVENTS, roadmap, new dev.stride.contracts.event.RoadmapPublished(roadmap, 2, revised.title(),
                revised.summary(), 3, 3, 6, milestones), clock);
        ReminderTestSupport.awaitCount(1, "SELECT count(*) FROM roadmap_projection WHERE roadmap_id = ?1 AND version = 2", roadmap);

        NudgeDue nudge = dispatchOne(id);
        assertThat(nudge.sessions().get(0).work().get(0)).isEqualTo(new NudgeDue.Work("intro", "A new introduction", 60));
        assertThat(nudge.progress().totalMilestones()).isEqualTo(6);
    }

    @Test
    void retiringTheRoadmapCancelsItsNudges() {
        String roadmap = ReminderTestSupport.publishRoadmap(5, 2, clock);
        UUID id = activate(roadmap, PLAN);
        pending(id);

        ReminderTestSupport.send(Topics.ROADMAP_EVENTS, roadmap, new RoadmapRetired(roadmap, 1), clock);

        ReminderTestSupport.awaitCount(1, "SELECT count(*) FROM nudge WHERE subscription_id = ?1 AND status = 'CANCELLED'", id);
        assertThat(ReminderTestSupport.count("SELECT count(*) FROM nudge WHERE subscription_id = ?1 AND status = 'PENDING'", id)).isZero();
    }

    @Test
    void aNudgeFoundFarPastDueIsExpiredAndTheNextWeekScheduled() {
        UUID id = activate(ReminderTestSupport.publishRoadmap(5, 2, clock), PLAN);
        Nudge nudge = pending(id);
        clock.advance(Duration.between(clock.instant(), nudge.dueAt).plus(Duration.ofHours(7)));

        try (KafkaTestConsumer nudges = new KafkaTestConsumer(Topics.NUDGE_EVENTS, StrideEvents.CODEC)) {
            dispatcher.dispatchAll("late", Dispatcher.AfterPublish.NOTHING);
            assertThat(nudges.settle(KafkaTestConsumer.key(id.toString()), Duration.ofSeconds(2))).as("not sent late").isEmpty();
        }
        assertThat(status(id, nudge.key.weekStart())).isEqualTo("EXPIRED");
        assertThat(pending(id).key.weekStart()).isEqualTo(nudge.key.weekStart().plusWeeks(1));
    }

    @Test
    void finishingEverythingSendsACongratulationAndNothingAfter() {
        String roadmap = ReminderTestSupport.publishRoadmap(2, 1, clock);
        UUID id = activate(roadmap, PLAN);
        for (String milestone : List.of("m1", "m2")) {
            ReminderTestSupport.send(Topics.SUBSCRIPTION_EVENTS, id.toString(),
                    new MilestoneProgressed(id, milestone, ProgressState.DONE, ReminderTestSupport.today(clock), clock.instant(), null), clock);
        }
        ReminderTestSupport.awaitCount(2, "SELECT count(*) FROM milestone_state WHERE subscription_id = ?1 AND state = 'DONE'", id);

        NudgeDue nudge = dispatchOne(id);
        assertThat(nudge.kind()).isEqualTo(NudgeDue.Kind.COMPLETED);
        assertThat(nudge.progress().percent()).isEqualTo(100);
        assertThat(ReminderTestSupport.count("SELECT count(*) FROM nudge WHERE subscription_id = ?1 AND status = 'PENDING'", id)).isZero();
    }

    @Test
    void nudgesWithoutProgressBackOffToFortnightlyAndProgressBringsWeeklyBack() {
        UUID id = activate(ReminderTestSupport.publishRoadmap(20, 4, clock), PLAN);
        for (int i = 0; i < 3; i++) {
            dispatchOne(id);
        }
        Nudge afterThreeIdle = pending(id);
        LocalDate lastSent = QuarkusTransaction.requiringNew().call(() -> em.createQuery(
                "select max(n.key.weekStart) from Nudge n where n.key.subscriptionId = ?1 and n.status = ?2", LocalDate.class)
                .setParameter(1, id).setParameter(2, Nudge.Status.SENT).getSingleResult());
        assertThat(afterThreeIdle.fortnightly).isTrue();
        assertThat(afterThreeIdle.key.weekStart()).isEqualTo(lastSent.plusWeeks(2));

        ReminderTestSupport.send(Topics.SUBSCRIPTION_EVENTS, id.toString(),
                new MilestoneProgressed(id, "m1", ProgressState.IN_PROGRESS, ReminderTestSupport.today(clock), clock.instant(), null), clock);
        org.awaitility.Awaitility.await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> assertThat(pending(id).fortnightly).isFalse());
    }

    private UUID activate(String roadmap, WeeklyPlan plan) {
        UUID id = ReminderTestSupport.activate(roadmap, plan, ReminderTestSupport.today(clock), clock);
        ReminderTestSupport.awaitCount(1, "SELECT count(*) FROM nudge WHERE subscription_id = ?1 AND status = 'PENDING'", id);
        return id;
    }

    private NudgeDue dispatchOne(UUID id) {
        return NudgeSteps.dispatchOne(id, clock, dispatcher, em);
    }

    private void passDue(Nudge nudge) {
        ReminderTestSupport.passDue(clock, nudge.dueAt);
    }

    private Nudge pending(UUID id) {
        return NudgeSteps.pending(id, em);
    }

    private void awaitPendingWeek(UUID id, LocalDate week) {
        org.awaitility.Awaitility.await().atMost(Duration.ofSeconds(30))
                .untilAsserted(() -> assertThat(pending(id).key.weekStart()).isEqualTo(week));
    }

    private String status(UUID id, LocalDate week) {
        return QuarkusTransaction.requiringNew().call(() -> em.find(Nudge.class, new Nudge.Key(id, week)).status.name());
    }
}
