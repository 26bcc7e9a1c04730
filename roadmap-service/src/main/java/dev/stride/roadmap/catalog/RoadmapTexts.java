package dev.stride.roadmap.catalog;

import dev.stride.contracts.text.Translations;
import dev.stride.roadmap.problem.Worded;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * A roadmap's words in a language: the text of {@code translations.<language>} where the document has one, the authored
 * (English) text otherwise, by the shared rule {@link Translations#text} (the reminder words its emails by it too). Keys are
 * those of {@link RoadmapDocument#translations()}, plus {@code dayToDay}, {@code realityCheck}, {@code audience.<n>},
 * {@code outcomes.<n>}, {@code faq.<n>.question}, {@code faq.<n>.answer}, {@code habit.<id>.description} and a milestone's recipe
 * steps {@code milestone.<id>.steps.<n>} (n from 0).
 */
public final class RoadmapTexts {

    private RoadmapTexts() {
    }

    /** The text for {@code key} in the locale's language, else {@code authored} (the rule is {@link Translations#text}). */
    public static String text(RoadmapDocument document, Locale locale, String key, String authored) {
        return Translations.text(document.translations(), locale == null ? null : locale.getLanguage(), key, authored);
    }

    /** The text for {@code key} in every language the document has it in, for a value a field error names in the page's language. */
    public static Worded worded(RoadmapDocument document, String key, String authored) {
        Map<String, String> byLanguage = new HashMap<>();
        if (document.translations() != null) {
            document.translations().forEach((language, texts) -> {
                if (texts != null && texts.get(key) != null) {
                    byLanguage.put(language, texts.get(key));
                }
            });
        }
        return new Worded(authored, byLanguage);
    }

    /** The same document with every text it has a translation for in the locale's language; ids, hours and structure unchanged. */
    public static RoadmapDocument in(RoadmapDocument doc, Locale locale) {
        if (doc.translations() == null || locale == null || !doc.translations().containsKey(locale.getLanguage())) {
            return doc;
        }
        List<RoadmapDocument.Phase> phases = doc.phases() == null ? null : doc.phases().stream().map(phase -> phase(doc, locale, phase)).toList();
        List<RoadmapDocument.Faq> faq = null;
        if (doc.faq() != null) {
            faq = new ArrayList<>();
            for (int i = 0; i < doc.faq().size(); i++) {
                RoadmapDocument.Faq entry = doc.faq().get(i);
                faq.add(new RoadmapDocument.Faq(text(doc, locale, "faq." + i + ".question", entry.question()),
                        text(doc, locale, "faq." + i + ".answer", entry.answer())));
            }
        }
        return new RoadmapDocument(doc.id(), doc.version(), text(doc, locale, "title", doc.title()), text(doc, locale, "summary", doc.summary()),
                text(doc, locale, "description", doc.description()), doc.durationMonths(), doc.suggestedWeeklyHours(), phases,
                doc.difficulty(), doc.roles(), doc.backgrounds(), list(doc, locale, "audience", doc.audience()),
                list(doc, locale, "outcomes", doc.outcomes()), text(doc, locale, "dayToDay", doc.dayToDay()),
                text(doc, locale, "realityCheck", doc.realityCheck()), faq, doc.next(), doc.weeklyMix(), doc.translations());
    }

    private static RoadmapDocument.Phase phase(RoadmapDocument doc, Locale locale, RoadmapDocument.Phase phase) {
        String key = "phase." + phase.id() + ".";
        List<RoadmapDocument.Milestone> milestones = phase.milestones() == null ? null : phase.milestones().stream().map(m -> {
            String at = "milestone." + m.id() + ".";
            return new RoadmapDocument.Milestone(m.id(), text(doc, locale, at + "title", m.title()), text(doc, locale, at + "description", m.description()),
                    m.kind(), m.hours(), text(doc, locale, at + "doneWhen", m.doneWhen()), list(doc, locale, at + "steps", m.steps()),
                    m.resources(), m.optional(), m.chooseOne(), m.recommended(), m.requires());
        }).toList();
        List<RoadmapDocument.Habit> habits = phase.habits() == null ? null : phase.habits().stream()
                .map(h -> new RoadmapDocument.Habit(h.id(), text(doc, locale, "habit." + h.id() + ".title", h.title()),
                        text(doc, locale, "habit." + h.id() + ".description", h.description()), h.minutesPerWeek()))
                .toList();
        return new RoadmapDocument.Phase(phase.id(), text(doc, locale, key + "title", phase.title()), phase.months(),
                text(doc, locale, key + "summary", phase.summary()), milestones, habits);
    }

    private static List<String> list(RoadmapDocument doc, Locale locale, String key, List<String> authored) {
        if (authored == null) {
            return null;
        }
        List<String> texts = new ArrayList<>();
        for (int i = 0; i < authored.size(); i++) {
            texts.add(text(doc, locale, key + "." + i, authored.get(i)));
        }
        return texts;
    }
}
