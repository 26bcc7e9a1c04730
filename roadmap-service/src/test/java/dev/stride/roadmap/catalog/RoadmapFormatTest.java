package dev.stride.roadmap.catalog;

import dev.stride.roadmap.problem.FieldError;
import dev.stride.roadmap.problem.FieldErrorCode;
import org.junit.jupiter.api.Test;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

/** Format 2's rules, each with the path it names (RoadmapValidator and the rule classes beside it). */
class RoadmapFormatTest {

    @Test
    void aFullFormatTwoDocumentIsValid() {
        assertThat(RoadmapValidator.validate(full())).isEmpty();
    }

    @Test
    void aFormatOneDocumentStaysValid() {
        RoadmapDocument full = full();
        RoadmapDocument plain = new RoadmapDocument(full.id(), 1, full.title(), full.summary(), null, 2, full.suggestedWeeklyHours(),
                List.of(phase("basics", List.of(milestone("a", 10), milestone("b", 10)), null),
                        phase("projects", List.of(milestone("c", 20)), null)));
        assertThat(RoadmapValidator.validate(plain)).isEmpty();
    }

    @Test
    void difficultyRolesAndBackgroundsComeFromTheirLists() {
        RoadmapDocument doc = top(full(), "difficulty", "expert", "roles", List.of("ml-engineer", "prompt-whisperer"),
                "backgrounds", List.of("graduate", "graduate"));
        assertThat(fields(doc)).containsExactlyInAnyOrder("difficulty", "roles[1]", "backgrounds[1]");
    }

    @Test
    void everyFaqEntryNeedsQuestionAndAnswer() {
        RoadmapDocument doc = top(full(), "faq", List.of(new RoadmapDocument.Faq("Why?", "Because."), new RoadmapDocument.Faq("How long?", " ")));
        assertThat(fields(doc)).containsExactly("faq[1].answer");
    }

    @Test
    void theWeeklyMixUsesMilestoneKindsAndAddsUpToOneHundred() {
        assertThat(fields(top(full(), "weeklyMix", mix("reading", 50, "project", 50)))).containsExactly("weeklyMix.reading");
        assertThat(fields(top(full(), "weeklyMix", mix("learn", 120, "project", 0)))).containsExactly("weeklyMix.learn");
        assertThat(errors(top(full(), "weeklyMix", mix("learn", 60, "project", 30))))
                .extracting(FieldError::field, FieldError::message).containsExactly(tuple("weeklyMix", "the percentages add up to 90, not 100"));
    }

    @Test
    void nextNamesOtherRoadmapsByWellFormedIds() {
        assertThat(fields(top(full(), "next", List.of("Next Roadmap", "format-test", "ml-mastery-path", "ml-mastery-path"))))
                .containsExactly("next[0]", "next[1]", "next[3]");
    }

    @Test
    void habitsHaveIdsOfTheirOwnATitleAndFiveToSixHundredMinutes() {
        RoadmapDocument doc = withPhases(full(),
                phase("basics", List.of(milestone("a", 10), milestone("b", 10)), List.of(habit("papers", "Read papers", 60), habit("a", "Clash", 30))),
                phase("projects", List.of(milestone("c", 20)), List.of(habit("papers", "Again", 60), habit("blog", " ", 4), habit("news", "News", 601))));
        assertThat(fields(doc)).containsExactlyInAnyOrder("phases[0].habits[1].id", "phases[1].habits[0].id", "phases[1].habits[1].title",
                "phases[1].habits[1].minutesPerWeek", "phases[1].habits[2].minutesPerWeek");
    }

    @Test
    void prerequisitesMustExistNotBeItselfNorComeInALaterPhase() {
        RoadmapDocument doc = withPhases(full(),
                phase("basics", List.of(milestone("a", 10), requiring(milestone("b", 10), "missing", "b", "c")), null),
                phase("projects", List.of(requiring(milestone("c", 20), "a")), null));
        assertThat(fields(doc)).containsExactly("phases[0].milestones[1].requires[0]", "phases[0].milestones[1].requires[1]",
                "phases[0].milestones[1].requires[2]");
    }

