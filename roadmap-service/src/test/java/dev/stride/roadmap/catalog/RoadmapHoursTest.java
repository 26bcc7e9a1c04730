package dev.stride.roadmap.catalog;

import org.junit.jupiter.api.Test;

import java.math.BigDecimal;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

class RoadmapHoursTest {

    static RoadmapDocument.Milestone milestone(String id, int hours, Boolean optional, String group, Boolean recommended, String... requires) {
        return new RoadmapDocument.Milestone(id, "Title " + id, "About " + id, "learn", BigDecimal.valueOf(hours), "Done " + id, null, null,
                optional, group, recommended, requires.length == 0 ? null : List.of(requires));
    }

    static RoadmapDocument document(List<RoadmapDocument.Phase> phases) {
        return new RoadmapDocument("r", 1, "R", "S", "D", 6, new RoadmapDocument.WeeklyHours(5, 10), phases);
    }

    @Test
    void optionalMilestonesAndTheUnpickedAlternativesDoNotCount() {
        RoadmapDocument doc = document(List.of(
                new RoadmapDocument.Phase("one", "One", null, "s", List.of(
                        milestone("a", 10, null, null, null),
                        milestone("extra", 40, true, null, null),
                        milestone("course-x", 30, null, "course", null),
                        milestone("course-y", 20, null, "course", true)), null),
                new RoadmapDocument.Phase("two", "Two", null, "s", List.of(
                        milestone("course-z", 7, null, "course", null),
                        milestone("course-w", 9, null, "course", null)), null)));

        assertThat(RoadmapHours.inPlay(doc)).extracting(RoadmapDocument.Milestone::id).containsExactly("a", "course-y", "course-z");
        assertThat(RoadmapHours.hoursInPlay(doc)).isEqualByComparingTo("37");
        assertThat(doc.totalHours()).isEqualByComparingTo("116");
    }
}
