package dev.stride.roadmap.catalog;

import dev.stride.roadmap.problem.FieldError;
import dev.stride.roadmap.problem.FieldErrorCode;

import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Text per locale: the document itself is English; {@code translations.<locale>} holds the same texts in another
 * language, keyed {@code title}, {@code summary}, {@code description}, {@code dayToDay}, {@code realityCheck},
 * {@code audience.<n>}, {@code outcomes.<n>}, {@code faq.<n>.question|answer}, {@code phase.<id>.title|summary},
 * {@code milestone.<id>.title|description|doneWhen}, {@code milestone.<id>.steps.<n>}, {@code habit.<id>.title|description} —
 * each naming something that exists.
 */
final class TranslationRules {

    static final Set<String> LOCALES = Set.of("de");
    private static final Map<String, Integer> ROADMAP_KEYS = Map.of("title", 120, "summary", 300, "description", 2000,
            "dayToDay", 2000, "realityCheck", 2000);
    /** Entries of the roadmap's lists, by position: {@code audience.0}, {@code outcomes.1}, {@code faq.0.question}. */
    private static final Pattern LIST_KEY = Pattern.compile("(audience|outcomes)\\.(\\d+)|faq\\.(\\d+)\\.(question|answer)");
    /** A milestone's recipe step, by position: {@code milestone.house-price-prediction.steps.0}. */
    private static final Pattern STEP_KEY = Pattern.compile("milestone\\.([^.]+)\\.steps\\.(\\d+)");
    private static final Pattern PART_KEY = Pattern.compile("(phase|milestone|habit)\\.([^.]+)\\.([A-Za-z]+)");
    private static final Map<String, Map<String, Integer>> PART_FIELDS = Map.of(
            "phase", Map.of("title", 120, "summary", 300),
            "milestone", Map.of("title", 120, "description", 1000, "doneWhen", 500),
            "habit", Map.of("title", 120, "description", 1000));

    private TranslationRules() {
    }

    static void validate(List<FieldError> errors, RoadmapDocument roadmap) {
        if (roadmap.translations() == null) {
            return;
        }
        Map<String, Set<String>> ids = Map.of("phase", ids(roadmap, "phase"), "milestone", ids(roadmap, "milestone"), "habit", ids(roadmap, "habit"));
        roadmap.translations().forEach((locale, texts) -> {
            String at = "translations." + locale;
            if (!LOCALES.contains(locale)) {
                errors.add(FieldError.of(at, FieldErrorCode.TRANSLATION_LOCALE, Map.of("allowed", String.join(", ", LOCALES))));
                return;
            }
            if (texts == null) {
                errors.add(FieldError.of(at, FieldErrorCode.TRANSLATION_TEXTS));
                return;
            }
            texts.forEach((key, text) -> translation(errors, at + "[\"" + key + "\"]", key, text, ids, roadmap));
        });
    }

    private static void translation(List<FieldError> errors, String at, String key, String text, Map<String, Set<String>> ids,
                                    RoadmapDocument roadmap) {
        Integer max = ROADMAP_KEYS.get(key);
        Matcher listEntry = LIST_KEY.matcher(key == null ? "" : key);
        if (max == null && listEntry.matches()) {
            List<?> list = listEntry.group(1) == null ? roadmap.faq() : "audience".equals(listEntry.group(1)) ? roadmap.audience() : roadmap.outcomes();
            int index = Integer.parseInt(listEntry.group(1) == null ? listEntry.group(3) : listEntry.group(2));
            if (list == null || index >= list.size()) {
                errors.add(FieldError.of(at, FieldErrorCode.TRANSLATION_NO_ENTRY,
                        Map.of("index", index, "list", listEntry.group(1) == null ? "faq" : listEntry.group(1))));
                return;
            }
            max = listEntry.group(1) == null && "question".equals(listEntry.group(4)) ? 300 : 2000;
        }
        Matcher step = STEP_KEY.matcher(key == null ? "" : key);
        if (max == null && step.matches()) {
            if (!ids.get("milestone").contains(step.group(1))) {
                errors.add(FieldError.of(at, FieldErrorCode.TRANSLATION_NO_PART, Map.of("part", "milestone", "id", step.group(1))));
                return;
            }
            List<String> steps = steps(roadmap, step.group(1));
            int index = Integer.parseInt(step.group(2));
            if (index >= steps.size()) {
                errors.add(FieldError.of(at, FieldErrorCode.TRANSLATION_NO_ENTRY,
                        Map.of("index", index, "list", "milestone." + step.group(1) + ".steps")));
                return;
            }
            max = RoadmapValidator.STEP_MAX;
        }
        if (max == null) {
            Matcher part = PART_KEY.matcher(key == null ? "" : key);
            if (!part.matches() || !PART_FIELDS.get(part.group(1)).containsKey(part.group(3))) {
                errors.add(FieldError.of(at, FieldErrorCode.TRANSLATION_KEY));
                return;
            }
            if (!ids.get(part.group(1)).contains(part.group(2))) {
                errors.add(FieldError.of(at, FieldErrorCode.TRANSLATION_NO_PART, Map.of("part", part.group(1), "id", part.group(2))));
                return;
            }
            max = PART_FIELDS.get(part.group(1)).get(part.group(3));
        }
        FieldChecks.text(errors, at, text, max);
    }

    private static List<String> steps(RoadmapDocument roadmap, String milestoneId) {
        return roadmap.phases().stream().filter(phase -> phase != null && phase.milestones() != null)
                .flatMap(phase -> phase.milestones().stream())
                .filter(m -> m != null && milestoneId.equals(m.id()) && m.steps() != null)
                .findFirst().map(RoadmapDocument.Milestone::steps).orElse(List.of());
    }

    private static Set<String> ids(RoadmapDocument roadmap, String part) {
        Set<String> ids = new HashSet<>();
        for (RoadmapDocument.Phase phase : roadmap.phases()) {
            if (phase == null) {
                continue;
            }
            switch (part) {
                case "phase" -> ids.add(phase.id());
                case "milestone" -> {
                    if (phase.milestones() != null) {
                        phase.milestones().stream().filter(Objects::nonNull).forEach(milestone -> ids.add(milestone.id()));
                    }
                }
                default -> {
                    if (phase.habits() != null) {
                        phase.habits().stream().filter(Objects::nonNull).forEach(habit -> ids.add(habit.id()));
                    }
                }
            }
        }
        return ids;
    }
}
