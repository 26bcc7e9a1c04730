package dev.stride.roadmap.catalog;

import com.fasterxml.jackson.annotation.JsonIgnore;
import com.fasterxml.jackson.annotation.JsonInclude;

import java.math.BigDecimal;
import java.util.List;
import java.util.Objects;
import java.util.stream.Stream;

/**
 * A roadmap as authored: the bundled YAML files and the admin API use this one shape. A published version
 * stores it whole, so a version never changes once published.
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record RoadmapDocument(
        String id,
        Integer version,
        String title,
        String summary,
        String description,
        Integer durationMonths,
        WeeklyHours suggestedWeeklyHours,
        List<Phase> phases) {

    public record WeeklyHours(Integer min, Integer max) {
    }

    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record Phase(String id, String title, Months months, String summary, List<Milestone> milestones) {
    }

    public record Months(Integer from, Integer to) {
    }

    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record Milestone(
            String id,
            String title,
            String description,
            String kind,
            BigDecimal hours,
            String doneWhen,
            List<String> steps,
            List<Resource> resources) {
    }

    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record Resource(String title, String url) {
    }

    /** Milestones in study order, across phases. */
    @JsonIgnore
    public List<Milestone> milestones() {
        return phases == null ? List.of() : phases.stream()
                .flatMap(phase -> phase.milestones() == null ? Stream.empty() : phase.milestones().stream())
                .filter(Objects::nonNull)
                .toList();
    }

    @JsonIgnore
    public BigDecimal totalHours() {
        return milestones().stream().map(Milestone::hours).filter(Objects::nonNull).reduce(BigDecimal.ZERO, BigDecimal::add);
    }

    public RoadmapDocument withVersion(int newVersion) {
        return new RoadmapDocument(id, newVersion, title, summary, description, durationMonths, suggestedWeeklyHours, phases);
    }
}
