package dev.stride.roadmap.catalog;

import dev.stride.pacing.Selection;

import java.math.BigDecimal;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;

/**
 * The milestones and hours a learner works through when following a roadmap as suggested, nothing chosen yet (or with their
 * choices): the pacer's
 * own {@link Selection} (optional milestones left out, of each "choose one of" group only its pick: the recommended
 * alternative, else the first listed). What the catalog, the roadmap page, the path questionnaire, the validator's
 * duration rule and the admin outline show — one rule with the schedules and the emails.
 */
public final class RoadmapHours {

    private RoadmapHours() {
    }

    /** Milestones in study order that count when nothing else is chosen. */
    public static List<RoadmapDocument.Milestone> inPlay(RoadmapDocument document) {
        return inPlay(document, Set.of());
    }

    /** Milestones in study order that count with the learner's {@code chosen} optional milestones and group members. */
    public static List<RoadmapDocument.Milestone> inPlay(RoadmapDocument document, Set<String> chosen) {
        List<Map.Entry<String, RoadmapDocument.Milestone>> placed = placed(document);
        return Selection.inPlay(placed, RoadmapHours::candidate, chosen).stream().map(Map.Entry::getValue).toList();
    }

    /** What {@link Selection} knows of each milestone, nothing done: what a learner's choices are checked against. */
    public static List<Selection.Candidate> candidates(RoadmapDocument document) {
        return placed(document).stream().map(RoadmapHours::candidate).toList();
    }

    private static List<Map.Entry<String, RoadmapDocument.Milestone>> placed(RoadmapDocument document) {
        if (document.phases() == null) {
            return List.of();
        }
        return document.phases().stream()
                .filter(phase -> phase != null && phase.milestones() != null)
                .flatMap(phase -> phase.milestones().stream().filter(Objects::nonNull).map(m -> Map.entry(String.valueOf(phase.id()), m)))
                .toList();
    }

    private static Selection.Candidate candidate(Map.Entry<String, RoadmapDocument.Milestone> entry) {
        RoadmapDocument.Milestone m = entry.getValue();
        return Selection.Candidate.of(String.valueOf(m.id()), entry.getKey(), m.optional(), m.chooseOne(), m.recommended(), false);
    }

    public static BigDecimal hoursInPlay(RoadmapDocument document) {
        return hours(inPlay(document));
    }

    static BigDecimal hours(List<RoadmapDocument.Milestone> milestones) {
        return milestones.stream().map(RoadmapDocument.Milestone::hours).filter(Objects::nonNull).reduce(BigDecimal.ZERO, BigDecimal::add);
    }
}
