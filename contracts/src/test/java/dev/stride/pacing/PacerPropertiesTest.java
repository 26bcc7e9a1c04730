package dev.stride.pacing;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeSet;
import java.util.function.Predicate;

import static dev.stride.pacing.RandomPacingInputs.generate;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * Properties over {@value RandomPacingInputs#CASES} seeded random inputs each. jqwik is not used (see the module
 * README); a failing case names its seed, and {@code RandomPacingInputs.generate(seed)} rebuilds it. The oracles here
 * walk the calendar day by day and read pauses and skips directly, independent of the pacer's own week loop.
 */
class PacerPropertiesTest {

    private static final String SEEDS = "dev.stride.pacing.RandomPacingInputs#seeds";

    @ParameterizedTest(name = "seed {0}")
    @MethodSource(SEEDS)
    void laysEveryRemainingMinuteExactlyOnceInRoadmapOrder(long seed) {
        PacingInput input = generate(seed);
        Schedule schedule = Pacer.schedule(input);

        Map<String, Integer> remaining = new LinkedHashMap<>();
        input.milestones().stream()
                .filter(m -> m.state() == ProgressState.TODO || m.state() == ProgressState.IN_PROGRESS)
                .forEach(m -> remaining.put(m.milestoneId(), m.minutes()));
        Map<String, Integer> laid = new LinkedHashMap<>();
        List<String> laidInOrder = new ArrayList<>();
        for (Allocation allocation : allocations(schedule)) {
            laid.merge(allocation.milestoneId(), allocation.minutes(), Integer::sum);
            if (laidInOrder.isEmpty() || !laidInOrder.get(laidInOrder.size() - 1).equals(allocation.milestoneId())) {
                laidInOrder.add(allocation.milestoneId());
            }
        }

        assertThat(schedule.remainingMinutes()).isEqualTo(remaining.values().stream().mapToInt(Integer::intValue).sum());
        if (schedule.projectedFinish().isPresent()) {
            assertThat(laid).containsExactlyEntriesOf(remaining);
            assertThat(laidInOrder).containsExactlyElementsOf(remaining.keySet());
        } else {
            assertThat(remaining).isNotEmpty();
            assertThat(laidInOrder).isEqualTo(new ArrayList<>(remaining.keySet()).subList(0, laidInOrder.size()));
            laid.forEach((id, minutes) -> assertThat(minutes).isLessThanOrEqualTo(remaining.get(id)));
            assertThat(laid.values().stream().mapToInt(Integer::intValue).sum()).isLessThan(schedule.remainingMinutes());
        }
    }

    @ParameterizedTest(name = "seed {0}")
    @MethodSource(SEEDS)
    void sessionsFitTheirSlotsNeverOverlapAndOnlyTheLastIsPartlyFilled(long seed) {
        PacingInput input = generate(seed);
        List<Session> sessions = sessions(Pacer.schedule(input));

        for (int i = 0; i < sessions.size(); i++) {
            Session session = sessions.get(i);
            assertThat(input.plan().slots())
                    .contains(new StudySlot(session.date().getDayOfWeek(), session.start(), session.minutes()));
            assertThat(session.plannedMinutes()).isBetween(1, session.minutes());
            if (i + 1 < sessions.size()) {
                assertThat(session.plannedMinutes()).isEqualTo(session.minutes());
                assertThat(session.end()).isBeforeOrEqualTo(sessions.get(i + 1).startDateTime());
            }
        }
    }

    @ParameterizedTest(name = "seed {0}")
    @MethodSource(SEEDS)
    void laysNothingOnSkippedWeeksInsidePausesOrBeforeTheFirstStudyDate(long seed) {
        PacingInput input = generate(seed);
        LocalDate firstStudyDate = input.today().isAfter(input.startDate()) ? input.today() : input.startDate();

        for (ScheduledWeek week : Pacer.schedule(input).weeks()) {
            for (Session session : week.sessions()) {
                assertThat(session.date()).isAfterOrEqualTo(firstStudyDate);
                assertThat(restsOn(input, session.date())).isFalse();
                assertThat(session.date()).isBetween(week.weekStart(), week.weekStart().plusDays(6));
            }
        }
    }

