package dev.stride.roadmap.subscription;

import dev.stride.pacing.Selection;
import dev.stride.roadmap.catalog.RoadmapDocument;
import dev.stride.roadmap.catalog.RoadmapHours;
import dev.stride.roadmap.problem.FieldError;
import dev.stride.roadmap.problem.FieldErrorCode;

import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * A learner's choices: the optional milestones they opt in to and the member they pick of a "choose one of" group (a chosen
 * branch replaces its siblings). Checked against the roadmap by the pacer's own rule ({@link Selection#problems}); each bad
 * entry is named {@code choices[i]}. Stored on the subscription and carried to the reminder-service in SubscriptionActivated
 * and PlanChanged.
 */
public final class Choices {

    /** At most this many choices in one request: more than any roadmap holds optional milestones and groups. */
    public static final int MAX = 200;

    private Choices() {
    }

    /** What is wrong with {@code chosen} for this roadmap, each named {@code choices[i]}; empty when they hold (or none are given). */
    public static List<FieldError> errors(RoadmapDocument document, List<String> chosen) {
        if (chosen == null || chosen.isEmpty()) {
            return List.of();
        }
        return Selection.problems(RoadmapHours.candidates(document), chosen).entrySet().stream()
                .map(problem -> error("choices[" + problem.getKey() + "]", problem.getValue())).toList();
    }

    private static FieldError error(String field, Selection.ChoiceProblem problem) {
        FieldErrorCode code = switch (problem.kind()) {
            case UNKNOWN -> FieldErrorCode.CHOICE_UNKNOWN;
            case TWICE -> FieldErrorCode.CHOICE_TWICE;
            case REQUIRED -> FieldErrorCode.CHOICE_REQUIRED;
            case SAME_GROUP -> FieldErrorCode.CHOICE_SAME_GROUP;
        };
        return FieldError.of(field, code, problem.other() == null ? Map.of("id", String.valueOf(problem.id()))
                : Map.of("id", problem.id(), "other", problem.other()));
    }

    /** Choices as a form or request gives them: blanks (a group's "none") dropped, null: none. */
    public static List<String> given(List<String> chosen) {
        return chosen == null ? List.of() : chosen.stream().filter(Objects::nonNull).map(String::strip).filter(id -> !id.isEmpty()).toList();
    }
}
