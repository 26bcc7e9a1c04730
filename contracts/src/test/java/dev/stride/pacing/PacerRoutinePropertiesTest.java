package dev.stride.pacing;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Random;

import static dev.stride.pacing.RandomPacingInputs.generateWithRoutine;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * Prerequisites, habits and the weekly mix over {@value RandomPacingInputs#CASES} seeded inputs each
 * ({@code RandomPacingInputs.generateWithRoutine(seed)} rebuilds a failing case).
 */
class PacerRoutinePropertiesTest {

    private static final String SEEDS = "dev.stride.pacing.RandomPacingInputs#seeds";

    @ParameterizedTest(name = "seed {0}")
    @MethodSource(SEEDS)
    void noMilestoneGetsAMinuteBeforeEveryPrerequisiteIsLaid(long seed) {
        PacingInput input = generateWithRoutine(seed);
        List<Allocation> laid = milestoneWork(Pacer.schedule(input));
        Map<String, MilestoneWork> byId = new HashMap<>();
        input.milestones().forEach(m -> byId.put(m.milestoneId(), m));

        for (MilestoneWork milestone : input.milestones()) {
            int firstOfIt = firstIndexOf(laid, milestone.milestoneId());
            if (firstOfIt < 0) {
                continue;
            }
            for (String required : milestone.requires()) {
                MilestoneWork prerequisite = byId.get(required);
                if (prerequisite == null || prerequisite.leftMinutes() == 0) {
                    continue;
                }
                assertThat(lastIndexOf(laid, required)).as("%s before %s", required, milestone.milestoneId()).isBetween(0, firstOfIt);
                assertThat(minutesOf(laid, required)).isEqualTo(prerequisite.leftMinutes());
            }
        }
    }

    @ParameterizedTest(name = "seed {0}")
    @MethodSource(SEEDS)
    void everyMilestoneMinuteLeftIsLaidOnceAndHabitsAreNeverCountedAsWork(long seed) {
        PacingInput input = generateWithRoutine(seed);
        Schedule schedule = Pacer.schedule(input);
        Schedule withoutHabits = Pacer.schedule(input.withRoutine(List.of(), input.mix()));
        Map<String, Integer> left = new LinkedHashMap<>();
        input.milestones().stream().filter(m -> m.leftMinutes() > 0).forEach(m -> left.put(m.milestoneId(), m.leftMinutes()));
        Map<String, Integer> laid = new LinkedHashMap<>();
        milestoneWork(schedule).forEach(a -> laid.merge(a.milestoneId(), a.minutes(), Integer::sum));

        assertThat(schedule.remainingMinutes()).isEqualTo(left.values().stream().mapToInt(Integer::intValue).sum());
        if (schedule.projectedFinish().isPresent()) {
            assertThat(laid).containsExactlyInAnyOrderEntriesOf(left);
        } else {
            laid.forEach((id, minutes) -> assertThat(minutes).isLessThanOrEqualTo(left.get(id)));
        }
        assertThat(schedule.remainingMinutes()).isEqualTo(withoutHabits.remainingMinutes());
        assertThat(schedule.doneMinutesByNow()).isEqualTo(withoutHabits.doneMinutesByNow());
        assertThat(schedule.openMilestones()).isEqualTo(withoutHabits.openMilestones());
        assertNotEarlier(schedule.projectedFinish(), withoutHabits.projectedFinish());
    }

    @ParameterizedTest(name = "seed {0}")
    @MethodSource(SEEDS)
    void habitsTakeTheWeeksFirstMinutesAndAtMostHalfOfAFullWeek(long seed) {
        PacingInput input = generateWithRoutine(seed);
        List<ScheduledWeek> weeks = Pacer.schedule(input).weeks();
        List<String> habitIds = input.habits().stream().map(Habit::habitId).toList();

        for (int w = 0; w < weeks.size(); w++) {
            List<Allocation> work = weeks.get(w).sessions().stream().flatMap(s -> s.work().stream()).toList();
            int habitMinutes = work.stream().filter(Allocation::habit).mapToInt(Allocation::minutes).sum();
            int firstMilestone = work.indexOf(work.stream().filter(a -> !a.habit()).findFirst().orElse(null));
            assertThat(work.stream().filter(Allocation::habit).map(Allocation::milestoneId).toList()).allMatch(habitIds::contains);
            if (firstMilestone >= 0) {
                assertThat(work.subList(firstMilestone, work.size())).noneMatch(Allocation::habit);
            }
            if (w + 1 < weeks.size()) {
                assertThat(habitMinutes).isLessThanOrEqualTo(weeks.get(w).plannedMinutes() - habitMinutes);
            }
        }
    }

    /** Without habits, or with habits that run all along (one phase) and fit half of the smaller week. */
    @ParameterizedTest(name = "seed {0}")
    @MethodSource(SEEDS)
    void moreWeeklyHoursNeverMoveTheFinishLater(long seed) {
        Random random = new Random(seed);
        PacingInput input = generateWithRoutine(seed);
        WeeklyPlan more = lengthened(input.plan(), random);
        List<Habit> habits = random.nextBoolean() ? List.of()
                : List.of(new Habit("all-along", "p", 1 + random.nextInt(Math.max(1, input.plan().weeklyMinutes() / 2))));
        PacingInput fewer = input.withMilestones(input.milestones().stream().map(m -> m.in("p", m.kind(), m.requires())).toList())
                .withRoutine(habits, input.mix());

        assertNotEarlier(Pacer.schedule(fewer).projectedFinish(), Pacer.schedule(fewer.withPlan(more, null)).projectedFinish());
    }

    @ParameterizedTest(name = "seed {0}")
    @MethodSource(SEEDS)
    void aWeekWithEveryKindAvailableIsSplitByTheMixToTheMinute(long seed) {
        Random random = new Random(seed);
        PacingInput base = RandomPacingInputs.generate(seed);
        Map<String, Integer> percent = new LinkedHashMap<>();
        RandomPacingInputs.KINDS.forEach(kind -> percent.put(kind, 1 + random.nextInt(60)));
        List<MilestoneWork> work = new ArrayList<>();
        for (int i = 0; i < 8; i++) {
            work.add(new MilestoneWork("k" + i, 2000 + random.nextInt(4000), ProgressState.TODO)
                    .in("p", RandomPacingInputs.KINDS.get(i % 4), List.of()));
        }
        PacingInput input = base.withMilestones(work).withRoutine(List.of(), new WeeklyMix(percent));
        Map<String, Integer> leftByKind = new HashMap<>();
        work.forEach(m -> leftByKind.merge(m.kind(), m.minutes(), Integer::sum));
        int sumPercent = percent.values().stream().mapToInt(Integer::intValue).sum();

        for (ScheduledWeek week : Pacer.schedule(input).weeks()) {
            Map<String, Integer> byKind = new HashMap<>();
            week.sessions().forEach(s -> s.work().forEach(a -> byKind.merge(work.get(Integer.parseInt(a.milestoneId().substring(1))).kind(),
                    a.minutes(), Integer::sum)));
            byKind.forEach((kind, minutes) -> leftByKind.merge(kind, -minutes, Integer::sum));
            if (leftByKind.values().stream().anyMatch(left -> left <= 0)) {
                break;
            }
            int total = week.plannedMinutes();
            percent.forEach((kind, share) -> assertThat((double) byKind.getOrDefault(kind, 0))
                    .as("%s in week %s", kind, week.weekStart()).isCloseTo((double) total * share / sumPercent, org.assertj.core.data.Offset.offset(1.0)));
        }
    }

    private static WeeklyPlan lengthened(WeeklyPlan plan, Random random) {
        List<StudySlot> slots = plan.slots();
        List<StudySlot> longer = new ArrayList<>();
        for (int i = 0; i < slots.size(); i++) {
            StudySlot slot = slots.get(i);
            int nextStart = i + 1 < slots.size() ? slots.get(i + 1).startMinuteOfWeek() : slots.get(0).startMinuteOfWeek() + Weeks.MINUTES_PER_WEEK;
            int room = Math.min(nextStart - slot.startMinuteOfWeek(), StudySlot.MAX_MINUTES) - slot.minutes();
            longer.add(new StudySlot(slot.day(), slot.start(), slot.minutes() + (room <= 0 ? 0 : random.nextInt(room + 1))));
        }
        WeeklyPlan candidate = new WeeklyPlan(plan.zone(), longer, plan.nudge());
        return candidate.weeklyMinutes() <= WeeklyPlan.MAX_WEEKLY_MINUTES ? candidate : plan;
    }

    private static void assertNotEarlier(Optional<LocalDate> later, Optional<LocalDate> earlier) {
        if (later.isEmpty()) {
            return;
        }
        assertThat(earlier).isPresent();
        assertThat(earlier.get()).isBeforeOrEqualTo(later.get());
    }

    private static List<Allocation> milestoneWork(Schedule schedule) {
        return schedule.weeks().stream().flatMap(w -> w.sessions().stream()).flatMap(s -> s.work().stream()).filter(a -> !a.habit()).toList();
    }

    private static int firstIndexOf(List<Allocation> laid, String id) {
        for (int i = 0; i < laid.size(); i++) {
            if (laid.get(i).milestoneId().equals(id)) {
                return i;
            }
        }
        return -1;
    }

    private static int lastIndexOf(List<Allocation> laid, String id) {
        for (int i = laid.size() - 1; i >= 0; i--) {
            if (laid.get(i).milestoneId().equals(id)) {
                return i;
            }
        }
        return -1;
    }

    private static int minutesOf(List<Allocation> laid, String id) {
        return laid.stream().filter(a -> a.milestoneId().equals(id)).mapToInt(Allocation::minutes).sum();
    }
}
