package dev.stride.roadmap.subscription;

import dev.stride.roadmap.catalog.RoadmapDocument;
import dev.stride.roadmap.problem.FieldError;
import dev.stride.roadmap.problem.FieldErrorCode;
import org.junit.jupiter.api.Test;

import java.math.BigDecimal;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

/** Which phases a learner may mark known: only with every phase holding a milestone they require. */
class PlacementTest {

    private static RoadmapDocument.Milestone milestone(String id, String... requires) {
        return new RoadmapDocument.Milestone(id, "Title " + id, "d", "learn", BigDecimal.TEN, "done", null, null, null, null, null,
                requires.length == 0 ? null : List.of(requires));
    }

    private static final RoadmapDocument ROADMAP = new RoadmapDocument("r", 1, "R", "s", "d", 3, new RoadmapDocument.WeeklyHours(5, 10), List.of(
            new RoadmapDocument.Phase("basics", "Basics", null, "s", List.of(milestone("python")), null),
            new RoadmapDocument.Phase("maths", "Maths", null, "s", List.of(milestone("vectors")), null),
            new RoadmapDocument.Phase("models", "Models", null, "s", List.of(milestone("regression", "python", "vectors"), milestone("trees", "regression")), null)));

    @Test
    void noKnownPhasesAndPhasesWithoutPrerequisitesAreFine() {
        assertThat(Placement.errors(ROADMAP, null)).isEmpty();
        assertThat(Placement.errors(ROADMAP, List.of())).isEmpty();
        assertThat(Placement.errors(ROADMAP, List.of("maths"))).isEmpty();
        assertThat(Placement.errors(ROADMAP, List.of("models", "basics", "maths"))).isEmpty();
    }

    @Test
    void aPhaseWhosePrerequisitesLieInAnUnknownPhaseIsRefusedNamingEach() {
        List<FieldError> errors = Placement.errors(ROADMAP, List.of("basics", "models"));

        assertThat(errors).extracting(FieldError::field).containsOnly("knownPhases[1]");
        assertThat(errors).singleElement().extracting(FieldError::message).asString()
                .contains("“Models” builds on “Title vectors” of “Maths”");
    }

    @Test
    void aRequirementInsideThePhaseItselfNeedsNothingElse() {
        RoadmapDocument inside = new RoadmapDocument("r", 1, "R", "s", "d", 3, new RoadmapDocument.WeeklyHours(5, 10), List.of(
                new RoadmapDocument.Phase("one", "One", null, "s", List.of(milestone("a"), milestone("b", "a")), null)));

        assertThat(Placement.errors(inside, List.of("one"))).isEmpty();
    }

    @Test
    void aPhaseTheRoadmapDoesNotHaveIsNamed() {
        assertThat(Placement.errors(ROADMAP, List.of("maths", "cooking")))
                .extracting(FieldError::field, FieldError::message, FieldError::code)
                .containsExactly(tuple("knownPhases[1]", "'cooking' is not a phase of R", FieldErrorCode.PHASE_UNKNOWN));
    }
}
