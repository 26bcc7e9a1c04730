package dev.stride.reminder.scheduling;

import dev.stride.contracts.event.RoadmapPublished;
import dev.stride.pacing.MilestoneWork;
import dev.stride.pacing.ProgressState;
import dev.stride.reminder.projection.LearnerState;
import org.junit.jupiter.api.Test;

import java.math.BigDecimal;
import java.util.List;
import java.util.Map;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;

/** An event's milestones become pacing input with the roadmap's choices, phases, kinds and prerequisites (plain JUnit). */
class NudgeBuilderWorkTest {

    private static final List<RoadmapPublished.Milestone> ROADMAP = List.of(
            milestone("python", null, null, null, null),
            milestone("docker", true, null, null, null),
            milestone("coursera", null, "course", null, null),
            milestone("fastai", null, "course", true, List.of("python")));

    @Test
    void onlyMilestonesInPlayBecomeWorkWithTheirPhaseKindAndPrerequisites() {
        List<MilestoneWork> work = NudgeBuilder.work(ROADMAP, LearnerState.EMPTY);

        assertThat(work).extracting(MilestoneWork::milestoneId).containsExactly("python", "fastai");
        assertThat(work.get(1)).isEqualTo(new MilestoneWork("fastai", 120, ProgressState.TODO, 0, "p1", "learn", List.of("python")));
    }

    @Test
    void aDoneAlternativeOrOptionalMilestoneIsTheOneInPlay() {
        LearnerState learner = new LearnerState(Map.of("coursera", ProgressState.DONE, "docker", ProgressState.DONE), List.of(), Set.of(),
                List.of(), Map.of());

        assertThat(NudgeBuilder.work(ROADMAP, learner)).extracting(MilestoneWork::milestoneId).containsExactly("python", "docker", "coursera");
    }

    @Test
    void theLearnersChoicesAddOptionalWorkAndAChosenBranchReplacesItsSiblings() {
        assertThat(NudgeBuilder.work(ROADMAP, LearnerState.EMPTY, List.of("docker", "coursera"))).extracting(MilestoneWork::milestoneId)
                .containsExactly("python", "docker", "coursera");
        assertThat(NudgeBuilder.work(ROADMAP, LearnerState.EMPTY, List.of("coursera"))).extracting(MilestoneWork::milestoneId)
                .containsExactly("python", "coursera");
    }

    private static RoadmapPublished.Milestone milestone(String id, Boolean optional, String group, Boolean recommended, List<String> requires) {
        return new RoadmapPublished.Milestone(id, id, null, "p1", "Phase 1", "learn", BigDecimal.valueOf(2), "done", List.of(), List.of(),
                optional, group, recommended, requires);
    }
}
