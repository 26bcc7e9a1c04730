package dev.stride.roadmap.console;

import dev.stride.roadmap.catalog.RoadmapDocument;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

class EngagementDashboardTest {

    @Test
    void theWilsonIntervalMatchesItsTextbookValuesAndStaysWithinZeroAndOne() {
        double[] threeOfFour = EngagementDashboard.wilson(3, 4);
        assertThat(threeOfFour[0]).isCloseTo(0.30064, within(1e-4));
        assertThat(threeOfFour[1]).isCloseTo(0.95441, within(1e-4));
        double[] none = EngagementDashboard.wilson(0, 10);
        assertThat(none[0]).isZero();
        assertThat(none[1]).isCloseTo(0.27753, within(1e-4));
        assertThat(EngagementDashboard.wilson(0, 0)).containsExactly(0, 0);
        assertThat(EngagementDashboard.VariantRate.of("next-step", false, 4, 0.5, 3).shareText()).isEqualTo("75 % (30–95 %)");
    }

    @Test
    void aPhaseIsFinishedWithEveryRequiredMilestoneAndOneOfEachChooseOneGroup() {
        RoadmapDocument.Phase phase = new RoadmapDocument.Phase("p1", "Basics", null, null, List.of(
                milestone("a", null, null), milestone("opt", true, null), milestone("b1", null, "b"), milestone("b2", null, "b")), List.of());

        assertThat(EngagementDashboard.finished(phase, Set.of("a", "b2"))).isTrue();
        assertThat(EngagementDashboard.finished(phase, Set.of("a", "opt"))).as("no alternative of group b").isFalse();
        assertThat(EngagementDashboard.finished(phase, Set.of("b1", "b2", "opt"))).as("a is missing").isFalse();
        RoadmapDocument.Phase optionalOnly = new RoadmapDocument.Phase("p2", "Extras", null, null, List.of(milestone("opt", true, null)), List.of());
        assertThat(EngagementDashboard.finished(optionalOnly, Set.of("opt"))).isFalse();
    }

    private static RoadmapDocument.Milestone milestone(String id, Boolean optional, String chooseOne) {
        return new RoadmapDocument.Milestone(id, id, null, null, null, null, null, null, optional, chooseOne, null, null);
    }
}
