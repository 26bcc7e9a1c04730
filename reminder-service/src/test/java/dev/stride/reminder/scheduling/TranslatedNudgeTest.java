package dev.stride.reminder.scheduling;

import dev.stride.contracts.Topics;
import dev.stride.contracts.event.Learner;
import dev.stride.contracts.event.NudgeDue;
import dev.stride.contracts.event.RoadmapPublished;
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
 * Issue 17, text per locale: the NudgeDue a German learner's weekly email is made from words the roadmap in German where
 * its RoadmapPublished carries a translation (title, work and focus titles, doneWhen, steps, habit), in English where a key
 * has none; an English learner, and every learner of a roadmap published without translations, read the authored texts.
 */
@QuarkusTest
@WithTestResource(value = StrideInfraResource.class, scope = TestResourceScope.GLOBAL)
class TranslatedNudgeTest {

    private static final Map<String, Map<String, String>> GERMAN = Map.of("de", Map.of(
            "title", "Datenanalyse",
            "milestone.basics.title", "Grundlagen",
            "milestone.basics.doneWhen", "Du liest eine CSV-Datei ein",
            "milestone.basics.steps.0", "Lies die Einführung",
            "milestone.basics.steps.1", " ",
            "habit.flashcards.title", "Karteikarten"));

    @Inject
    AdjustableClock clock;

    @Inject
    EntityManager em;

    @Inject
    Dispatcher dispatcher;

    @Test
    void aGermanLearnersNudgeWordsTheRoadmapInGerman() {
        String roadmap = publish(GERMAN);
        NudgeDue nudge = NudgeSteps.dispatchOne(activate(roadmap, "de"), clock, dispatcher, em);

        assertThat(nudge.roadmapTitle()).isEqualTo("Datenanalyse");
        assertThat(workTitles(nudge)).containsExactlyInAnyOrder("Grundlagen", "Karteikarten");
        NudgeDue.Focus focus = basics(nudge);
        assertThat(focus.title()).isEqualTo("Grundlagen");
        assertThat(focus.doneWhen()).isEqualTo("Du liest eine CSV-Datei ein");
        // A blank translation falls back to the authored step.
        assertThat(focus.steps()).containsExactly("Lies die Einführung", "Write notes");
    }

    @Test
    void anEnglishLearnerOfTheSameRoadmapReadsTheAuthoredTexts() {
        String roadmap = publish(GERMAN);
        assertAuthored(NudgeSteps.dispatchOne(activate(roadmap, "en"), clock, dispatcher, em));
    }

    @Test
    void aRoadmapPublishedWithoutTranslationsStillNudgesAGermanLearnerInEnglish() {
        String roadmap = publish(null);
        assertThat(ReminderTestSupport.count("SELECT count(*) FROM roadmap_projection WHERE roadmap_id = ?1 AND translations IS NULL", roadmap))
                .isEqualTo(1);
        assertAuthored(NudgeSteps.dispatchOne(activate(roadmap, "de"), clock, dispatcher, em));
    }

    private static void assertAuthored(NudgeDue nudge) {
        assertThat(nudge.roadmapTitle()).isEqualTo("Data analysis");
        assertThat(workTitles(nudge)).containsExactlyInAnyOrder("Basics", "Flashcards");
        NudgeDue.Focus focus = basics(nudge);
        assertThat(focus.title()).isEqualTo("Basics");
        assertThat(focus.doneWhen()).isEqualTo("You read a CSV file");
        assertThat(focus.steps()).containsExactly("Read the intro", "Write notes");
    }

    /** One milestone of an hour with two steps and a half-hour weekly habit: a week's plan holds both. */
    private String publish(Map<String, Map<String, String>> translations) {
        String id = "rt-" + UUID.randomUUID().toString().substring(0, 8);
        RoadmapPublished.Milestone basics = new RoadmapPublished.Milestone("basics", "Basics", "Learn the basics", "p", "Phase", "learn",
                BigDecimal.ONE, "You read a CSV file", List.of("Read the intro", "Write notes"), List.of());
        ReminderTestSupport.send(Topics.ROADMAP_EVENTS, id, new RoadmapPublished(id, 1, "Data analysis", "A translated roadmap", 3, 3, 6,
                List.of(basics), List.of(new RoadmapPublished.Habit("flashcards", "Flashcards", "p", 30)), null, translations), clock);
        ReminderTestSupport.awaitCount(1, "SELECT count(*) FROM roadmap_projection WHERE roadmap_id = ?1", id);
        return id;
    }

    /** Activated from next Monday, so the nudge's week holds both of the plan's slots whatever day the shared clock shows. */
    private UUID activate(String roadmap, String locale) {
        UUID id = UUID.randomUUID();
        LocalDate monday = ReminderTestSupport.today(clock).with(TemporalAdjusters.next(java.time.DayOfWeek.MONDAY));
        ReminderTestSupport.send(Topics.SUBSCRIPTION_EVENTS, id.toString(), new SubscriptionActivated(id,
                new Learner("t-" + id + "@example.org", "Toni", locale), roadmap, 1, PLAN, monday, clock.instant()), clock);
        ReminderTestSupport.awaitCount(1, "SELECT count(*) FROM nudge WHERE subscription_id = ?1 AND status = 'PENDING'", id);
        return id;
    }

    private static NudgeDue.Focus basics(NudgeDue nudge) {
        assertThat(nudge.focus()).extracting(NudgeDue.Focus::milestoneId).containsExactly("basics");
        return nudge.focus().get(0);
    }

    private static List<String> workTitles(NudgeDue nudge) {
        return nudge.sessions().stream().flatMap(s -> s.work().stream()).map(NudgeDue.Work::milestoneTitle).distinct().toList();
    }
}