    @ParameterizedTest(name = "seed {0}")
    @MethodSource(SEEDS)
    void usesEveryFreeOccurrenceUpToTheLastSession(long seed) {
        PacingInput input = generate(seed);
        List<Session> sessions = sessions(Pacer.schedule(input));
        if (sessions.isEmpty()) {
            return;
        }
        LocalDateTime lastStart = sessions.get(sessions.size() - 1).startDateTime();
        LocalDate firstStudyDate = input.today().isAfter(input.startDate()) ? input.today() : input.startDate();

        List<LocalDateTime> free = new ArrayList<>();
        for (LocalDate date = firstStudyDate; !date.isAfter(lastStart.toLocalDate()); date = date.plusDays(1)) {
            if (restsOn(input, date)) {
                continue;
            }
            LocalDate day = date;
            input.plan().slots().stream()
                    .filter(slot -> slot.day() == day.getDayOfWeek())
                    .map(slot -> LocalDateTime.of(day, slot.start()))
                    .filter(start -> !start.isAfter(lastStart))
                    .sorted()
                    .forEach(free::add);
        }
        assertThat(sessions).extracting(Session::startDateTime).containsExactlyElementsOf(free);
    }

    @ParameterizedTest(name = "seed {0}")
    @MethodSource(SEEDS)
    void theSameInputAlwaysGivesTheSameSchedule(long seed) {
        PacingInput input = generate(seed);
        PacingInput reordered = new PacingInput(
                input.milestones(),
                new WeeklyPlan(input.plan().zone(), reversed(input.plan().slots()), input.plan().nudge()),
                input.startDate(),
                new TreeSet<>(input.skippedWeeks()).descendingSet(),
                reversed(input.pauses()),
                reversed(input.progressDates()),
                input.today());

        Schedule schedule = Pacer.schedule(input);

        assertThat(Pacer.schedule(generate(seed))).isEqualTo(schedule);
        assertThat(Pacer.schedule(input)).isEqualTo(schedule);
        assertThat(Pacer.schedule(reordered)).isEqualTo(schedule);
    }

    @ParameterizedTest(name = "seed {0}")
    @MethodSource(SEEDS)
    void markingAnyRemainingMilestoneDoneOrSkippedNeverMovesTheFinishLater(long seed) {
        PacingInput input = generate(seed);
        Schedule before = Pacer.schedule(input);

        for (int i = 0; i < input.milestones().size(); i++) {
            MilestoneWork milestone = input.milestones().get(i);
            if (!milestone.remains()) {
                continue;
            }
            for (ProgressState finished : List.of(ProgressState.DONE, ProgressState.SKIPPED)) {
                List<MilestoneWork> changed = new ArrayList<>(input.milestones());
                changed.set(i, milestone.withState(finished));
                Schedule after = Pacer.schedule(input.withMilestones(changed));

                assertFinishNotLater(before.projectedFinish(), after.projectedFinish());
                assertThat(after.remainingMinutes()).isEqualTo(before.remainingMinutes() - milestone.minutes());
                if (finished == ProgressState.DONE) {
                    assertThat(after.doneMinutesByNow()).isEqualTo(before.doneMinutesByNow() + milestone.minutes());
                }
            }
        }
    }

    @ParameterizedTest(name = "seed {0}")
    @MethodSource(SEEDS)
    void theFinishIsTheDateOfTheLastSessionAndWeeksRunWithoutGapsUpToIt(long seed) {
        PacingInput input = generate(seed);
        Schedule schedule = Pacer.schedule(input);
        LocalDate firstStudyDate = input.today().isAfter(input.startDate()) ? input.today() : input.startDate();
        List<ScheduledWeek> weeks = schedule.weeks();

        if (schedule.remainingMinutes() == 0) {
            assertThat(schedule.complete()).isTrue();
            assertThat(schedule.projectedFinish()).contains(input.today());
            assertThat(weeks).isEmpty();
            return;
        }
        assertThat(schedule.complete()).isFalse();
        assertThat(weeks.size()).isLessThanOrEqualTo(Pacer.HORIZON_WEEKS);
        if (weeks.isEmpty()) {
            assertThat(schedule.projectedFinish()).isEmpty();
            return;
        }
        List<Session> sessions = sessions(schedule);
        assertThat(weeks.get(weeks.size() - 1).sessions()).isNotEmpty();
        schedule.projectedFinish().ifPresent(finish ->
                assertThat(finish).isEqualTo(sessions.get(sessions.size() - 1).date()));
        LocalDate firstWeek = firstStudyDate.minusDays(firstStudyDate.getDayOfWeek().getValue() - 1L);
        LocalDate startWeek = input.startDate().minusDays(input.startDate().getDayOfWeek().getValue() - 1L);
        for (int i = 0; i < weeks.size(); i++) {
            assertThat(weeks.get(i).weekStart()).isEqualTo(firstWeek.plusWeeks(i));
            assertThat(weeks.get(i).weekNumber()).isEqualTo(ChronoUnit.WEEKS.between(startWeek, firstWeek) + 1 + i);
        }
    }

