package dev.stride.roadmap.catalog;

import dev.stride.contracts.event.RoadmapPublished;
import dev.stride.contracts.event.RoadmapWork;
import dev.stride.pacing.Pacer;
import dev.stride.pacing.PacingInput;
import dev.stride.pacing.ProgressState;
import dev.stride.pacing.Schedule;
import dev.stride.pacing.WeeklyMix;
import dev.stride.roadmap.plan.StudySchedules;
import dev.stride.roadmap.subscription.PlanRequest;
import dev.stride.roadmap.subscription.SubscriptionView;
import org.junit.jupiter.api.Test;

import java.math.BigDecimal;
import java.time.Clock;
import java.time.DayOfWeek;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The manage page and the weekly email agree: from one roadmap, plan, progress and set of choices, the schedule the
 * roadmap-service lays from the document ({@link StudySchedules}) is the one the reminder-service lays from the
 * RoadmapPublished event it was published as (the reminder's NudgeBuilder input: contracts' {@link RoadmapWork}, habits and
 * weekly mix): the same sessions in every week, the same finish date. Plain JUnit: both need only a clock.
 */
class ChoicesAgreementTest {

    private static final String ZONE = "Europe/Berlin";
    private static final LocalDate START = LocalDate.parse("2026-03-02");
    private static final Clock CLOCK = Clock.fixed(Instant.parse("2026-03-11T12:00:00Z"), ZoneId.of(ZONE));
    private static final PlanRequest PLAN = new PlanRequest(ZONE, List.of(new PlanRequest.Slot(DayOfWeek.TUESDAY, LocalTime.of(18, 0), 120),
            new PlanRequest.Slot(DayOfWeek.SATURDAY, LocalTime.of(9, 0), 180)), new PlanRequest.Nudge(DayOfWeek.MONDAY, LocalTime.of(7, 30)));

    private final StudySchedules schedules = new StudySchedules(CLOCK);

    @Test
    void theEmailAndTheManagePageLayTheSameWeeksAndFinishWithTheLearnersChoices() {
        RoadmapDocument roadmap = roadmap();
        List<SubscriptionView.Progress> progress = List.of(new SubscriptionView.Progress("python", "python", ProgressState.DONE, 0),
                new SubscriptionView.Progress("maths", "maths", ProgressState.IN_PROGRESS, 90));

        for (List<String> choices : List.of(List.<String>of(), List.of("kaggle", "course-long"), List.of("course-long", "paper"))) {
            SubscriptionView view = view(progress, choices);
            Schedule page = Pacer.schedule(schedules.input(view, roadmap));
            Schedule email = Pacer.schedule(fromEvent(CatalogService.publishedEvent(roadmap), view));

            assertThat(email.weeks()).as("weeks with choices %s", choices).isEqualTo(page.weeks());
            assertThat(email.projectedFinish()).as("finish with choices %s", choices).isEqualTo(page.projectedFinish());
            assertThat(email.remainingMinutes()).isEqualTo(page.remainingMinutes());
            assertThat(email.aheadMinutes()).isEqualTo(page.aheadMinutes());
        }
        Schedule suggested = Pacer.schedule(schedules.input(view(progress, List.of()), roadmap));
        Schedule chosen = Pacer.schedule(schedules.input(view(progress, List.of("kaggle", "course-long")), roadmap));
        assertThat(chosen.remainingMinutes()).as("kaggle (4 h) and the long course (10 h) instead of the short one (2 h)")
                .isEqualTo(suggested.remainingMinutes() + 12 * 60);
        assertThat(chosen.projectedFinish().orElseThrow()).isAfter(suggested.projectedFinish().orElseThrow());
    }

    /** What the reminder's NudgeBuilder gives the pacer for this learner, from the event and the projection's state. */
    private static PacingInput fromEvent(RoadmapPublished event, SubscriptionView view) {
        Map<String, ProgressState> states = new HashMap<>();
        Map<String, Integer> logged = new HashMap<>();
        view.progress().forEach(p -> {
            states.put(p.milestoneId(), p.state());
            logged.put(p.milestoneId(), p.loggedMinutes());
        });
        LocalDate today = LocalDate.now(CLOCK);
        return new PacingInput(RoadmapWork.inPlay(event.milestones(), states, logged, view.choices()), StudySchedules.planOf(view), START,
                java.util.Set.of(), List.of(), List.of(), today, null, RoadmapWork.habits(event.habits()), WeeklyMix.ofNullable(event.weeklyMix()));
    }

    private static SubscriptionView view(List<SubscriptionView.Progress> progress, List<String> choices) {
        return new SubscriptionView(UUID.randomUUID(), "ACTIVE", "a@example.org", "Ada", "en", "agree", 1, START, PLAN, progress, List.of(),
                List.of(), null, null, choices);
    }

    /** Two phases with a habit each, a weekly mix, an optional milestone, a "choose one of" pair and an all-optional pair. */
    private static RoadmapDocument roadmap() {
        RoadmapDocument.Phase basics = new RoadmapDocument.Phase("basics", "Basics", null, null, List.of(
                milestone("python", "LEARN", 3, null, null, null, null),
                milestone("maths", "LEARN", 5, null, null, null, null),
                milestone("kaggle", "PROJECT", 4, true, null, null, List.of("python")),
                milestone("course-short", "LEARN", 2, null, "course", true, null),
                milestone("course-long", "LEARN", 10, null, "course", null, null)),
                List.of(new RoadmapDocument.Habit("flashcards", "Flashcards", null, 30)));
        RoadmapDocument.Phase project = new RoadmapDocument.Phase("project", "Project", null, null, List.of(
                milestone("classifier", "PROJECT", 6, null, null, null, List.of("course-short")),
                milestone("paper", "LEARN", 3, true, "extra", null, null),
                milestone("blog", "CAREER", 2, true, "extra", null, null)),
                List.of(new RoadmapDocument.Habit("papers", "Read papers", null, 45)));
        return new RoadmapDocument("agree", 1, "Agree", "s", "d", 3, new RoadmapDocument.WeeklyHours(4, 6), List.of(basics, project),
                null, null, null, null, null, null, null, null, null, Map.of("learn", 60, "project", 40), null);
    }

    private static RoadmapDocument.Milestone milestone(String id, String kind, int hours, Boolean optional, String group, Boolean recommended,
                                                       List<String> requires) {
        return new RoadmapDocument.Milestone(id, id, null, kind, BigDecimal.valueOf(hours), "done", List.of(), List.of(), optional, group,
                recommended, requires);
    }
}
