package dev.stride.roadmap.catalog;

import java.math.BigDecimal;
import java.util.List;
import java.util.Objects;

/**
 * A roadmap's figures as a learner meets them: the milestones "in play" ({@link RoadmapHours}) and all of them.
 */
public record RoadmapOutline(int phases, int milestones, int milestonesInPlay, BigDecimal hoursInPlay, BigDecimal totalHours, int habits) {

    public static RoadmapOutline of(RoadmapDocument roadmap) {
        List<RoadmapDocument.Milestone> inPlay = RoadmapHours.inPlay(roadmap);
        int habits = roadmap.phases() == null ? 0 : roadmap.phases().stream()
                .filter(Objects::nonNull).mapToInt(phase -> phase.habits() == null ? 0 : phase.habits().size()).sum();
        return new RoadmapOutline(roadmap.phases() == null ? 0 : roadmap.phases().size(), roadmap.milestones().size(), inPlay.size(),
                RoadmapHours.hours(inPlay), roadmap.totalHours(), habits);
    }
}
