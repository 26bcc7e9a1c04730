package dev.stride.reminder.scheduling;

import dev.stride.contracts.Topics;
import dev.stride.contracts.event.Learner;
import dev.stride.contracts.event.LearnerChanged;
import dev.stride.contracts.event.NudgeDue;
import dev.stride.contracts.event.StrideEvents;
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

import java.nio.charset.StandardCharsets;
import java.time.DayOfWeek;
import java.time.Duration;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZonedDateTime;
import java.time.temporal.TemporalAdjusters;
import java.util.List;
import java.util.UUID;
import java.util.function.Predicate;

import static dev.stride.reminder.ReminderTestSupport.PLAN;
import static dev.stride.reminder.ReminderTestSupport.ZONE;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * One weekly digest across a learner's roadmaps: the first part's moment brings the week's other parts along, each naming
 * the same digest; a learner who chose separate emails gets each at its own moment.
 */
@QuarkusTest
@WithTestResource(value = StrideInfraResource.class, scope = TestResourceScope.GLOBAL)
class DigestTest {

    /** The same slots as {@link ReminderTestSupport#PLAN}, nudged on Wednesday at 18:00. */
    private static final WeeklyPlan WEDNESDAY = new WeeklyPlan(ZONE, PLAN.slots(), new NudgeMoment(DayOfWeek.WEDNESDAY, LocalTime.of(18, 0)));

    @Inject
    AdjustableClock clock;

    @Inject
    EntityManager em;

    @Inject
    Dispatcher dispatcher;

    @Test
    void theFirstMomentOfTheWeekSendsEveryPartOfTheLearnersDigestAndTheLaterMomentNothingMore() {
        toSunday();
        String roadmap = ReminderTestSupport.publishRoadmap(10, 2, clock);
        String address = "Dana-" + UUID.randomUUID() + "@example.org";
        UUID monday = activate(roadmap, PLAN, new Learner(address, "Dana", "en"));
        UUID wednesday = activate(ReminderTestSupport.publishRoadmap(10, 2, clock), WEDNESDAY, new Learner(address.toLowerCase(), "Dana", "en"));
        Nudge first = pending(monday);
        Nudge later = pending(wednesday);
        LocalDate week = first.key.weekStart();
        assertThat(later.key.weekStart()).isEqualTo(week);
        assertThat(later.dueAt).isAfter(first.dueAt.plus(Duration.ofDays(2)));

        try (KafkaTestConsumer nudges = new KafkaTestConsumer(Topics.NUDGE_EVENTS, StrideEvents.CODEC)) {
            ReminderTestSupport.passDue(clock, first.dueAt);
            dispatcher.dispatchAll("digest", Dispatcher.AfterPublish.NOTHING);

            List<NudgeDue> sent = await(nudges, of(week, monday, wednesday), 2);
            assertThat(sent).extracting(NudgeDue::subscriptionId).containsExactlyInAnyOrder(monday, wednesday);
            NudgeDue.Digest digest = new NudgeDue.Digest(key(address, week), 2);
            assertThat(sent).allSatisfy(nudge -> {
                assertThat(nudge.kind()).isEqualTo(NudgeDue.Kind.WEEKLY);
                assertThat(nudge.weekStart()).isEqualTo(week);
                assertThat(nudge.digest()).isEqualTo(digest);
                assertThat(nudge.variant()).as("a digest part keeps the variant chosen for it").isNotNull();
            });
            assertThat(status(wednesday, week)).isEqualTo("SENT");
            assertThat(pending(monday).key.weekStart()).isEqualTo(week.plusWeeks(1));
            assertThat(pending(wednesday).key.weekStart()).isEqualTo(week.plusWeeks(1));
            assertThat(pending(wednesday).dueAt.atZone(ZONE).getDayOfWeek()).isEqualTo(DayOfWeek.WEDNESDAY);

            ReminderTestSupport.passDue(clock, later.dueAt);
            dispatcher.dispatchAll("digest", Dispatcher.AfterPublish.NOTHING);
            assertThat(nudges.settle(of(week, monday, wednesday), Duration.ofSeconds(2))).as("nothing more on Wednesday").hasSize(2);
        }
    }

