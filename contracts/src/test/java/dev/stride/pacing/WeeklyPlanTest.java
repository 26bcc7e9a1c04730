package dev.stride.pacing;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.time.DayOfWeek;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.List;
import java.util.stream.IntStream;

import static dev.stride.pacing.InputBuilder.BERLIN;
import static dev.stride.pacing.InputBuilder.slot;
import static java.time.DayOfWeek.MONDAY;
import static java.time.DayOfWeek.SATURDAY;
import static java.time.DayOfWeek.SUNDAY;
import static java.time.DayOfWeek.TUESDAY;
import static java.time.DayOfWeek.WEDNESDAY;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class WeeklyPlanTest {

    @Test
    void storesSlotsSortedByDayAndStart() {
        WeeklyPlan plan = new WeeklyPlan(BERLIN, List.of(
                slot(SATURDAY, "09:00", 120), slot(TUESDAY, "19:00", 60), slot(TUESDAY, "07:00", 45)));

        assertThat(plan.slots()).containsExactly(
                slot(TUESDAY, "07:00", 45), slot(TUESDAY, "19:00", 60), slot(SATURDAY, "09:00", 120));
        assertThat(plan.weeklyMinutes()).isEqualTo(225);
        assertThat(plan.nudge()).isEqualTo(NudgeMoment.DEFAULT);
        assertThat(NudgeMoment.DEFAULT).isEqualTo(new NudgeMoment(MONDAY, LocalTime.of(7, 30)));
    }

    @Test
    void needsAtLeastOneSlot() {
        assertThatThrownBy(() -> new WeeklyPlan(BERLIN, List.of()))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("a weekly plan needs at least one study slot");
    }

    @Test
    void rejectsSlotsOverlappingOnTheSameDay() {
        assertThatThrownBy(() -> new WeeklyPlan(BERLIN, List.of(slot(TUESDAY, "18:00", 180), slot(TUESDAY, "20:00", 60))))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("study slots overlap: TUESDAY 18:00 for 180 min and TUESDAY 20:00 for 60 min");
    }

    @Test
    void rejectsTheSameSlotTwice() {
        assertThatThrownBy(() -> new WeeklyPlan(BERLIN, List.of(slot(TUESDAY, "18:00", 60), slot(TUESDAY, "18:00", 60))))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageStartingWith("study slots overlap");
    }

    @Test
    void acceptsSlotsThatTouch() {
        WeeklyPlan plan = new WeeklyPlan(BERLIN, List.of(slot(TUESDAY, "19:00", 60), slot(TUESDAY, "18:00", 60)));

        assertThat(plan.weeklyMinutes()).isEqualTo(120);
    }

    @Test
    void aSlotPastMidnightOverlapsTheNextDaysSlots() {
        assertThatThrownBy(() -> new WeeklyPlan(BERLIN, List.of(slot(TUESDAY, "23:00", 120), slot(WEDNESDAY, "00:30", 60))))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("study slots overlap: TUESDAY 23:00 for 120 min and WEDNESDAY 00:30 for 60 min");
    }

    @Test
    void aSlotPastMidnightMayEndWhereTheNextDaysSlotStarts() {
        WeeklyPlan plan = new WeeklyPlan(BERLIN, List.of(slot(TUESDAY, "23:00", 60), slot(WEDNESDAY, "00:00", 60)));

        assertThat(plan.slots()).hasSize(2);
    }

    @Test
    void aSundayNightSlotOverlapsNextWeeksMondayMorning() {
        assertThatThrownBy(() -> new WeeklyPlan(BERLIN, List.of(slot(MONDAY, "00:30", 60), slot(SUNDAY, "23:00", 120))))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("study slots overlap: SUNDAY 23:00 for 120 min and MONDAY 00:30 for 60 min");
    }

    @Test
    void allowsFortyHoursAWeek() {
        WeeklyPlan plan = new WeeklyPlan(BERLIN, fullDays(MONDAY, DayOfWeek.FRIDAY));

        assertThat(plan.weeklyMinutes()).isEqualTo(2400);
    }

    @Test
    void rejectsMoreThanFortyHoursAWeek() {
        assertThatThrownBy(() -> new WeeklyPlan(BERLIN, fullDays(MONDAY, SATURDAY)))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("a weekly plan may hold at most 2400 minutes (40 h), was 2880");
    }

    @ParameterizedTest
    @ValueSource(ints = {0, 14, 481, 600})
    void rejectsSlotsShorterThanAQuarterHourOrLongerThanEightHours(int minutes) {
        assertThatThrownBy(() -> slot(TUESDAY, "18:00", minutes))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("study slot must last 15 to 480 minutes, was " + minutes + " (TUESDAY 18:00)");
    }

    @ParameterizedTest
    @ValueSource(ints = {15, 480})
    void acceptsSlotsOfAQuarterHourUpToEightHours(int minutes) {
        assertThat(new WeeklyPlan(BERLIN, List.of(slot(TUESDAY, "08:00", minutes))).weeklyMinutes()).isEqualTo(minutes);
    }

    @Test
    void rejectsSlotsStartingBetweenMinutes() {
        assertThatThrownBy(() -> new StudySlot(TUESDAY, LocalTime.of(18, 0, 30), 60))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("study slot start must be a whole minute, was 18:00:30");
    }

    @ParameterizedTest
    @ValueSource(strings = {"+01:00", "GMT+1", "UTC+02:00", "UT-05:00"})
    void rejectsFixedOffsetsForAZone(String zone) {
        assertThatThrownBy(() -> new WeeklyPlan(ZoneId.of(zone), List.of(slot(TUESDAY, "18:00", 60))))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageStartingWith("zone must be an IANA region such as Europe/Berlin, not a fixed offset");
    }

    @Test
    void rejectsAZoneOffset() {
        assertThatThrownBy(() -> new WeeklyPlan(ZoneOffset.ofHours(1), List.of(slot(TUESDAY, "18:00", 60))))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("not a fixed offset");
    }

    @ParameterizedTest
    @ValueSource(strings = {"Europe/Berlin", "America/New_York", "Asia/Kolkata", "UTC"})
    void acceptsIanaZones(String zone) {
        assertThat(new WeeklyPlan(ZoneId.of(zone), List.of(slot(TUESDAY, "18:00", 60))).zone()).isEqualTo(ZoneId.of(zone));
    }

    private static List<StudySlot> fullDays(DayOfWeek first, DayOfWeek last) {
        return IntStream.rangeClosed(first.getValue(), last.getValue())
                .mapToObj(day -> slot(DayOfWeek.of(day), "09:00", 480))
                .toList();
    }
}
