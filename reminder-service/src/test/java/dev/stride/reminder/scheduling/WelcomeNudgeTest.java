package dev.stride.reminder.scheduling;

import dev.stride.contracts.Topics;
import dev.stride.contracts.event.NudgeDue;
import dev.stride.contracts.event.StrideEvents;
import dev.stride.contracts.time.AdjustableClock;
import dev.stride.infra.testing.KafkaTestConsumer;
import dev.stride.infra.testing.StrideInfraResource;
import dev.stride.reminder.ReminderTestSupport;
import io.quarkus.test.common.TestResourceScope;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import org.junit.jupiter.api.Test;

import java.time.DayOfWeek;
import java.time.Duration;
import java.time.LocalDate;
import java.time.temporal.TemporalAdjusters;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static dev.stride.reminder.ReminderTestSupport.PLAN;
import static org.assertj.core.api.Assertions.assertThat;

/** A first activation gets the welcome at once: the start week's sessions, as week 1; the weekly rhythm goes on after it. */
@QuarkusTest
@TestProfile(WelcomeNudgeTest.WelcomeOn.class)
@WithTestResource(value = StrideInfraResource.class, scope = TestResourceScope.GLOBAL)
class WelcomeNudgeTest {

    public static class WelcomeOn implements QuarkusTestProfile {
        @Override
        public Map<String, String> getConfigOverrides() {
            return Map.of("stride.reminder.welcome", "true");
        }
    }

    @Inject
    AdjustableClock clock;

    @Inject
    Dispatcher dispatcher;

    @Inject
    EntityManager em;

    @Inject
    ReminderSettings settings;

    @Test
    void theWelcomeListsTheStartWeeksSessionsAtOnceAndTheNextNudgeIsWeekTwo() {
        String roadmap = ReminderTestSupport.publishRoadmap(5, 2, clock);
        LocalDate today = ReminderTestSupport.today(clock);
        LocalDate startWeek = today.with(TemporalAdjusters.previousOrSame(DayOfWeek.MONDAY));
        try (KafkaTestConsumer nudges = new KafkaTestConsumer(Topics.NUDGE_EVENTS, StrideEvents.CODEC)) {
            UUID id = ReminderTestSupport.activate(roadmap, PLAN, today, clock);
            ReminderTestSupport.awaitCount(1, "SELECT count(*) FROM nudge WHERE subscription_id = ?1 AND welcome AND status = 'PENDING'", id);
            dispatcher.dispatchAll("test", Dispatcher.AfterPublish.NOTHING);

            List<KafkaTestConsumer.Received> received = nudges.await(KafkaTestConsumer.key(id.toString()), 1, Duration.ofSeconds(20));
            NudgeDue welcome = (NudgeDue) received.get(0).data();
            assertThat(welcome.kind()).isEqualTo(NudgeDue.Kind.WELCOME);
            assertThat(welcome.weekNumber()).isEqualTo(1);
            assertThat(welcome.weekStart()).isEqualTo(startWeek);
            // Tuesday 90 and Saturday 120 minutes from today on, within the start week.
            assertThat(welcome.sessions()).allSatisfy(session -> assertThat(session.date()).isBetween(today, startWeek.plusDays(6)));
            assertThat(welcome.aheadMinutes()).as("nobody is behind in their first week").isZero();
            assertThat(nudges.settle(KafkaTestConsumer.key(id.toString()), Duration.ofSeconds(1))).as("one welcome").hasSize(1);
            ReminderTestSupport.awaitCount(1, "SELECT count(*) FROM nudge WHERE subscription_id = ?1 AND status = 'PENDING' AND NOT welcome "
                    + "AND week_start = ?2", id, startWeek.plusWeeks(1));
        }
    }

    @Test
    void theWelcomeDoesNotCountTowardTheBackOffOnlyTheWeeklyNudgesDo() {
        UUID id = ReminderTestSupport.activate(ReminderTestSupport.publishRoadmap(20, 4, clock), PLAN, ReminderTestSupport.today(clock), clock);
        ReminderTestSupport.awaitCount(1, "SELECT count(*) FROM nudge WHERE subscription_id = ?1 AND welcome AND status = 'PENDING'", id);
        assertThat(NudgeSteps.dispatchOne(id, clock, dispatcher, em).kind()).isEqualTo(NudgeDue.Kind.WELCOME);
        int backOffAfter = settings.fatigue().idleNudgesBeforeBackOff();

        for (int weekly = 1; weekly < backOffAfter; weekly++) {
            NudgeDue nudge = NudgeSteps.dispatchOne(id, clock, dispatcher, em);
            assertThat(nudge.kind()).isEqualTo(NudgeDue.Kind.WEEKLY);
            assertThat(nudge.cadence().idleNudges()).as("weekly nudge %d: the welcome is not counted", weekly).isEqualTo(weekly - 1);
            assertThat(NudgeSteps.pending(id, em).fortnightly).as("after %d weekly nudges and the welcome", weekly).isFalse();
        }
        Nudge last = NudgeSteps.pending(id, em);
        NudgeSteps.dispatchOne(id, clock, dispatcher, em);
        Nudge next = NudgeSteps.pending(id, em);
        assertThat(next.fortnightly).as("after %d weekly nudges without progress", backOffAfter).isTrue();
        assertThat(next.key.weekStart()).isEqualTo(last.key.weekStart().plusWeeks(2));
    }
}