    @Test
    void separateEmailsGoEachAtTheirOwnMomentUntilTheLearnerSwitchesToTheDigest() {
        toSunday();
        String address = "sam-" + UUID.randomUUID() + "@example.org";
        Learner separate = new Learner(address, "Sam", "en", true);
        UUID monday = activate(ReminderTestSupport.publishRoadmap(10, 2, clock), PLAN, separate);
        UUID wednesday = activate(ReminderTestSupport.publishRoadmap(10, 2, clock), WEDNESDAY, separate);
        Nudge first = pending(monday);
        Nudge later = pending(wednesday);
        LocalDate week = first.key.weekStart();

        try (KafkaTestConsumer nudges = new KafkaTestConsumer(Topics.NUDGE_EVENTS, StrideEvents.CODEC)) {
            ReminderTestSupport.passDue(clock, first.dueAt);
            dispatcher.dispatchAll("separate", Dispatcher.AfterPublish.NOTHING);
            assertThat(await(nudges, of(week, monday), 1)).singleElement().satisfies(nudge -> assertThat(nudge.digest()).isNull());
            assertThat(nudges.settle(of(week, wednesday), Duration.ofSeconds(2))).as("not before its own moment").isEmpty();
            assertThat(status(wednesday, week)).isEqualTo("PENDING");

            ReminderTestSupport.passDue(clock, later.dueAt);
            dispatcher.dispatchAll("separate", Dispatcher.AfterPublish.NOTHING);
            assertThat(await(nudges, of(week, wednesday), 1)).singleElement().satisfies(nudge -> {
                assertThat(nudge.digest()).isNull();
                assertThat(nudge.weekStart()).isEqualTo(week);
                assertThat(nudge.learner().wantsDigest()).isFalse();
            });
        }

        // The learner now wants one email: from the next week on, the nudges go together.
        Learner digest = new Learner(address, "Sam", "en", false);
        for (UUID id : List.of(monday, wednesday)) {
            ReminderTestSupport.send(Topics.SUBSCRIPTION_EVENTS, id.toString(), new LearnerChanged(id, digest), clock);
        }
        ReminderTestSupport.awaitCount(2, "SELECT count(*) FROM subscription_projection WHERE subscription_id IN (?1, ?2) AND NOT separate_emails",
                monday, wednesday);
        Nudge next = pending(monday);
        assertThat(next.key.weekStart()).isEqualTo(week.plusWeeks(1));
        try (KafkaTestConsumer nudges = new KafkaTestConsumer(Topics.NUDGE_EVENTS, StrideEvents.CODEC)) {
            ReminderTestSupport.passDue(clock, next.dueAt);
            dispatcher.dispatchAll("separate", Dispatcher.AfterPublish.NOTHING);
            assertThat(await(nudges, of(week.plusWeeks(1), monday, wednesday), 2)).extracting(NudgeDue::digest)
                    .containsOnly(new NudgeDue.Digest(key(address, week.plusWeeks(1)), 2));
        }
    }

    @Test
    void aLearnerWithOneRoadmapGetsAPlainEmail() {
        toSunday();
        UUID only = activate(ReminderTestSupport.publishRoadmap(10, 2, clock), PLAN, new Learner("one-" + UUID.randomUUID() + "@example.org", "O", "en"));
        try (KafkaTestConsumer nudges = new KafkaTestConsumer(Topics.NUDGE_EVENTS, StrideEvents.CODEC)) {
            Nudge pending = pending(only);
            ReminderTestSupport.passDue(clock, pending.dueAt);
            dispatcher.dispatchAll("single", Dispatcher.AfterPublish.NOTHING);
            NudgeDue nudge = await(nudges, of(pending.key.weekStart(), only), 1).get(0);
            assertThat(nudge.kind()).isEqualTo(NudgeDue.Kind.WEEKLY);
            assertThat(nudge.digest()).isNull();
        }
    }

    /** Moves the clock to the coming Sunday noon in the test zone: every moment of the next week is ahead. */
    private void toSunday() {
        ZonedDateTime now = clock.instant().atZone(ZONE);
        ZonedDateTime sunday = now.toLocalDate().with(TemporalAdjusters.next(DayOfWeek.SUNDAY)).atTime(12, 0).atZone(ZONE);
        clock.advance(Duration.between(now, sunday));
    }

    private UUID activate(String roadmap, WeeklyPlan plan, Learner learner) {
        UUID id = UUID.randomUUID();
        ReminderTestSupport.activate(id, learner, roadmap, plan, ReminderTestSupport.today(clock), clock);
        ReminderTestSupport.awaitCount(1, "SELECT count(*) FROM nudge WHERE subscription_id = ?1 AND status = 'PENDING'", id);
        return id;
    }

    private static UUID key(String address, LocalDate week) {
        return UUID.nameUUIDFromBytes(("digest:" + address.toLowerCase() + ":" + week).getBytes(StandardCharsets.UTF_8));
    }

    /** The nudges of these subscriptions for {@code week} (the test consumer reads the topic from its start). */
    private static Predicate<KafkaTestConsumer.Received> of(LocalDate week, UUID... subscriptions) {
        List<String> keys = java.util.Arrays.stream(subscriptions).map(UUID::toString).toList();
        return record -> keys.contains(record.key()) && ((NudgeDue) record.data()).weekStart().equals(week);
    }

    private static List<NudgeDue> await(KafkaTestConsumer nudges, Predicate<KafkaTestConsumer.Received> matching, int count) {
        List<KafkaTestConsumer.Received> received = nudges.await(matching, count, Duration.ofSeconds(20));
        assertThat(received).hasSize(count);
        return received.stream().map(record -> (NudgeDue) record.data()).toList();
    }

    private Nudge pending(UUID id) {
        return QuarkusTransaction.requiringNew().call(() -> em.createQuery("from Nudge where key.subscriptionId = ?1 and status = ?2", Nudge.class)
                .setParameter(1, id).setParameter(2, Nudge.Status.PENDING).getResultStream().findFirst()
                .orElseThrow(() -> new AssertionError("no pending nudge for " + id)));
    }

    private String status(UUID id, LocalDate week) {
        return QuarkusTransaction.requiringNew().call(() -> em.find(Nudge.class, new Nudge.Key(id, week)).status.name());
    }
}