    @Test
    void aCycleIsReportedWithItsPath() {
        RoadmapDocument doc = withPhases(full(),
                phase("basics", List.of(requiring(milestone("a", 10), "b"), requiring(milestone("b", 10), "a")), null),
                phase("projects", List.of(requiring(milestone("c", 20), "a")), null));
        assertThat(errors(doc)).extracting(FieldError::field, FieldError::message).containsExactly(tuple("phases[0].milestones[0].requires[0]",
                "prerequisites go round in a circle: a -> b -> a"));
    }

    @Test
    void aLongerCycleNamesEveryStep() {
        RoadmapDocument doc = withPhases(full(),
                phase("basics", List.of(requiring(milestone("a", 10), "c"), requiring(milestone("b", 10), "a"),
                        requiring(milestone("c", 20), "b")), null));
        assertThat(errors(doc)).extracting(FieldError::message).containsExactly("prerequisites go round in a circle: a -> c -> b -> a");
    }

    @Test
    void aChoiceHasTwoOrMoreMembersInOnePhaseAndOneRecommendedPick() {
        RoadmapDocument doc = withPhases(full(),
                phase("basics", List.of(choice(milestone("a", 10), "tool", true), choice(milestone("b", 10), "tool", true),
                        choice(milestone("solo", 5), "alone", false)), null),
                phase("projects", List.of(choice(milestone("c", 20), "tool", false)), null));
        assertThat(fields(doc)).containsExactlyInAnyOrder("phases[0].milestones[2].chooseOne", "phases[0].milestones[1].recommended",
                "phases[1].milestones[0].chooseOne");
    }

    @Test
    void recommendedOnlyInsideAGroupAndOptionalNotInOne() {
        RoadmapDocument.Milestone both = new RoadmapDocument.Milestone("b", "B", "Do b.", "practice", BigDecimal.TEN, "Done.", null, null,
                true, "pick", null, null);
        RoadmapDocument.Milestone loneRecommended = new RoadmapDocument.Milestone("c", "C", "Do c.", "project", BigDecimal.valueOf(20), "Done.",
                null, null, null, null, true, null);
        RoadmapDocument doc = withPhases(full(),
                phase("basics", List.of(choice(milestone("a", 10), "pick", false), both), null),
                phase("projects", List.of(loneRecommended), null));
        assertThat(fields(doc)).containsExactlyInAnyOrder("phases[0].milestones[1].optional", "phases[1].milestones[0].recommended");
    }

    @Test
    void aResourceWithoutUrlSaysWhatItIsAndTypesComeFromTheList() {
        RoadmapDocument.Milestone withResources = new RoadmapDocument.Milestone("a", "A", "Do a.", "learn", BigDecimal.TEN, "Done.", null,
                List.of(new RoadmapDocument.Resource("A book", null, null), new RoadmapDocument.Resource("A podcast", "https://example.org", "podcast"),
                        new RoadmapDocument.Resource("A cert", null, "certification")), null, null, null, null);
        RoadmapDocument doc = withPhases(full(), phase("basics", List.of(withResources, milestone("b", 10)), null),
                phase("projects", List.of(milestone("c", 20)), null));
        assertThat(fields(doc)).containsExactly("phases[0].milestones[0].resources[0].type", "phases[0].milestones[0].resources[1].type");
    }

    @Test
    void translationsAreGermanAndNameWhatExists() {
        Map<String, Map<String, String>> translations = new LinkedHashMap<>();
        translations.put("de", new LinkedHashMap<>(Map.of("milestone.zzz.title", "Gibt es nicht")));
        translations.get("de").put("phase.basics.colour", "Blau");
        translations.get("de").put("habit.papers.title", " ");
        translations.put("fr", Map.of("title", "Feuille de route"));
        assertThat(fields(top(full(), "translations", translations))).containsExactlyInAnyOrder("translations.de[\"milestone.zzz.title\"]",
                "translations.de[\"phase.basics.colour\"]", "translations.de[\"habit.papers.title\"]", "translations.fr");
    }

