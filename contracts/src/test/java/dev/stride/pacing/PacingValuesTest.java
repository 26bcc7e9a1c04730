package dev.stride.pacing;

import org.junit.jupiter.api.Test;

import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

import static dev.stride.pacing.InputBuilder.TUESDAY_AND_SATURDAY;
import static dev.stride.pacing.InputBuilder.session;
import static dev.stride.pacing.InputBuilder.startingOn;
import static dev.stride.pacing.InputBuilder.todo;
import static dev.stride.pacing.InputBuilder.work;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class PacingValuesTest {

    private static final LocalDate MONDAY = LocalDate.of(2026, 3, 2);

    @Test
    void aMilestoneNeedsAnIdAndSomeMinutes() {
        assertThatThrownBy(() -> todo(" ", 60))
                .isInstanceOf(IllegalArgumentException.class).hasMessage("milestoneId must not be blank");
        assertThatThrownBy(() -> todo("python", 0))
                .isInstanceOf(IllegalArgumentException.class).hasMessage("minutes of milestone python must be positive, was 0");
    }

    @Test
    void aDateRangeContainsItsStartButNotItsEnd() {
        DateRange range = new DateRange(MONDAY, MONDAY.plusDays(7));

        assertThat(range.contains(MONDAY.minusDays(1))).isFalse();
        assertThat(range.contains(MONDAY)).isTrue();
        assertThat(range.contains(MONDAY.plusDays(6))).isTrue();
        assertThat(range.contains(MONDAY.plusDays(7))).isFalse();
        assertThat(range.isOpenEnded()).isFalse();
    }

    @Test
    void anOpenEndedRangeContainsEveryLaterDate() {
        DateRange range = DateRange.openEnded(MONDAY);

        assertThat(range.contains(MONDAY.plusYears(50))).isTrue();
        assertThat(range.contains(MONDAY.minusDays(1))).isFalse();
        assertThat(range.isOpenEnded()).isTrue();
    }

    @Test
    void aDateRangeMustEndAfterItStarts() {
        assertThatThrownBy(() -> new DateRange(MONDAY, MONDAY))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("a date range must end after it starts: 2026-03-02 to 2026-03-02");
    }

    @Test
    void milestoneIdsMustBeUnique() {
        assertThatThrownBy(() -> startingOn("2026-03-02").milestones(todo("python", 60), todo("python", 30)).build())
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("milestone python appears more than once");
    }

    @Test
    void skippedWeeksAreNamedByTheirMonday() {
        assertThatThrownBy(() -> startingOn("2026-03-02").skipWeek("2026-03-11").build())
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("skipped week must be a Monday (a week start), was 2026-03-11 (WEDNESDAY)");
    }

    @Test
    void theInputKeepsItsOwnCopies() {
        List<MilestoneWork> milestones = new ArrayList<>(List.of(todo("python", 60)));
        PacingInput input = new PacingInput(milestones, TUESDAY_AND_SATURDAY, MONDAY, Set.of(), List.of(), List.of(), MONDAY);

        milestones.add(todo("pandas", 60));

        assertThat(input.milestones()).hasSize(1);
        assertThat(input.firstStudyDate()).isEqualTo(MONDAY);
    }

    @Test
    void aSessionCannotHoldMoreThanItsLength() {
        assertThatThrownBy(() -> session("2026-03-03", "18:00", 60, work("python", 40), work("pandas", 30)))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("a session of 60 minutes on 2026-03-03 cannot hold 70 minutes of work");
    }

    @Test
    void aSessionKnowsItsEndAndPlannedMinutes() {
        Session session = session("2026-03-03", "23:30", 90, work("python", 40), work("pandas", 20));

        assertThat(session.end()).isEqualTo(LocalDateTime.of(2026, 3, 4, 1, 0));
        assertThat(session.plannedMinutes()).isEqualTo(60);
    }

    @Test
    void aScheduledWeekStartsOnAMonday() {
        assertThatThrownBy(() -> new ScheduledWeek(MONDAY.plusDays(1), 1, List.of()))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("weekStart must be a Monday (a week start), was 2026-03-03 (TUESDAY)");
    }
}
