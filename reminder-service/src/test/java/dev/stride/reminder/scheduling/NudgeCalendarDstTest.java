package dev.stride.reminder.scheduling;

import dev.stride.pacing.NudgeMoment;
import org.junit.jupiter.api.Test;

import java.time.DayOfWeek;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.time.zone.ZoneOffsetTransition;
import java.time.zone.ZoneRules;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Every IANA zone, every week of 2026 to 2030, with nudge moments that fall into that zone's own DST gaps and
 * overlaps (and a plain Monday 07:30): scheduling week after week, as the ledger does, gives exactly one nudge
 * per week, at the intended local time — shifted forward by the gap in a gap, the earlier instant in an overlap.
 */
class NudgeCalendarDstTest {

    private static final LocalDate FIRST_WEEK = LocalDate.of(2025, 12, 29);
    private static final LocalDate LAST_WEEK = LocalDate.of(2030, 12, 30);

    @Test
    void everyZoneEveryWeekGetsOneNudgeAtTheIntendedLocalTime() {
        int zones = 0;
        int moments = 0;
        int nudges = 0;
        int gapsChecked = 0;
        int overlapsChecked = 0;
        for (String id : new TreeSet<>(ZoneId.getAvailableZoneIds())) {
            ZoneId zone = ZoneId.of(id);
            zones++;
            for (NudgeMoment moment : momentsFor(zone)) {
                moments++;
                LocalDate week = FIRST_WEEK;
                Set<LocalDate> nudged = new HashSet<>();
                Instant now = NudgeCalendar.dueFor(FIRST_WEEK, moment, zone).toInstant().minusSeconds(1);
                while (!week.isAfter(LAST_WEEK)) {
                    Optional<LocalDate> next = NudgeCalendar.nextWeek(week, now, moment, zone, Set.of(), List.of(), nudged::contains);
                    assertThat(next).as("%s %s after %s", id, moment, week).contains(week);
                    ZonedDateTime due = NudgeCalendar.dueFor(week, moment, zone);
                    switch (check(zone, due, moment, week)) {
                        case GAP -> gapsChecked++;
                        case OVERLAP -> overlapsChecked++;
                        default -> {
                        }
                    }
                    assertThat(nudged.add(week)).as("%s nudged twice in week %s", id, week).isTrue();
                    nudges++;
                    // The dispatcher runs a moment after the nudge went out; the next one must be next week's.
                    now = due.toInstant().plusSeconds(1);
                    week = week.plusWeeks(1);
                }
            }
        }
        assertThat(zones).isGreaterThan(500);
        assertThat(gapsChecked).as("moments in DST gaps were exercised").isGreaterThan(1000);
        assertThat(overlapsChecked).as("moments in DST overlaps were exercised").isGreaterThan(1000);
        assertThat(nudges).isGreaterThan(moments * 250);
    }

    @Test
    void knownCases() {
        ZoneId berlin = ZoneId.of("Europe/Berlin");
        NudgeMoment sundayHalfPastTwo = new NudgeMoment(DayOfWeek.SUNDAY, LocalTime.of(2, 30));
        // 2026-03-29 02:30 does not exist in Berlin: the nudge goes out at 03:30 CEST.
        ZonedDateTime spring = NudgeCalendar.dueFor(LocalDate.of(2026, 3, 30), sundayHalfPastTwo, berlin);
        assertThat(spring.toLocalDateTime()).isEqualTo(LocalDateTime.of(2026, 3, 29, 3, 30));
        // 2026-10-25 02:30 happens twice: the earlier one, 02:30 CEST (+02:00).
        ZonedDateTime autumn = NudgeCalendar.dueFor(LocalDate.of(2026, 10, 26), sundayHalfPastTwo, berlin);
        assertThat(autumn.getOffset()).isEqualTo(ZoneOffset.ofHours(2));
        assertThat(autumn.toInstant()).isEqualTo(Instant.parse("2026-10-25T00:30:00Z"));
        // A Monday 07:30 nudge stays 07:30 local on both sides of a change.
        NudgeMoment monday = NudgeMoment.DEFAULT;
        ZoneId newYork = ZoneId.of("America/New_York");
        assertThat(NudgeCalendar.dueFor(LocalDate.of(2026, 3, 2), monday, newYork).toInstant()).isEqualTo(Instant.parse("2026-03-02T12:30:00Z"));
        assertThat(NudgeCalendar.dueFor(LocalDate.of(2026, 3, 9), monday, newYork).toInstant()).isEqualTo(Instant.parse("2026-03-09T11:30:00Z"));
    }

    private enum Kind { NORMAL, GAP, OVERLAP }

    /** The due instant against the rules: unchanged local time, or forward by the gap, or the earlier of two instants. */
    private static Kind check(ZoneId zone, ZonedDateTime due, NudgeMoment moment, LocalDate week) {
        ZoneRules rules = zone.getRules();
        LocalDate date = due.toLocalDate().minusDays(due.toLocalTime().isBefore(moment.time()) ? 1 : 0);
        LocalDateTime intended = LocalDateTime.of(date, moment.time());
        List<ZoneOffset> offsets = rules.getValidOffsets(intended);
        assertThat(date.getDayOfWeek()).as("%s week %s", zone, week).isEqualTo(moment.day());
        if (offsets.size() == 1) {
            assertThat(due.toLocalDateTime()).as("%s week %s", zone, week).isEqualTo(intended);
            return Kind.NORMAL;
        }
        if (offsets.isEmpty()) {
            ZoneOffsetTransition gap = rules.getTransition(intended);
            assertThat(due.toLocalDateTime()).as("%s gap in week %s", zone, week).isEqualTo(intended.plus(gap.getDuration()));
            return Kind.GAP;
        }
        Instant earlier = intended.toInstant(offsets.get(0)).isBefore(intended.toInstant(offsets.get(1)))
                ? intended.toInstant(offsets.get(0)) : intended.toInstant(offsets.get(1));
        assertThat(due.toInstant()).as("%s overlap in week %s", zone, week).isEqualTo(earlier);
        return Kind.OVERLAP;
    }

    /** Monday 07:30, plus a moment inside each kind of transition this zone has in 2026-2030 (first of each kind). */
    private static List<NudgeMoment> momentsFor(ZoneId zone) {
        List<NudgeMoment> moments = new ArrayList<>(List.of(NudgeMoment.DEFAULT));
        ZoneRules rules = zone.getRules();
        Instant from = LocalDate.of(2026, 1, 1).atStartOfDay(ZoneOffset.UTC).toInstant();
        Instant until = LocalDate.of(2031, 1, 1).atStartOfDay(ZoneOffset.UTC).toInstant();
        boolean gap = false;
        boolean overlap = false;
        for (ZoneOffsetTransition transition = rules.nextTransition(from);
             transition != null && transition.getInstant().isBefore(until) && !(gap && overlap);
             transition = rules.nextTransition(transition.getInstant())) {
            if (transition.isGap() && !gap) {
                gap = true;
                moments.add(momentAt(transition.getDateTimeBefore().plus(transition.getDuration().dividedBy(2))));
            } else if (transition.isOverlap() && !overlap) {
                overlap = true;
                moments.add(momentAt(transition.getDateTimeAfter().plus(transition.getDuration().abs().dividedBy(2))));
            }
        }
        return moments;
    }

    private static NudgeMoment momentAt(LocalDateTime local) {
        return new NudgeMoment(local.getDayOfWeek(), local.toLocalTime().withSecond(0).withNano(0));
    }
}
