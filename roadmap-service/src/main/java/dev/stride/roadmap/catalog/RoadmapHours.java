package dev.stride.roadmap.catalog;

import dev.stride.pacing.Selection;

import java.math.BigDecimal;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;

/**
 * The milestones and hours a learner works through when following a roadmap as suggested, nothing chosen yet: the pacer's
 * own {@link Selection} (optional milestones left out, of each "choose one of" group only its pick: the recommended
 * alternative, else the first listed). What the catalog, the roadmap page, the path questionnaire, the validator's
 * duration rule and the admin outline show — one rule with the schedules and the emails.
 */
public final class RoadmapHours {

    private RoadmapHours() {
    }

    /** Milestones in study order that count when nothing else is chosen. */
    public static List<RoadmapDocument.Milestone> inPlay(RoadmapDocument document) {
        if (document.phases() == null) {
            return List.of();
        }
        List<Map.Entry<String, RoadmapDocument.Milestone>> placed = document.phases().stream()
                .filter(phase -> phase != null && phase.milestones() != null)
                .flatMap(phase -> phase.milestones().stream().filter(Objects::nonNull).map(m -> Map.entry(String.valueOf(phase.id()), m)))
                .toList();
        return Selection.inPlay(placed, entry -> Selection.Candidate.of(String.valueOf(entry.getValue().id()), entry.getKey(),
                        entry.getValue().optional(), entry.getValue().chooseOne(), entry.getValue().recommended(), false), Set.of())
                .stream().map(Map.Entry::getValue).toList();
    }

    public static BigDecimal hoursInPlay(RoadmapDocument document) {
        return hours(inPlay(document));
    }

    static BigDecimal hours(List<RoadmapDocument.Milestone> milestones) {
        return milestones.stream().map(RoadmapDocument.Milestone::hours).filter(Objects::nonNull).reduce(BigDecimal.ZERO, BigDecimal::add);
    }
}
