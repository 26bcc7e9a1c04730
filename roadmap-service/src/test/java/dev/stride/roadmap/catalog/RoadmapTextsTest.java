package dev.stride.roadmap.catalog;

import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Locale;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

class RoadmapTextsTest {

    private static final RoadmapDocument DOC = new RoadmapDocument("r", 1, "Roadmap", "Summary", "Description", 6,
            new RoadmapDocument.WeeklyHours(5, 10),
            List.of(new RoadmapDocument.Phase("one", "Phase one", null, "Phase summary",
                    List.of(RoadmapHoursTest.milestone("a", 10, null, null, null)),
                    List.of(new RoadmapDocument.Habit("papers", "Read papers", null, 30)))),
            "beginner", List.of("ml-engineer"), List.of("graduate"), List.of("Beginners"), List.of("A portfolio", "A job"), "Coding",
            "It is hard", List.of(new RoadmapDocument.Faq("Why?", "Because.")), null, null,
            Map.of("de", Map.of("title", "Fahrplan", "phase.one.title", "Phase eins", "milestone.a.title", "Titel a",
                    "habit.papers.title", "Papers lesen", "outcomes.1", "Eine Stelle", "faq.0.answer", "Darum.", "summary", " ")));

    @Test
    void aTranslatedTextWinsAndEverythingElseStaysAsAuthored() {
        RoadmapDocument de = RoadmapTexts.in(DOC, Locale.GERMAN);

        assertThat(de.title()).isEqualTo("Fahrplan");
        assertThat(de.summary()).as("blank is no translation").isEqualTo("Summary");
        assertThat(de.description()).isEqualTo("Description");
        assertThat(de.phases().get(0).title()).isEqualTo("Phase eins");
        assertThat(de.phases().get(0).summary()).isEqualTo("Phase summary");
        assertThat(de.milestones().get(0).title()).isEqualTo("Titel a");
        assertThat(de.milestones().get(0).doneWhen()).isEqualTo("Done a");
        assertThat(de.phases().get(0).habits().get(0).title()).isEqualTo("Papers lesen");
        assertThat(de.outcomes()).containsExactly("A portfolio", "Eine Stelle");
        assertThat(de.faq().get(0)).isEqualTo(new RoadmapDocument.Faq("Why?", "Darum."));
        assertThat(de.totalHours()).isEqualByComparingTo(DOC.totalHours());
    }

    @Test
    void aRecipeStepIsWordedByItsPositionAndAnUntranslatedStepStaysEnglish() {
        RoadmapDocument.Milestone recipe = new RoadmapDocument.Milestone("a", "A", "Do a.", "project", java.math.BigDecimal.TEN, "Done.",
                List.of("Load the data.", "Train a model.", "Ship it."), null, null, null, null, null);
        RoadmapDocument doc = new RoadmapDocument("r", 1, "Roadmap", "Summary", "Description", 6, new RoadmapDocument.WeeklyHours(5, 10),
                List.of(new RoadmapDocument.Phase("one", "Phase one", null, null, List.of(recipe), null)),
                null, null, null, null, null, null, null, null, null, null,
                Map.of("de", Map.of("milestone.a.steps.0", "Lade die Daten.", "milestone.a.steps.2", " ")));

        assertThat(RoadmapTexts.in(doc, Locale.GERMAN).milestones().get(0).steps()).containsExactly("Lade die Daten.", "Train a model.", "Ship it.");
        assertThat(RoadmapTexts.in(doc, Locale.ENGLISH).milestones().get(0).steps()).containsExactly("Load the data.", "Train a model.", "Ship it.");
    }

    @Test
    void aLanguageWithoutTranslationsIsTheAuthoredDocument() {
        assertThat(RoadmapTexts.in(DOC, Locale.ENGLISH)).isSameAs(DOC);
        assertThat(RoadmapTexts.text(DOC, Locale.FRENCH, "title", "Roadmap")).isEqualTo("Roadmap");
        assertThat(RoadmapTexts.text(DOC, Locale.GERMAN, "title", "Roadmap")).isEqualTo("Fahrplan");
    }
}
