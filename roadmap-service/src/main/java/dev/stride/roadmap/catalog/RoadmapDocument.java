package dev.stride.roadmap.catalog;

import com.fasterxml.jackson.annotation.JsonIgnore;
import com.fasterxml.jackson.annotation.JsonInclude;

import java.math.BigDecimal;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.stream.Stream;

/**
 * A roadmap as authored: the bundled YAML files and the admin API use this one shape. A published version
 * stores it whole, so a version never changes once published. Every field after {@code phases} is optional
 * (format 2: choices, prerequisites, habits, the weekly mix, who it is for, text per locale).
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
        List<Phase> phases,
        /* beginner, intermediate or advanced */
        String difficulty,
        /* the roles it prepares for: ml-engineer, data-scientist, ai-researcher, cv-engineer, nlp-engineer */
        List<String> roles,
        /* the backgrounds it suits: graduate, career-changer, self-taught */
        List<String> backgrounds,
        List<String> audience,
        List<String> outcomes,
        String dayToDay,
        String realityCheck,
        List<Faq> faq,
        /* roadmap ids suggested once this one is complete */
        List<String> next,
        /* percent of each week's milestone time per kind (learn, practice, project, career); absent: strictly in order */
        Map<String, Integer> weeklyMix,
        /* locale -> key -> text; keys: those TranslationRules accepts (title, summary, description, the who-it-is-for texts,
           phase.<id>.*, milestone.<id>.*, milestone.<id>.steps.<n>, habit.<id>.*) */
        Map<String, Map<String, String>> translations) {

    public RoadmapDocument(String id, Integer version, String title, String summary, String description, Integer durationMonths,
                           WeeklyHours suggestedWeeklyHours, List<Phase> phases) {
        this(id, version, title, summary, description, durationMonths, suggestedWeeklyHours, phases,
                null, null, null, null, null, null, null, null, null, null, null);
    }

    public record WeeklyHours(Integer min, Integer max) {
    }

    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record Phase(String id, String title, Months months, String summary, List<Milestone> milestones, List<Habit> habits) {
    }

    public record Months(Integer from, Integer to) {
    }

    /**
     * {@code optional}: not counted or scheduled unless the learner chooses it. {@code chooseOne}: milestones of a phase with the
     * same group id are alternatives, one of which is done; {@code recommended} marks the default pick (else the first listed).
     * {@code requires}: milestone ids that must be done first (a DAG across the roadmap).
     */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record Milestone(
            String id,
            String title,
            String description,
            String kind,
            BigDecimal hours,
            String doneWhen,
            List<String> steps,
            List<Resource> resources,
            Boolean optional,
            String chooseOne,
            Boolean recommended,
            List<String> requires) {
    }

    /** Ongoing practice while its phase is active: minutes taken from each week first, never "done". */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record Habit(String id, String title, String description, Integer minutesPerWeek) {
    }

    /** {@code type}: course, book, certification, article, video, tool, community, practice; a resource without a URL says what it is. */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record Resource(String title, String url, String type) {
    }

    public record Faq(String question, String answer) {
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

    /** The same document as roadmap {@code newId}, version unset (a revision names its roadmap by the path). */
    public RoadmapDocument withId(String newId) {
        return new RoadmapDocument(newId, null, title, summary, description, durationMonths, suggestedWeeklyHours, phases,
                difficulty, roles, backgrounds, audience, outcomes, dayToDay, realityCheck, faq, next, weeklyMix, translations);
    }

    public RoadmapDocument withVersion(int newVersion) {
        return new RoadmapDocument(id, newVersion, title, summary, description, durationMonths, suggestedWeeklyHours, phases,
                difficulty, roles, backgrounds, audience, outcomes, dayToDay, realityCheck, faq, next, weeklyMix, translations);
    }
}