    @Test
    void aRecipeStepIsTranslatedByItsPositionInAMilestoneThatHasIt() {
        RoadmapDocument.Milestone recipe = new RoadmapDocument.Milestone("a", "A", "Do a.", "project", BigDecimal.TEN, "Done.",
                List.of("Load the data.", "Train a model."), null, null, null, null, null);
        Map<String, String> german = new LinkedHashMap<>();
        german.put("milestone.a.steps.1", "Trainiere ein Modell.");
        german.put("milestone.a.steps.2", "Diesen Schritt gibt es nicht");
        german.put("milestone.b.steps.0", "b hat keine Schritte");
        german.put("milestone.zzz.steps.0", "Diesen Meilenstein gibt es nicht");
        german.put("milestone.a.steps.x", "Kein Index");
        RoadmapDocument doc = top(withPhases(full(), phase("basics", List.of(recipe, milestone("b", 10)), null),
                phase("projects", List.of(milestone("c", 20)), null)), "translations", Map.of("de", german));
        assertThat(errors(doc)).extracting(FieldError::field, FieldError::code).containsExactlyInAnyOrder(
                tuple("translations.de[\"milestone.a.steps.2\"]", FieldErrorCode.TRANSLATION_NO_ENTRY),
                tuple("translations.de[\"milestone.b.steps.0\"]", FieldErrorCode.TRANSLATION_NO_ENTRY),
                tuple("translations.de[\"milestone.zzz.steps.0\"]", FieldErrorCode.TRANSLATION_NO_PART),
                tuple("translations.de[\"milestone.a.steps.x\"]", FieldErrorCode.TRANSLATION_KEY));
        german.put("milestone.a.steps.0", "L".repeat(RoadmapValidator.STEP_MAX + 1));
        assertThat(fields(top(doc, "translations", Map.of("de", Map.of("milestone.a.steps.0", german.get("milestone.a.steps.0"))))))
                .containsExactly("translations.de[\"milestone.a.steps.0\"]");
    }

    @Test
    void optionalMilestonesAndTheOtherChoicesDoNotCountTowardsTheDuration() {
        RoadmapDocument.Milestone extra = new RoadmapDocument.Milestone("extra", "Extra", "More.", "learn", BigDecimal.valueOf(150), "Done.",
                null, null, true, null, null, null);
        RoadmapDocument doc = withPhases(full(),
                phase("basics", List.of(choice(milestone("a", 20), "tool", true), choice(milestone("b", 100), "tool", false), extra), null),
                phase("projects", List.of(milestone("c", 20)), null));
        assertThat(RoadmapValidator.validate(doc)).isEmpty();
        assertThat(RoadmapOutline.of(doc)).isEqualTo(new RoadmapOutline(2, 4, 2, new BigDecimal("40"), new BigDecimal("290"), 0));
        RoadmapDocument tooLong = withPhases(full(),
                phase("basics", List.of(choice(milestone("a", 20), "tool", false), choice(milestone("b", 100), "tool", true)), null),
                phase("projects", List.of(milestone("c", 20)), null));
        assertThat(fields(tooLong)).containsExactly("phases");
    }

    // A valid format-2 document: 2 months at 5 h a week, 40 h in play.
    static RoadmapDocument full() {
        return new RoadmapDocument("format-test", 1, "Format test", "Every field.", "A roadmap for tests.", 2,
                new RoadmapDocument.WeeklyHours(5, 10),
                List.of(phase("basics", List.of(milestone("a", 10), requiring(milestone("b", 10), "a")), List.of(habit("papers", "Read papers", 60))),
                        phase("projects", List.of(requiring(milestone("c", 20), "a", "b")), null)),
                "beginner", List.of("ml-engineer", "data-scientist"), List.of("graduate", "self-taught"), List.of("Curious programmers"),
                List.of("A first ML job"), "Notebooks and reviews.", "It takes months.", List.of(new RoadmapDocument.Faq("Maths?", "Some.")),
                List.of("ml-mastery-path"), mix("learn", 50, "practice", 20, "project", 30),
                Map.of("de", Map.of("title", "Formattest", "milestone.a.title", "A", "phase.basics.summary", "Grundlagen", "habit.papers.title", "Papers lesen")));
    }

