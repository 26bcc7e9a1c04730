package dev.stride.pacing;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * {@link Pacer#scheduleThrough} (what a nudge uses: its week and the finish) against {@link Pacer#schedule} (every week),
 * over {@value RandomPacingInputs#CASES} seeded inputs with and without habits and a weekly mix: the same schedule with
 * only the weeks up to the listed one, for the first week, a week a month on, and a week past the finish.
 */
class PacerThroughTest {

    private static final String SEEDS = "dev.stride.pacing.RandomPacingInputs#seeds";

    @ParameterizedTest(name = "seed {0}")
    @MethodSource(SEEDS)
    void listingFewerWeeksChangesNothingElse(long seed) {
        for (PacingInput input : List.of(RandomPacingInputs.generate(seed), RandomPacingInputs.generateWithRoutine(seed))) {
            Schedule full = Pacer.schedule(input);
            LocalDate first = Weeks.mondayOf(input.firstStudyDate());
            for (LocalDate listed : List.of(first, first.plusWeeks(4), first.plusWeeks(Pacer.HORIZON_WEEKS))) {
                assertThat(Pacer.scheduleThrough(input, listed)).as("listed through %s", listed).isEqualTo(listedThrough(full, listed));
            }
        }
    }

    /** The finish is the last session holding milestone work, read off the full schedule's sessions. */
    @ParameterizedTest(name = "seed {0}")
    @MethodSource(SEEDS)
    void theFinishIsTheLastSessionThatHoldsMilestoneWork(long seed) {
        for (PacingInput input : List.of(RandomPacingInputs.generate(seed), RandomPacingInputs.generateWithRoutine(seed))) {
            Schedule full = Pacer.schedule(input);
            if (full.remainingMinutes() == 0) {
                assertThat(full.projectedFinish()).contains(input.today());
                continue;
            }
            Optional<LocalDate> last = full.weeks().stream().flatMap(week -> week.sessions().stream())
                    .filter(Session::holdsMilestoneWork).map(Session::date).reduce((a, b) -> b);
            int laid = full.weeks().stream().flatMap(week -> week.sessions().stream()).mapToInt(Session::milestoneMinutes).sum();
            assertThat(full.projectedFinish()).isEqualTo(laid == full.remainingMinutes() ? last : Optional.empty());
        }
    }

    private static Schedule listedThrough(Schedule full, LocalDate listed) {
        List<ScheduledWeek> weeks = new ArrayList<>(full.weeks().stream().filter(week -> !week.weekStart().isAfter(listed)).toList());
        while (!weeks.isEmpty() && weeks.get(weeks.size() - 1).sessions().isEmpty()) {
            weeks.remove(weeks.size() - 1);
        }
        return new Schedule(weeks, full.projectedFinish(), full.plannedMinutesByNow(), full.doneMinutesByNow(),
                full.remainingMinutes(), full.streakWeeks(), full.openMilestones());
    }
}
