package dev.stride.reminder.scheduling;

import dev.stride.contracts.event.RoadmapPublished;
import dev.stride.contracts.text.Translations;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * A roadmap's texts in one learner's language, by the contracts rule ({@link Translations#text}) and the roadmap
 * document's keys. {@code translations} is the roadmap's, parsed once per batch (null: the authored texts for everyone).
 */
record RoadmapWords(Map<String, Map<String, String>> translations, String language) {

    /** The words for a learner whose locale tag is {@code locale} ("de", "de-AT"; null: the authored texts). */
    static RoadmapWords of(Map<String, Map<String, String>> translations, String locale) {
        return new RoadmapWords(translations, Translations.language(locale));
    }

    String title(String authored) {
        return text("title", authored);
    }

    String title(RoadmapPublished.Milestone milestone) {
        return text("milestone." + milestone.id() + ".title", milestone.title());
    }

    String doneWhen(RoadmapPublished.Milestone milestone) {
        return text("milestone." + milestone.id() + ".doneWhen", milestone.doneWhen());
    }

    /** The milestone's recipe steps ({@code milestone.<id>.steps.<n>}, n from 0); null when it has none. */
    List<String> steps(RoadmapPublished.Milestone milestone) {
        List<String> authored = milestone.steps();
        if (authored == null || !translated()) {
            return authored;
        }
        List<String> steps = new ArrayList<>(authored.size());
        for (int i = 0; i < authored.size(); i++) {
            steps.add(text("milestone." + milestone.id() + ".steps." + i, authored.get(i)));
        }
        return steps;
    }

    String title(RoadmapPublished.Habit habit) {
        return text("habit." + habit.id() + ".title", habit.title());
    }

    private String text(String key, String authored) {
        return translated() ? Translations.text(translations, language, key, authored) : authored;
    }

    /** Whether the roadmap has texts in this language at all; if not, no key is built. */
    private boolean translated() {
        return translations != null && language != null && translations.get(language) != null;
    }
}