    static RoadmapDocument.Phase phase(String id, List<RoadmapDocument.Milestone> milestones, List<RoadmapDocument.Habit> habits) {
        return new RoadmapDocument.Phase(id, "Phase " + id, null, "About " + id + ".", milestones, habits);
    }

    static RoadmapDocument.Milestone milestone(String id, int hours) {
        String kind = hours == 20 ? "project" : "learn";
        return new RoadmapDocument.Milestone(id, "Milestone " + id, "Do " + id + ".", kind, BigDecimal.valueOf(hours), "Done.",
                null, null, null, null, null, null);
    }

    static RoadmapDocument.Milestone requiring(RoadmapDocument.Milestone m, String... requires) {
        return new RoadmapDocument.Milestone(m.id(), m.title(), m.description(), m.kind(), m.hours(), m.doneWhen(), null, null,
                m.optional(), m.chooseOne(), m.recommended(), List.of(requires));
    }

    static RoadmapDocument.Milestone choice(RoadmapDocument.Milestone m, String group, boolean recommended) {
        return new RoadmapDocument.Milestone(m.id(), m.title(), m.description(), m.kind(), m.hours(), m.doneWhen(), null, null,
                null, group, recommended ? Boolean.TRUE : null, m.requires());
    }

    static RoadmapDocument.Habit habit(String id, String title, int minutes) {
        return new RoadmapDocument.Habit(id, title, null, minutes);
    }

    private static Map<String, Integer> mix(Object... kindsAndShares) {
        Map<String, Integer> mix = new LinkedHashMap<>();
        for (int i = 0; i < kindsAndShares.length; i += 2) {
            mix.put((String) kindsAndShares[i], (Integer) kindsAndShares[i + 1]);
        }
        return mix;
    }

    private static RoadmapDocument withPhases(RoadmapDocument d, RoadmapDocument.Phase... phases) {
        return new RoadmapDocument(d.id(), d.version(), d.title(), d.summary(), d.description(), d.durationMonths(), d.suggestedWeeklyHours(),
                List.of(phases), d.difficulty(), d.roles(), d.backgrounds(), d.audience(), d.outcomes(), d.dayToDay(), d.realityCheck(),
                d.faq(), d.next(), d.weeklyMix(), null);
    }

    /** The document with some roadmap-level fields replaced (name, value, ...). */
    @SuppressWarnings("unchecked")
    private static RoadmapDocument top(RoadmapDocument d, Object... namesAndValues) {
        Map<String, Object> v = new LinkedHashMap<>();
        for (int i = 0; i < namesAndValues.length; i += 2) {
            v.put((String) namesAndValues[i], namesAndValues[i + 1]);
        }
        return new RoadmapDocument(d.id(), d.version(), d.title(), d.summary(), d.description(), d.durationMonths(), d.suggestedWeeklyHours(),
                d.phases(), (String) v.getOrDefault("difficulty", d.difficulty()), (List<String>) v.getOrDefault("roles", d.roles()),
                (List<String>) v.getOrDefault("backgrounds", d.backgrounds()), d.audience(), d.outcomes(), d.dayToDay(), d.realityCheck(),
                (List<RoadmapDocument.Faq>) v.getOrDefault("faq", d.faq()), (List<String>) v.getOrDefault("next", d.next()),
                (Map<String, Integer>) v.getOrDefault("weeklyMix", d.weeklyMix()),
                (Map<String, Map<String, String>>) v.getOrDefault("translations", d.translations()));
    }

    private static List<FieldError> errors(RoadmapDocument doc) {
        return new ArrayList<>(RoadmapValidator.validate(doc));
    }

    private static List<String> fields(RoadmapDocument doc) {
        return errors(doc).stream().map(FieldError::field).toList();
    }
}
