package dev.stride.reminder.scheduling;

import dev.stride.contracts.Topics;
import dev.stride.contracts.event.EventEnvelope;
import dev.stride.contracts.event.Learner;
import dev.stride.contracts.event.NudgeDue;
import dev.stride.contracts.event.PlanChanged;
import dev.stride.contracts.event.RoadmapPublished;
import dev.stride.contracts.event.StrideEvents;
import dev.stride.contracts.event.SubscriptionActivated;
import dev.stride.contracts.time.AdjustableClock;
import dev.stride.infra.testing.StrideInfraResource;
import dev.stride.reminder.ReminderTestSupport;
import io.quarkus.test.common.TestResourceScope;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import org.junit.jupiter.api.Test;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.temporal.TemporalAdjusters;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static dev.stride.reminder.ReminderTestSupport.PLAN;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * The learner's choices reach the email: a chosen optional milestone and a chosen branch are in the week's sessions, the
 * unchosen optional one and the branch's siblings are not; a changed choice (PlanChanged) changes the next nudge. The roadmap's
 * habit is laid too (the projection keeps it).
 */
@QuarkusTest
@WithTestResource(value = StrideInfraResource.class, scope = TestResourceScope.GLOBAL)
class ChoicesNudgeTest {

    @Inject
    AdjustableClock clock;

    @Inject
    EntityManager em;

    @Inject
    Dispatcher dispatcher;

    @Test
    void chosenWorkIsInTheNudgesSessionsAndUnchosenWorkIsNot() {
        String roadmap = publishRoadmapWithChoices();
        UUID chooser = activate(roadmap, List.of("extra", "course-b"));
        UUID defaults = activate(roadmap, null);

        NudgeDue chosen = NudgeSteps.dispatchOne(chooser, clock, dispatcher, em);
        NudgeDue asSuggested = NudgeSteps.dispatchOne(defaults, clock, dispatcher, em);

        assertThat(workIds(chosen)).containsExactlyInAnyOrder("basics", "extra", "course-b", "flashcards");
        assertThat(workIds(asSuggested)).containsExactlyInAnyOrder("basics", "course-a", "flashcards");
        assertThat(chosen.progress().totalMilestones()).isEqualTo(3);
        assertThat(asSuggested.progress().totalMilestones()).isEqualTo(2);
    }

    @Test
    void aChangedChoiceChangesTheNextNudgeAndAPlanChangeWithoutChoicesKeepsThem() {
        String roadmap = publishRoadmapWithChoices();
        UUID id = activate(roadmap, List.of("extra", "course-b"));
        assertThat(workIds(NudgeSteps.dispatchOne(id, clock, dispatcher, em))).contains("extra", "course-b");

        ReminderTestSupport.send(Topics.SUBSCRIPTION_EVENTS, id.toString(), new PlanChanged(id, PLAN, null, List.of("course-a")), clock);
        ReminderTestSupport.awaitCount(1, "SELECT count(*) FROM subscription_projection WHERE subscription_id = ?1 AND choices = '[\"course-a\"]'", id);
        EventEnvelope<?> withoutChoices = EventEnvelope.wrap(StrideEvents.CATALOG, id.toString(), new PlanChanged(id, PLAN, null), clock);
        ReminderTestSupport.send(Topics.SUBSCRIPTION_EVENTS, id.toString(), withoutChoices);
        ReminderTestSupport.awaitCount(1, "SELECT count(*) FROM processed_event WHERE event_id = ?1", withoutChoices.eventId());

        NudgeDue next = NudgeSteps.dispatchOne(id, clock, dispatcher, em);
        assertThat(workIds(next)).contains("basics", "course-a").doesNotContain("extra", "course-b");
        assertThat(ReminderTestSupport.count("SELECT count(*) FROM subscription_projection WHERE subscription_id = ?1 AND choices = '[\"course-a\"]'", id))
                .isEqualTo(1);
    }

    /** One phase: a required hour, an optional hour, a "choose one of" pair (a recommended) and a half-hour weekly habit: a week's plan holds it all. */
    private String publishRoadmapWithChoices() {
        String id = "rc-" + UUID.randomUUID().toString().substring(0, 8);
        List<RoadmapPublished.Milestone> milestones = List.of(
                milestone("basics", null, null, null),
                milestone("extra", true, null, null),
                milestone("course-a", null, "course", true),
                milestone("course-b", null, "course", null));
        ReminderTestSupport.send(Topics.ROADMAP_EVENTS, id, new RoadmapPublished(id, 1, "Choices", "A roadmap with choices", 3, 3, 6, milestones,
                List.of(new RoadmapPublished.Habit("flashcards", "Flashcards", "p", 30)), Map.of("learn", 100)), clock);
        ReminderTestSupport.awaitCount(1, "SELECT count(*) FROM roadmap_projection WHERE roadmap_id = ?1 AND habits IS NOT NULL", id);
        return id;
    }

    private static RoadmapPublished.Milestone milestone(String id, Boolean optional, String chooseOne, Boolean recommended) {
        return new RoadmapPublished.Milestone(id, "Title " + id, "Do " + id, "p", "Phase", "learn", BigDecimal.ONE, id + " works", List.of(),
                List.of(), optional, chooseOne, recommended, List.of());
    }

    /** Activated from next Monday, so the nudge's week holds both of the plan's slots whatever day the shared clock shows. */
    private UUID activate(String roadmap, List<String> choices) {
        UUID id = UUID.randomUUID();
        LocalDate monday = ReminderTestSupport.today(clock).with(TemporalAdjusters.next(java.time.DayOfWeek.MONDAY));
        ReminderTestSupport.send(Topics.SUBSCRIPTION_EVENTS, id.toString(), new SubscriptionActivated(id,
                new Learner("c-" + id + "@example.org", "Cho", "en"), roadmap, 1, PLAN, monday, clock.instant(), choices), clock);
        ReminderTestSupport.awaitCount(1, "SELECT count(*) FROM nudge WHERE subscription_id = ?1 AND status = 'PENDING'", id);
        return id;
    }

    private static List<String> workIds(NudgeDue nudge) {
        return nudge.sessions().stream().flatMap(s -> s.work().stream()).map(NudgeDue.Work::milestoneId).distinct().toList();
    }
}
