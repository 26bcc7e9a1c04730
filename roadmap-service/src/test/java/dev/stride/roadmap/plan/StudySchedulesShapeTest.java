package dev.stride.roadmap.plan;

import dev.stride.pacing.StudySlot;
import dev.stride.pacing.WeeklyPlan;
import dev.stride.roadmap.catalog.RoadmapDocument;
import org.junit.jupiter.api.Test;

import java.math.BigDecimal;
import java.time.Clock;
import java.time.DayOfWeek;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/** A roadmap document's choices, prerequisites, habits and mix reach the pacer (plain JUnit: StudySchedules needs only a Clock). */
class StudySchedulesShapeTest {

    private static final ZoneId BERLIN = ZoneId.of("Europe/Berlin");
    private static final WeeklyPlan SIX_HOURS = new WeeklyPlan(BERLIN, List.of(
            new StudySlot(DayOfWeek.TUESDAY, LocalTime.of(18, 0), 180), new StudySlot(DayOfWeek.SATURDAY, LocalTime.of(9, 0), 180)));
    private static final LocalDate MONDAY = LocalDate.parse("2026-03-02");

    private final StudySchedules schedules = new StudySchedules(Clock.fixed(Instant.parse("2026-03-01T12:00:00Z"), BERLIN));

    @Test
    void onlyMilestonesInPlayAreCountedAndLaidInPrerequisiteOrderAfterTheHabits() {
        RoadmapDocument roadmap = document(null, List.of(new RoadmapDocument.Habit("papers", "Read papers", null, 30)),
                milestone("ml-course", 2, null, null, null, List.of("python")),
                milestone("python", 1, null, null, null, null),
                milestone("docker", 10, true, null, null, null),
                milestone("coursera", 20, null, "course", null, null),
                milestone("fastai", 3, null, "course", true, null));

        PlanView view = schedules.preview(roadmap, SIX_HOURS, MONDAY, 4);

        // python 1 h + ml-course 2 h + fastai 3 h; docker (optional) and coursera (the unrecommended alternative) are out.
        assertThat(view.remainingMinutes()).isEqualTo(360);
        assertThat(view.sessions().get(0).work()).extracting(PlanView.Work::title)
                .containsExactly("Read papers", "python", "ml-course");
        assertThat(view.sessions()).flatExtracting(PlanView.Entry::work).extracting(PlanView.Work::milestoneId)
                .doesNotContain("docker", "coursera");
    }

    @Test
    void theWeeklyMixSharesAWeekByKind() {
        RoadmapDocument mixed = document(Map.of("learn", 50, "project", 50), List.of(),
                milestone("stats", 20, null, null, null, null),
                kind(milestone("kaggle", 20, null, null, null, null), "project"));

        PlanView view = schedules.preview(mixed, SIX_HOURS, MONDAY, 1);

        assertThat(view.weeks().get(0).sessions()).flatExtracting(PlanView.Entry::work)
                .containsExactly(new PlanView.Work("stats", "stats", 180), new PlanView.Work("kaggle", "kaggle", 180));
    }

    private static RoadmapDocument document(Map<String, Integer> mix, List<RoadmapDocument.Habit> habits,
                                            RoadmapDocument.Milestone... milestones) {
        RoadmapDocument.Phase phase = new RoadmapDocument.Phase("basics", "Basics", null, null, List.of(milestones), habits);
        return new RoadmapDocument("shape", 1, "Shape", "s", "d", 3, new RoadmapDocument.WeeklyHours(5, 8), List.of(phase),
                null, null, null, null, null, null, null, null, null, mix, null);
    }

    private static RoadmapDocument.Milestone milestone(String id, int hours, Boolean optional, String group, Boolean recommended,
                                                       List<String> requires) {
        return new RoadmapDocument.Milestone(id, id, null, "LEARN", BigDecimal.valueOf(hours), "done", List.of(), List.of(),
                optional, group, recommended, requires);
    }

    private static RoadmapDocument.Milestone kind(RoadmapDocument.Milestone m, String kind) {
        return new RoadmapDocument.Milestone(m.id(), m.title(), m.description(), kind, m.hours(), m.doneWhen(), m.steps(), m.resources(),
                m.optional(), m.chooseOne(), m.recommended(), m.requires());
    }
}
