package dev.stride.roadmap.catalog;

import java.math.BigDecimal;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * The hours a learner works through when following a roadmap as suggested: optional milestones left out, and of each
 * "choose one of" group only its pick (the recommended alternative, else the first listed). What the catalog, the roadmap
 * page and the path questionnaire show; the pacer's own selection may replace it once contracts carries one.
 */
public final class RoadmapHours {

    private RoadmapHours() {
    }

    /** Milestones in study order that count when nothing else is chosen. */
    public static List<RoadmapDocument.Milestone> inPlay(RoadmapDocument document) {
        if (document.phases() == null) {
            return List.of();
        }
        return document.phases().stream().filter(phase -> phase.milestones() != null).flatMap(phase -> {
            Map<String, RoadmapDocument.Milestone> picks = picks(phase.milestones());
            return phase.milestones().stream().filter(Objects::nonNull)
                    .filter(m -> !Boolean.TRUE.equals(m.optional()))
                    .filter(m -> m.chooseOne() == null || picks.get(m.chooseOne()) == m);
        }).toList();
    }

    public static BigDecimal hoursInPlay(RoadmapDocument document) {
        return inPlay(document).stream().map(RoadmapDocument.Milestone::hours).filter(Objects::nonNull).reduce(BigDecimal.ZERO, BigDecimal::add);
    }

    /** The pick of each group of a phase: its first recommended member, else its first member. */
    public static Map<String, RoadmapDocument.Milestone> picks(List<RoadmapDocument.Milestone> milestones) {
        Map<String, RoadmapDocument.Milestone> picks = new HashMap<>();
        for (RoadmapDocument.Milestone m : milestones) {
            if (m == null || m.chooseOne() == null) {
                continue;
            }
            RoadmapDocument.Milestone current = picks.get(m.chooseOne());
            if (current == null || Boolean.TRUE.equals(m.recommended()) && !Boolean.TRUE.equals(current.recommended())) {
                picks.put(m.chooseOne(), m);
            }
        }
        return picks;
    }
}
