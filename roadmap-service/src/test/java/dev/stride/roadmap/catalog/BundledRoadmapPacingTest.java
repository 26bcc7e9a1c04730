package dev.stride.roadmap.catalog;

import dev.stride.pacing.MilestoneWork;
import dev.stride.pacing.NudgeMoment;
import dev.stride.pacing.Pacer;
import dev.stride.pacing.PacingInput;
import dev.stride.pacing.ProgressState;
import dev.stride.pacing.Schedule;
import dev.stride.pacing.StudySlot;
import dev.stride.pacing.WeeklyPlan;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;

/** The bundled roadmaps are valid, and their hours mean what their stated pace says. */
class BundledRoadmapPacingTest {

    private static final LocalDate START = LocalDate.of(2026, 1, 5);

    @ParameterizedTest
    @ValueSource(strings = {"ai-ml-engineer-12-months", "ai-ml-four-phases", "ml-mastery-path", "ml-career-seven-steps",
            "role-ml-engineer", "role-data-scientist", "role-ai-researcher", "role-computer-vision-engineer", "role-nlp-engineer",
            "transition-recent-graduate", "transition-career-changer", "transition-self-taught"})
    void everyBundledRoadmapPassesTheValidator(String id) {
        RoadmapDocument roadmap = BundledRoadmaps.read("roadmaps/" + id + ".yaml");

        assertThat(roadmap.id()).isEqualTo(id);
        assertThat(RoadmapValidator.validate(roadmap)).isEmpty();
    }

    /** The seeds' 12-month roadmap at 5 to 10 hours a week finishes in roughly 6 to 12 months. */
    @ParameterizedTest
    @CsvSource({"5, 11, 13", "7, 8, 10", "10, 5.5, 6.5"})
    void theTwelveMonthRoadmapFitsItsStatedPace(int hoursPerWeek, double minMonths, double maxMonths) {
        RoadmapDocument roadmap = BundledRoadmaps.read("roadmaps/ai-ml-engineer-12-months.yaml");
        List<MilestoneWork> work = roadmap.milestones().stream()
                .map(m -> new MilestoneWork(m.id(), m.hours().multiply(java.math.BigDecimal.valueOf(60)).intValueExact(), ProgressState.TODO))
                .toList();
        // Two sessions a week: a weekday evening and a Saturday morning, splitting the hours.
        int minutes = hoursPerWeek * 60;
        WeeklyPlan plan = new WeeklyPlan(ZoneId.of("Europe/Berlin"), List.of(
                new StudySlot(DayOfWeek.TUESDAY, LocalTime.of(18, 0), minutes / 2),
                new StudySlot(DayOfWeek.SATURDAY, LocalTime.of(9, 0), minutes - minutes / 2)), NudgeMoment.DEFAULT);

        Schedule schedule = Pacer.schedule(new PacingInput(work, plan, START, Set.of(), List.of(), List.of(), START));

        double months = ChronoUnit.DAYS.between(START, schedule.projectedFinish().orElseThrow()) / (365.25 / 12);
        assertThat(months).isBetween(minMonths, maxMonths);
    }
}
