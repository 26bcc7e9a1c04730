package dev.stride.pacing;

import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Random;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.LongStream;

/** Pacing inputs drawn from a seeded java.util.Random, so every failing case can be replayed by its seed. */
final class RandomPacingInputs {

    static final int CASES = 300;

    private static final List<ZoneId> ZONES = List.of(ZoneId.of("Europe/Berlin"), ZoneId.of("America/New_York"),
            ZoneId.of("Asia/Kolkata"), ZoneId.of("Australia/Lord_Howe"), ZoneId.of("America/Sao_Paulo"), ZoneId.of("UTC"));
    private static final LocalDate EARLIEST_START = LocalDate.of(2026, 1, 1);

    private RandomPacingInputs() {
    }

    static LongStream seeds() {
        return LongStream.range(0, CASES);
    }

    static PacingInput generate(long seed) {
        Random random = new Random(seed);
        LocalDate startDate = EARLIEST_START.plusDays(random.nextInt(400));
        LocalDate today = startDate.plusDays(random.nextInt(230) - 30);
        return new PacingInput(milestones(random), plan(random), startDate, skippedWeeks(random, startDate),
                pauses(random, startDate), progressDates(random, startDate, today), today);
    }

    static final List<String> KINDS = List.of("learn", "practice", "project", "career");

    /**
     * An input with the roadmap's shape: phases, kinds, prerequisites (a DAG that often points forward, so order and
     * prerequisites disagree), habits in half the cases and a weekly mix in half of them.
     */
    static PacingInput generateWithRoutine(long seed) {
        Random random = new Random(seed);
        PacingInput plain = generate(seed);
        List<MilestoneWork> shaped = withShape(random, plain.milestones());
        return plain.withMilestones(shaped).withRoutine(habits(random), random.nextBoolean() ? mix(random) : null);
    }

    static List<MilestoneWork> withShape(Random random, List<MilestoneWork> milestones) {
        List<Integer> hidden = new ArrayList<>();
        for (int i = 0; i < milestones.size(); i++) {
            hidden.add(i);
        }
        Collections.shuffle(hidden, random);
        List<MilestoneWork> shaped = new ArrayList<>();
        for (int i = 0; i < milestones.size(); i++) {
            List<String> requires = new ArrayList<>();
            int rank = hidden.indexOf(i);
            for (int j = 0; j < rank; j++) {
                if (random.nextInt(3) == 0) {
                    requires.add("m" + hidden.get(j));
                }
            }
            if (random.nextInt(6) == 0) {
                requires.add("not-in-play");
            }
            String kind = random.nextInt(8) == 0 ? null : KINDS.get(random.nextInt(KINDS.size()));
            shaped.add(milestones.get(i).in("p" + (i * 3 / Math.max(1, milestones.size())), kind, requires));
        }
        return shaped;
    }

    private static List<Habit> habits(Random random) {
        List<Habit> habits = new ArrayList<>();
        int count = random.nextBoolean() ? 0 : 1 + random.nextInt(3);
        for (int i = 0; i < count; i++) {
            habits.add(new Habit("h" + i, "p" + random.nextInt(3), 15 + random.nextInt(300)));
        }
        return habits;
    }

    static WeeklyMix mix(Random random) {
        java.util.Map<String, Integer> percent = new java.util.LinkedHashMap<>();
        for (String kind : KINDS) {
            if (random.nextInt(4) > 0) {
                percent.put(kind, random.nextInt(61));
            }
        }
        return percent.isEmpty() ? new WeeklyMix(java.util.Map.of("learn", 100)) : new WeeklyMix(percent);
    }

    private static List<MilestoneWork> milestones(Random random) {
        int count = random.nextInt(9);
        List<MilestoneWork> milestones = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            int minutes = 1 + random.nextInt(random.nextBoolean() ? 120 : 1500);
            int roll = random.nextInt(100);
            ProgressState state = roll < 50 ? ProgressState.TODO
                    : roll < 65 ? ProgressState.IN_PROGRESS
                    : roll < 85 ? ProgressState.DONE
                    : ProgressState.SKIPPED;
            milestones.add(new MilestoneWork("m" + i, minutes, state));
        }
        return milestones;
    }

    /** Up to five slots at distinct quarter hours, each ending before the next begins (wrapping into next week). */
    private static WeeklyPlan plan(Random random) {
        int count = 1 + random.nextInt(5);
        TreeSet<Integer> starts = new TreeSet<>();
        while (starts.size() < count) {
            starts.add(random.nextInt(Weeks.MINUTES_PER_WEEK / 15) * 15);
        }
        List<Integer> sorted = new ArrayList<>(starts);
        List<StudySlot> slots = new ArrayList<>();
        for (int i = 0; i < sorted.size(); i++) {
            int start = sorted.get(i);
            int nextStart = i + 1 < sorted.size() ? sorted.get(i + 1) : sorted.get(0) + Weeks.MINUTES_PER_WEEK;
            int room = Math.min(nextStart - start, StudySlot.MAX_MINUTES);
            int minutes = StudySlot.MIN_MINUTES + random.nextInt(room - StudySlot.MIN_MINUTES + 1);
            int minuteOfDay = start % Weeks.MINUTES_PER_DAY;
            slots.add(new StudySlot(DayOfWeek.of(start / Weeks.MINUTES_PER_DAY + 1),
                    LocalTime.of(minuteOfDay / 60, minuteOfDay % 60), minutes));
        }
        Collections.shuffle(slots, random);
        NudgeMoment nudge = new NudgeMoment(DayOfWeek.of(1 + random.nextInt(7)), LocalTime.of(random.nextInt(24), 15 * random.nextInt(4)));
        return new WeeklyPlan(ZONES.get(random.nextInt(ZONES.size())), slots, nudge);
    }

    private static Set<LocalDate> skippedWeeks(Random random, LocalDate startDate) {
        Set<LocalDate> weeks = new LinkedHashSet<>();
        int count = random.nextInt(5);
        for (int i = 0; i < count; i++) {
            weeks.add(Weeks.mondayOf(startDate.plusDays(random.nextInt(265) - 14)));
        }
        return weeks;
    }

    private static List<DateRange> pauses(Random random, LocalDate startDate) {
        List<DateRange> pauses = new ArrayList<>();
        int count = random.nextInt(4);
        for (int i = 0; i < count; i++) {
            LocalDate start = startDate.plusDays(random.nextInt(270) - 20);
            pauses.add(random.nextInt(10) == 0
                    ? DateRange.openEnded(start)
                    : new DateRange(start, start.plusDays(1 + random.nextInt(40))));
        }
        return pauses;
    }

    private static List<LocalDate> progressDates(Random random, LocalDate startDate, LocalDate today) {
        List<LocalDate> dates = new ArrayList<>();
        int count = random.nextInt(12);
        long span = Math.max(1, today.toEpochDay() - startDate.toEpochDay() + 15);
        for (int i = 0; i < count; i++) {
            dates.add(startDate.plusDays(random.nextLong(span) - 10));
        }
        return dates;
    }
}
