package dev.stride.roadmap.catalog;

import java.math.BigDecimal;
import java.util.HashSet;
import java.util.List;
import java.util.Objects;
import java.util.Set;

/**
 * A roadmap's figures as a learner meets them: the milestones "in play" are the required ones plus one per chooseOne
 * group (its recommended pick, else the first listed); optional milestones are left out until chosen.
 */
public record RoadmapOutline(int phases, int milestones, int milestonesInPlay, BigDecimal hoursInPlay, BigDecimal totalHours, int habits) {

    public static RoadmapOutline of(RoadmapDocument roadmap) {
        List<RoadmapDocument.Milestone> inPlay = inPlay(roadmap);
        int habits = roadmap.phases() == null ? 0 : roadmap.phases().stream()
                .filter(Objects::nonNull).mapToInt(phase -> phase.habits() == null ? 0 : phase.habits().size()).sum();
        return new RoadmapOutline(roadmap.phases() == null ? 0 : roadmap.phases().size(), roadmap.milestones().size(), inPlay.size(),
                hours(inPlay), roadmap.totalHours(), habits);
    }

    static List<RoadmapDocument.Milestone> inPlay(RoadmapDocument roadmap) {
        Set<String> groupsWithPick = new HashSet<>();
        roadmap.milestones().stream()
                .filter(milestone -> milestone.chooseOne() != null && Boolean.TRUE.equals(milestone.recommended()))
                .forEach(milestone -> groupsWithPick.add(milestone.chooseOne()));
        Set<String> picked = new HashSet<>();
        return roadmap.milestones().stream().filter(milestone -> {
            if (milestone.chooseOne() != null) {
                boolean pick = groupsWithPick.contains(milestone.chooseOne()) ? Boolean.TRUE.equals(milestone.recommended()) : true;
                return pick && picked.add(milestone.chooseOne());
            }
            return !Boolean.TRUE.equals(milestone.optional());
        }).toList();
    }

    static BigDecimal hours(List<RoadmapDocument.Milestone> milestones) {
        return milestones.stream().map(RoadmapDocument.Milestone::hours).filter(Objects::nonNull).reduce(BigDecimal.ZERO, BigDecimal::add);
    }
}
