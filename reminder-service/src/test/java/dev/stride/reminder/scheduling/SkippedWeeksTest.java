package dev.stride.reminder.scheduling;

import dev.stride.contracts.Topics;
import dev.stride.contracts.event.NudgeDue;
import dev.stride.contracts.event.StrideEvents;
import dev.stride.contracts.event.WeekSkipped;
import dev.stride.contracts.event.WeekUnskipped;
import dev.stride.contracts.link.LinkPurpose;
import dev.stride.contracts.link.LinkToken;
import dev.stride.contracts.link.LinkUrls;
import dev.stride.contracts.time.AdjustableClock;
import dev.stride.infra.testing.KafkaTestConsumer;
import dev.stride.infra.testing.StrideInfraResource;
import dev.stride.pacing.NudgeMoment;
import dev.stride.pacing.WeeklyPlan;
import dev.stride.reminder.ReminderTestSupport;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.common.TestResourceScope;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import org.junit.jupiter.api.Test;

import java.sql.Date;
import java.time.DayOfWeek;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.util.List;
import java.util.UUID;

import static dev.stride.reminder.ReminderTestSupport.PLAN;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * Explicit weeks: a nudge's skip link names the nudge's own week (a Sunday nudge is about the next Monday's week),
 * future weeks skipped ahead (an away period is a run of them) get no nudge, and taking a skip back brings its nudge back.
 */
@QuarkusTest
@WithTestResource(value = StrideInfraResource.class, scope = TestResourceScope.GLOBAL)
class SkippedWeeksTest {

    private static final WeeklyPlan SUNDAY_NUDGE = new WeeklyPlan(ZoneId.of("Europe/Berlin"), PLAN.slots(),
            new NudgeMoment(DayOfWeek.SUNDAY, LocalTime.of(19, 0)));

    @Inject
    AdjustableClock clock;

    @Inject
    Dispatcher dispatcher;

    @Inject
    LinkUrls links;

    @Inject
    EntityManager em;

    @Test
    void futureSkippedWeeksGetNoNudgeAndTheSkipLinkNamesTheNudgesWeek() {
        UUID id = ReminderTestSupport.activate(ReminderTestSupport.publishRoadmap(5, 2, clock), SUNDAY_NUDGE, ReminderTestSupport.today(clock), clock);
        LocalDate first = awaitPendingWeek(id, null);
        // Away for the two weeks after the first: skipped ahead, before the first nudge went out.
        ReminderTestSupport.send(Topics.SUBSCRIPTION_EVENTS, id.toString(), new WeekSkipped(id, first.plusWeeks(1)), clock);
        ReminderTestSupport.send(Topics.SUBSCRIPTION_EVENTS, id.toString(), new WeekSkipped(id, first.plusWeeks(2)), clock);
        ReminderTestSupport.awaitCount(2, "SELECT count(*) FROM skipped_week WHERE subscription_id = ?1", id);

        try (KafkaTestConsumer nudges = new KafkaTestConsumer(Topics.NUDGE_EVENTS, StrideEvents.CODEC)) {
            ReminderTestSupport.passDue(clock, pendingDueAt(id));
            dispatcher.dispatchAll("test", Dispatcher.AfterPublish.NOTHING);
            NudgeDue nudge = (NudgeDue) nudges.await(KafkaTestConsumer.key(id.toString()), 1, Duration.ofSeconds(20)).get(0).data();
            assertThat(nudge.weekStart()).isEqualTo(first);
            String skip = nudge.links().skipWeek();
            LinkToken claims = links.signer().verify(skip.substring(skip.lastIndexOf('/') + 1, skip.indexOf('?')), LinkPurpose.SKIP_WEEK, id);
            assertThat(claims.week()).as("the Sunday nudge's skip link names the coming week, not the week it was sent in").contains(first);
        }

        assertThat(awaitPendingWeek(id, first.plusWeeks(3))).isEqualTo(first.plusWeeks(3));
        assertThat(ReminderTestSupport.count("SELECT count(*) FROM nudge WHERE subscription_id = ?1 AND week_start IN (?2, ?3)",
                id, Date.valueOf(first.plusWeeks(1)), Date.valueOf(first.plusWeeks(2)))).as("no nudge row for a skipped week").isZero();

        ReminderTestSupport.send(Topics.SUBSCRIPTION_EVENTS, id.toString(), new WeekUnskipped(id, first.plusWeeks(2)), clock);
        assertThat(awaitPendingWeek(id, first.plusWeeks(2))).as("the skip taken back: that week is nudged again").isEqualTo(first.plusWeeks(2));
        assertThat(ReminderTestSupport.count("SELECT count(*) FROM nudge WHERE subscription_id = ?1 AND week_start = ?2",
                id, Date.valueOf(first.plusWeeks(1)))).as("the week still skipped stays without a nudge").isZero();
    }

    /** The week of the subscription's one pending nudge, once it is {@code week} (any week when null). */
    private LocalDate awaitPendingWeek(UUID id, LocalDate week) {
        return await().atMost(Duration.ofSeconds(30)).until(() -> pendingWeeks(id),
                weeks -> weeks.size() == 1 && (week == null || weeks.get(0).equals(week))).get(0);
    }

    private List<LocalDate> pendingWeeks(UUID id) {
        return pending(id).stream().map(nudge -> nudge.key.weekStart()).toList();
    }

    private Instant pendingDueAt(UUID id) {
        return pending(id).get(0).dueAt;
    }

    private List<Nudge> pending(UUID id) {
        return QuarkusTransaction.requiringNew().call(() -> em.createQuery("from Nudge where key.subscriptionId = ?1 and status = ?2", Nudge.class)
                .setParameter(1, id).setParameter(2, Nudge.Status.PENDING).getResultList());
    }
}
