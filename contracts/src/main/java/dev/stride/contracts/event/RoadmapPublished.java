package dev.stride.contracts.event;

import java.math.BigDecimal;
import java.util.List;
import java.util.Map;

/**
 * A roadmap version is live: its whole ordered milestone list, whose ids are stable across versions. Key: roadmap id.
 * {@code habits} and {@code weeklyMix} are null in events from before roadmaps had them (then: none, and strictly in order).
 * {@code translations}: the roadmap's texts by language and key, as in the roadmap document (worded through
 * {@link dev.stride.contracts.text.Translations}); null in events from before it travelled (then: the authored texts).
 */
public record RoadmapPublished(
        String roadmapId,
        int version,
        String title,
        String summary,
        int durationMonths,
        int weeklyHoursMin,
        int weeklyHoursMax,
        List<Milestone> milestones,
        List<Habit> habits,
        Map<String, Integer> weeklyMix,
        Map<String, Map<String, String>> translations) implements DomainEvent {

    public RoadmapPublished(String roadmapId, int version, String title, String summary, int durationMonths, int weeklyHoursMin,
                            int weeklyHoursMax, List<Milestone> milestones, List<Habit> habits, Map<String, Integer> weeklyMix) {
        this(roadmapId, version, title, summary, durationMonths, weeklyHoursMin, weeklyHoursMax, milestones, habits, weeklyMix, null);
    }

    public RoadmapPublished(String roadmapId, int version, String title, String summary, int durationMonths, int weeklyHoursMin,
                            int weeklyHoursMax, List<Milestone> milestones) {
        this(roadmapId, version, title, summary, durationMonths, weeklyHoursMin, weeklyHoursMax, milestones, null, null, null);
    }

    /**
     * {@code optional}, {@code chooseOne}, {@code recommended} and {@code requires} as in the roadmap format (null in older
     * events: required, no group, no prerequisites beyond the order).
     */
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
            List<Resource> resources,
            Boolean optional,
            String chooseOne,
            Boolean recommended,
            List<String> requires) {

        public Milestone(String id, String title, String description, String phaseId, String phaseTitle, String kind, BigDecimal hours,
                         String doneWhen, List<String> steps, List<Resource> resources) {
            this(id, title, description, phaseId, phaseTitle, kind, hours, doneWhen, steps, resources, null, null, null, null);
        }
    }

    /** {@code type} (course, book, certification, ...) says what a resource is, above all one without a URL; null in older events. */
    public record Resource(String title, String url, String type) {

        public Resource(String title, String url) {
            this(title, url, null);
        }
    }

    /** Ongoing practice while its phase is active: {@code minutesPerWeek} taken from each week first. */
    public record Habit(String id, String title, String phaseId, int minutesPerWeek) {
    }
}
