package dev.stride.pacing;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * How much of a week the habits take. A phase is active in a week when it holds the next milestone to lay, or when the
 * week's whole study time, laid before any habit, would reach one of its milestones. Each habit of an active phase takes
 * its minutes per week first, but all habits together take at most half of the week's study time (then they share that
 * half in proportion to their minutes), so a week always keeps at least half for milestones.
 */
final class HabitTime {

    private HabitTime() {
    }

    /** At most half of {@code capacity}, whatever the habits ask for. */
    static int cap(int capacity) {
        return capacity / 2;
    }

    /** The week's habit work, in the order the roadmap lists the habits; empty without habits or milestones left. */
    static List<Allocation> forWeek(List<Habit> habits, WorkQueue queue, int capacity, WeeklyMix mix) {
        if (habits.isEmpty() || queue.isEmpty()) {
            return List.of();
        }
        Set<String> active = new LinkedHashSet<>();
        active.add(queue.next().phaseId());
        WorkQueue trial = queue.copy();
        (mix == null ? trial.take(capacity) : trial.take(capacity, mix)).forEach(a -> active.add(trial.phaseOf(a.milestoneId())));
        return split(habits, active, capacity);
    }

    /** The habit minutes of a week of {@code capacity} while the phase of {@code next} is the only active one. */
    static int minutesWhile(List<Habit> habits, MilestoneWork next, int capacity) {
        if (next == null) {
            return 0;
        }
        return split(habits, Set.of(String.valueOf(next.phaseId())), capacity).stream().mapToInt(Allocation::minutes).sum();
    }

    private static List<Allocation> split(List<Habit> habits, Set<String> activePhases, int capacity) {
        Map<String, Integer> asked = new LinkedHashMap<>();
        habits.stream().filter(h -> activePhases.contains(h.phaseId()))
                .forEach(h -> asked.merge(h.habitId(), h.minutesPerWeek(), Integer::sum));
        int total = asked.values().stream().mapToInt(Integer::intValue).sum();
        Map<String, Integer> given = total <= cap(capacity) ? asked : Shares.split(cap(capacity), asked);
        List<Allocation> work = new ArrayList<>();
        given.forEach((id, minutes) -> {
            if (minutes > 0) {
                work.add(Allocation.ofHabit(id, minutes));
            }
        });
        return work;
    }
}
