package dev.stride.roadmap.catalog;

import dev.stride.roadmap.problem.FieldError;
import dev.stride.roadmap.problem.FieldErrorCode;

import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Format 2's roadmap-level fields, all optional: who it is for (difficulty, roles, backgrounds, audience), what it leads
 * to (outcomes, next), what it is like (dayToDay, realityCheck, faq) and the weekly mix.
 */
final class RoadmapProfileRules {

    static final Set<String> DIFFICULTIES = Set.of("beginner", "intermediate", "advanced");
    static final Set<String> ROLES = Set.of("ml-engineer", "data-scientist", "ai-researcher", "cv-engineer", "nlp-engineer");
    static final Set<String> BACKGROUNDS = Set.of("graduate", "career-changer", "self-taught");

    private RoadmapProfileRules() {
    }

    static void validate(List<FieldError> errors, RoadmapDocument roadmap) {
        FieldChecks.oneOf(errors, "difficulty", roadmap.difficulty(), DIFFICULTIES);
        FieldChecks.someOf(errors, "roles", roadmap.roles(), ROLES);
        FieldChecks.someOf(errors, "backgrounds", roadmap.backgrounds(), BACKGROUNDS);
        FieldChecks.texts(errors, "audience", roadmap.audience(), 300);
        FieldChecks.texts(errors, "outcomes", roadmap.outcomes(), 300);
        FieldChecks.optionalText(errors, "dayToDay", roadmap.dayToDay(), 2000);
        FieldChecks.optionalText(errors, "realityCheck", roadmap.realityCheck(), 2000);
        faq(errors, roadmap.faq());
        next(errors, roadmap.id(), roadmap.next());
        weeklyMix(errors, roadmap.weeklyMix());
    }

    private static void faq(List<FieldError> errors, List<RoadmapDocument.Faq> faq) {
        if (faq == null) {
            return;
        }
        for (int i = 0; i < faq.size(); i++) {
            RoadmapDocument.Faq entry = faq.get(i);
            if (entry == null) {
                errors.add(FieldError.of("faq[" + i + "]", FieldErrorCode.FAQ_ENTRY));
                continue;
            }
            FieldChecks.text(errors, "faq[" + i + "].question", entry.question(), 300);
            FieldChecks.text(errors, "faq[" + i + "].answer", entry.answer(), 2000);
        }
    }

    /** Well-formed ids only: whether they exist is a question for the catalog ({@link CatalogService#requireKnownNext}). */
    private static void next(List<FieldError> errors, String ownId, List<String> next) {
        if (next == null) {
            return;
        }
        for (int i = 0; i < next.size(); i++) {
            String id = next.get(i);
            String at = "next[" + i + "]";
            if (FieldChecks.slug(errors, at, id)) {
                if (id.equals(ownId)) {
                    errors.add(FieldError.of(at, FieldErrorCode.NEXT_ITSELF));
                } else if (next.subList(0, i).contains(id)) {
                    errors.add(FieldError.of(at, FieldErrorCode.LISTED_TWICE, Map.of("value", String.valueOf(id))));
                }
            }
        }
    }

    private static void weeklyMix(List<FieldError> errors, Map<String, Integer> mix) {
        if (mix == null) {
            return;
        }
        if (mix.isEmpty()) {
            errors.add(FieldError.of("weeklyMix", FieldErrorCode.MIX_EMPTY));
            return;
        }
        int sum = 0;
        boolean readable = true;
        for (Map.Entry<String, Integer> share : mix.entrySet()) {
            String at = "weeklyMix." + share.getKey();
            if (MilestoneKind.parse(share.getKey()).isEmpty() || !share.getKey().equals(share.getKey().toLowerCase(java.util.Locale.ROOT))) {
                errors.add(FieldError.of(at, FieldErrorCode.MIX_KIND));
                readable = false;
            }
            if (share.getValue() == null || share.getValue() < 0 || share.getValue() > 100) {
                errors.add(FieldError.of(at, FieldErrorCode.MIX_PERCENT));
                readable = false;
            } else {
                sum += share.getValue();
            }
        }
        if (readable && sum != 100) {
            errors.add(FieldError.of("weeklyMix", FieldErrorCode.MIX_SUM, Map.of("sum", sum)));
        }
    }
}
