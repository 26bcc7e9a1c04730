package dev.stride.roadmap.api;

import dev.stride.roadmap.catalog.PublishedRoadmap;
import dev.stride.roadmap.catalog.RoadmapDocument;

import java.math.BigDecimal;
import java.util.List;

/** What the public API shows of roadmaps. */
public final class RoadmapViews {

    private RoadmapViews() {
    }

    public record Summary(String id, int version, String title, String summary, int milestoneCount, BigDecimal totalHours,
                          RoadmapDocument.WeeklyHours suggestedWeeklyHours, int durationMonths) {
    }

    public record Detail(String id, int version, String status, String title, String summary, String description, int milestoneCount,
                         BigDecimal totalHours, RoadmapDocument.WeeklyHours suggestedWeeklyHours, int durationMonths,
                         List<RoadmapDocument.Phase> phases) {
    }

    public static Summary summary(PublishedRoadmap roadmap) {
        RoadmapDocument doc = roadmap.document();
        return new Summary(roadmap.id(), roadmap.version(), doc.title(), doc.summary(), doc.milestones().size(), doc.totalHours(),
                doc.suggestedWeeklyHours(), doc.durationMonths());
    }

    public static Detail detail(PublishedRoadmap roadmap) {
        RoadmapDocument doc = roadmap.document();
        return new Detail(roadmap.id(), roadmap.version(), roadmap.status().name(), doc.title(), doc.summary(), doc.description(),
                doc.milestones().size(), doc.totalHours(), doc.suggestedWeeklyHours(), doc.durationMonths(), doc.phases());
    }
}