    @ParameterizedTest(name = "seed {0}")
    @MethodSource(SEEDS)
    void plannedByNowIsThePlansCapacityBeforeTodayCappedAtTheWorkToLay(long seed) {
        PacingInput input = generate(seed);
        Schedule schedule = Pacer.schedule(input);

        long capacity = 0;
        // The start week expects nothing: the plan counts from the Monday after the start date.
        LocalDate afterStartWeek = input.startDate().minusDays(input.startDate().getDayOfWeek().getValue() - 1L).plusWeeks(1);
        for (LocalDate date = afterStartWeek; date.isBefore(input.today()); date = date.plusDays(1)) {
            if (!restsOn(input, date)) {
                LocalDate day = date;
                capacity += input.plan().slots().stream().filter(slot -> slot.day() == day.getDayOfWeek())
                        .mapToInt(StudySlot::minutes).sum();
            }
        }
        int layable = minutes(input, state -> state != ProgressState.SKIPPED);
        int done = minutes(input, state -> state == ProgressState.DONE);

        assertThat(schedule.plannedMinutesByNow()).isEqualTo((int) Math.min(capacity, layable));
        assertThat(schedule.doneMinutesByNow()).isEqualTo(done);
        assertThat(schedule.aheadMinutes()).isEqualTo(done - schedule.plannedMinutesByNow());
    }

    @ParameterizedTest(name = "seed {0}")
    @MethodSource(SEEDS)
    void theStreakNeverExceedsTheWeeksWithProgressSinceTheStart(long seed) {
        PacingInput input = generate(seed);
        LocalDate startWeek = input.startDate().minusDays(input.startDate().getDayOfWeek().getValue() - 1L);

        long weeksWithProgress = input.progressDates().stream()
                .filter(date -> !date.isAfter(input.today()))
                .map(date -> date.minusDays(date.getDayOfWeek().getValue() - 1L))
                .filter(week -> !week.isBefore(startWeek) && !input.skippedWeeks().contains(week))
                .distinct()
                .count();

        assertThat((long) Pacer.schedule(input).streakWeeks()).isBetween(0L, weeksWithProgress);
    }

    private static void assertFinishNotLater(Optional<LocalDate> before, Optional<LocalDate> after) {
        if (before.isEmpty()) {
            return;
        }
        assertThat(after).isPresent();
        assertThat(after.get()).isBeforeOrEqualTo(before.get());
    }

    /** Read straight from the input's fields, so the oracle does not lean on the pacer's own helpers. */
    private static boolean restsOn(PacingInput input, LocalDate date) {
        LocalDate monday = date.minusDays(date.getDayOfWeek().getValue() - 1L);
        return input.skippedWeeks().contains(monday) || input.pauses().stream().anyMatch(pause ->
                !date.isBefore(pause.start()) && (pause.endExclusive() == null || date.isBefore(pause.endExclusive())));
    }

    private static int minutes(PacingInput input, Predicate<ProgressState> counted) {
        return input.milestones().stream().filter(m -> counted.test(m.state())).mapToInt(MilestoneWork::minutes).sum();
    }

    private static List<Session> sessions(Schedule schedule) {
        List<Session> sessions = schedule.weeks().stream().flatMap(week -> week.sessions().stream()).toList();
        assertThat(sessions).isSortedAccordingTo(Comparator.comparing(Session::startDateTime));
        return sessions;
    }

    private static List<Allocation> allocations(Schedule schedule) {
        return sessions(schedule).stream().flatMap(session -> session.work().stream()).toList();
    }

    private static <T> List<T> reversed(List<T> list) {
        List<T> copy = new ArrayList<>(list);
        Collections.reverse(copy);
        return copy;
    }
}
