package dev.stride.pacing;

import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.Comparator;
import java.util.List;
import java.util.Objects;
import java.util.regex.Pattern;

/** When a learner can study each week: study slots and the nudge moment, in wall-clock time of an IANA zone. */
public record WeeklyPlan(ZoneId zone, List<StudySlot> slots, NudgeMoment nudge) {

    public static final int MAX_WEEKLY_MINUTES = 40 * 60;

    private static final Comparator<StudySlot> BY_DAY_AND_START =
            Comparator.comparing(StudySlot::day).thenComparing(StudySlot::start);
    // ZoneId.of("GMT+1") is a region id with fixed rules; it would never follow the learner's DST.
    private static final Pattern OFFSET_ID = Pattern.compile("^(GMT|UTC|UT)[+-].*");

    public WeeklyPlan {
        Objects.requireNonNull(zone, "zone");
        Objects.requireNonNull(slots, "slots");
        Objects.requireNonNull(nudge, "nudge");
        if (zone instanceof ZoneOffset || OFFSET_ID.matcher(zone.getId()).matches()) {
            throw new IllegalArgumentException("zone must be an IANA region such as Europe/Berlin, not a fixed offset: " + zone);
        }
        if (slots.isEmpty()) {
            throw new IllegalArgumentException("a weekly plan needs at least one study slot");
        }
        slots = List.copyOf(slots).stream().sorted(BY_DAY_AND_START).toList();
        requireNoOverlap(slots);
        int weeklyMinutes = sum(slots);
        if (weeklyMinutes > MAX_WEEKLY_MINUTES) {
            throw new IllegalArgumentException("a weekly plan may hold at most " + MAX_WEEKLY_MINUTES
                    + " minutes (40 h), was " + weeklyMinutes);
        }
    }

    public WeeklyPlan(ZoneId zone, List<StudySlot> slots) {
        this(zone, slots, NudgeMoment.DEFAULT);
    }

    public int weeklyMinutes() {
        return sum(slots);
    }

    private static int sum(List<StudySlot> slots) {
        return slots.stream().mapToInt(StudySlot::minutes).sum();
    }

    /** Sorted slots overlap only if one runs into its successor; the last one's successor is next week's first. */
    private static void requireNoOverlap(List<StudySlot> sorted) {
        for (int i = 0; i < sorted.size(); i++) {
            StudySlot slot = sorted.get(i);
            boolean wraps = i + 1 == sorted.size();
            StudySlot next = sorted.get(wraps ? 0 : i + 1);
            int nextStart = next.startMinuteOfWeek() + (wraps ? Weeks.MINUTES_PER_WEEK : 0);
            if (slot.endMinuteOfWeek() > nextStart) {
                throw new IllegalArgumentException("study slots overlap: " + slot + " and " + next);
            }
        }
    }
}
