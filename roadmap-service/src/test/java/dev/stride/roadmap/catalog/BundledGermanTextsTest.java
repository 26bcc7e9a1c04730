package dev.stride.roadmap.catalog;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A German learner reads every bundled roadmap in German: each text the document has, under each key
 * {@link TranslationRules} accepts for it, has a German translation that is not blank and not the English again.
 */
class BundledGermanTextsTest {

    /**
     * Texts whose German is rightly the English, keyed {@code roadmap-id/key}: titles that are course names, which a
     * learner must find on Coursera or Udemy as written ("(optional)" is German too).
     */
    private static final Set<String> SAME_IN_GERMAN = Set.of(
            "ml-mastery-path/phase.machine-learning-specialization.title",
            "ml-mastery-path/phase.deep-learning-specialization.title",
            "ml-mastery-path/milestone.machine-learning-a-z.title",
            "ml-mastery-path/milestone.deep-learning-a-z.title",
            "ml-mastery-path/milestone.ai-llm-a-z.title");

    @ParameterizedTest
    @ValueSource(strings = {"ai-ml-engineer-12-months", "ai-ml-four-phases", "ml-mastery-path", "ml-career-seven-steps",
            "role-ml-engineer", "role-data-scientist", "role-ai-researcher", "role-computer-vision-engineer", "role-nlp-engineer",
            "transition-recent-graduate", "transition-career-changer", "transition-self-taught"})
    void everyTextOfTheRoadmapHasItsOwnGermanTranslation(String id) {
        RoadmapDocument roadmap = BundledRoadmaps.read("roadmaps/" + id + ".yaml");
        Map<String, String> german = roadmap.translations() == null ? Map.of() : roadmap.translations().getOrDefault("de", Map.of());

        Map<String, String> authored = authoredTexts(roadmap);
        List<String> untranslated = authored.entrySet().stream()
                .filter(text -> german.get(text.getKey()) == null || german.get(text.getKey()).isBlank()
                        || german.get(text.getKey()).strip().equals(text.getValue().strip()) && !SAME_IN_GERMAN.contains(id + "/" + text.getKey()))
                .map(Map.Entry::getKey)
                .toList();

        assertThat(authored).as("the walk finds the document's texts").containsKeys("title", "summary", "description");
        assertThat(untranslated).as("keys of %s without their own German text", id).isEmpty();
        assertThat(RoadmapValidator.validate(roadmap)).as("translations within TranslationRules' limits").isEmpty();
        assertThat(RoadmapTexts.in(roadmap, Locale.GERMAN).milestones().get(0).description())
                .as("RoadmapTexts words the milestone in German").isEqualTo(german.get("milestone." + roadmap.milestones().get(0).id() + ".description"));
    }

    /** Every key a document's translations may hold for the parts it has, with the authored (English) text. */
    static Map<String, String> authoredTexts(RoadmapDocument doc) {
        Map<String, String> texts = new LinkedHashMap<>();
        put(texts, "title", doc.title());
        put(texts, "summary", doc.summary());
        put(texts, "description", doc.description());
        put(texts, "dayToDay", doc.dayToDay());
        put(texts, "realityCheck", doc.realityCheck());
        list(texts, "audience", doc.audience());
        list(texts, "outcomes", doc.outcomes());
        if (doc.faq() != null) {
            for (int i = 0; i < doc.faq().size(); i++) {
                put(texts, "faq." + i + ".question", doc.faq().get(i).question());
                put(texts, "faq." + i + ".answer", doc.faq().get(i).answer());
            }
        }
        for (RoadmapDocument.Phase phase : doc.phases()) {
            put(texts, "phase." + phase.id() + ".title", phase.title());
            put(texts, "phase." + phase.id() + ".summary", phase.summary());
            for (RoadmapDocument.Milestone m : phase.milestones() == null ? List.<RoadmapDocument.Milestone>of() : phase.milestones()) {
                put(texts, "milestone." + m.id() + ".title", m.title());
                put(texts, "milestone." + m.id() + ".description", m.description());
                put(texts, "milestone." + m.id() + ".doneWhen", m.doneWhen());
                list(texts, "milestone." + m.id() + ".steps", m.steps());
            }
            for (RoadmapDocument.Habit h : phase.habits() == null ? List.<RoadmapDocument.Habit>of() : phase.habits()) {
                put(texts, "habit." + h.id() + ".title", h.title());
                put(texts, "habit." + h.id() + ".description", h.description());
            }
        }
        return texts;
    }

    private static void list(Map<String, String> texts, String key, List<String> entries) {
        if (entries != null) {
            for (int i = 0; i < entries.size(); i++) {
                put(texts, key + "." + i, entries.get(i));
            }
        }
    }

    private static void put(Map<String, String> texts, String key, String text) {
        if (text != null && !text.isBlank()) {
            texts.put(key, text);
        }
    }
}
