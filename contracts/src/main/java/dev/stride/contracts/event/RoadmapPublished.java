package dev.stride.contracts.event;

import java.math.BigDecimal;
import java.util.List;

/** A roadmap version is live: its whole ordered milestone list, whose ids are stable across versions. Key: roadmap id. */
public record RoadmapPublished(
        String roadmapId,
        int version,
        String title,
        String summary,
        int durationMonths,
        int weeklyHoursMin,
        int weeklyHoursMax,
        List<Milestone> milestones) implements DomainEvent {

    public record Milestone(
            String id,
            String title,
            String description,
            String phaseId,
            String phaseTitle,
            String kind,
            BigDecimal hours,
            String doneWhen,
            List<String> steps,
            List<Resource> resources) {
    }

    public record Resource(String title, String url) {
    }
}
