package dev.stride.pacing;

import org.junit.jupiter.api.Test;

import java.time.DayOfWeek;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.util.List;

import static dev.stride.pacing.InputBuilder.BERLIN;
import static dev.stride.pacing.InputBuilder.slot;
import static dev.stride.pacing.InputBuilder.startingOn;
import static dev.stride.pacing.InputBuilder.todo;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** Berlin springs forward on 2026-03-29 and falls back on 2026-10-25; New York on 2026-03-08 and 2026-11-01. */
class DaylightSavingTest {

    private static final ZoneId NEW_YORK = ZoneId.of("America/New_York");

    @Test
    void aSlotInTheSpringForwardGapKeepsItsLocalTimeAndStartsAnHourLater() {
        WeeklyPlan plan = new WeeklyPlan(BERLIN, List.of(slot(DayOfWeek.SUNDAY, "02:30", 60)));

        Schedule schedule = startingOn("2026-03-23").plan(plan).milestones(todo("python", 60)).schedule();

        Session session = schedule.weeks().get(0).sessions().get(0);
        assertThat(session.date()).isEqualTo(LocalDate.of(2026, 3, 29));
        assertThat(session.start()).isEqualTo(LocalTime.of(2, 30));
        assertThat(session.end()).isEqualTo(LocalDateTime.of(2026, 3, 29, 3, 30));
        assertThat(session.startIn(BERLIN).toOffsetDateTime())
                .isEqualTo(OffsetDateTime.of(2026, 3, 29, 3, 30, 0, 0, ZoneOffset.ofHours(2)));
        assertThat(session.startIn(BERLIN).toInstant()).isEqualTo(Instant.parse("2026-03-29T01:30:00Z"));
    }

    @Test
    void aSessionInTheFallBackOverlapStartsAtTheEarlierInstant() {
        Session session = InputBuilder.session("2026-10-25", "02:30", 60, InputBuilder.work("python", 60));

        assertThat(session.startIn(BERLIN).toOffsetDateTime())
                .isEqualTo(OffsetDateTime.of(2026, 10, 25, 2, 30, 0, 0, ZoneOffset.ofHours(2)));
        assertThat(session.startIn(BERLIN).toInstant()).isEqualTo(Instant.parse("2026-10-25T00:30:00Z"));
    }

    @Test
    void aNudgeInTheSpringForwardGapMovesForwardByTheGap() {
        ZonedDateTime due = new NudgeMoment(DayOfWeek.SUNDAY, LocalTime.of(2, 30)).dueIn(LocalDate.of(2026, 3, 23), BERLIN);

        assertThat(due.toOffsetDateTime()).isEqualTo(OffsetDateTime.of(2026, 3, 29, 3, 30, 0, 0, ZoneOffset.ofHours(2)));
    }

    @Test
    void aNudgeInTheFallBackOverlapFiresAtTheEarlierInstant() {
        ZonedDateTime due = new NudgeMoment(DayOfWeek.SUNDAY, LocalTime.of(2, 30)).dueIn(LocalDate.of(2026, 10, 19), BERLIN);

        assertThat(due.toOffsetDateTime()).isEqualTo(OffsetDateTime.of(2026, 10, 25, 2, 30, 0, 0, ZoneOffset.ofHours(2)));
        assertThat(due.toInstant()).isEqualTo(Instant.parse("2026-10-25T00:30:00Z"));
    }

    @Test
    void theDefaultNudgeStaysAtHalfPastSevenLocalAcrossTheChange() {
        ZonedDateTime before = NudgeMoment.DEFAULT.dueIn(LocalDate.of(2026, 3, 23), BERLIN);
        ZonedDateTime after = NudgeMoment.DEFAULT.dueIn(LocalDate.of(2026, 3, 30), BERLIN);

        assertThat(before.toInstant()).isEqualTo(Instant.parse("2026-03-23T06:30:00Z"));
        assertThat(after.toInstant()).isEqualTo(Instant.parse("2026-03-30T05:30:00Z"));
        assertThat(before.toLocalTime()).isEqualTo(after.toLocalTime()).isEqualTo(LocalTime.of(7, 30));
    }

    @Test
    void newYorkSpringsForwardOnTheSecondSundayOfMarch() {
        ZonedDateTime due = new NudgeMoment(DayOfWeek.SUNDAY, LocalTime.of(2, 30)).dueIn(LocalDate.of(2026, 3, 2), NEW_YORK);
        Session session = InputBuilder.session("2026-03-08", "02:15", 60, InputBuilder.work("python", 60));

        assertThat(due.toOffsetDateTime()).isEqualTo(OffsetDateTime.of(2026, 3, 8, 3, 30, 0, 0, ZoneOffset.ofHours(-4)));
        assertThat(session.startIn(NEW_YORK).toInstant()).isEqualTo(Instant.parse("2026-03-08T07:15:00Z"));
    }

    @Test
    void newYorkFallsBackOnTheFirstSundayOfNovemberToTheEarlierInstant() {
        ZonedDateTime due = new NudgeMoment(DayOfWeek.SUNDAY, LocalTime.of(1, 30)).dueIn(LocalDate.of(2026, 10, 26), NEW_YORK);

        assertThat(due.toOffsetDateTime()).isEqualTo(OffsetDateTime.of(2026, 11, 1, 1, 30, 0, 0, ZoneOffset.ofHours(-4)));
        assertThat(due.toInstant()).isEqualTo(Instant.parse("2026-11-01T05:30:00Z"));
    }

    @Test
    void aNewYorkPlanLaysSessionsInLocalTimeOnBothSidesOfTheChange() {
        WeeklyPlan plan = new WeeklyPlan(NEW_YORK, List.of(slot(DayOfWeek.SATURDAY, "19:00", 120), slot(DayOfWeek.SUNDAY, "02:00", 60)));

        Schedule schedule = startingOn("2026-03-02").plan(plan).milestones(todo("python", 360)).schedule();

        List<Session> sessions = schedule.weeks().stream().flatMap(week -> week.sessions().stream()).toList();
        assertThat(sessions).extracting(Session::startDateTime).containsExactly(
                LocalDateTime.of(2026, 3, 7, 19, 0),
                LocalDateTime.of(2026, 3, 8, 2, 0),
                LocalDateTime.of(2026, 3, 14, 19, 0),
                LocalDateTime.of(2026, 3, 15, 2, 0));
        assertThat(sessions).extracting(s -> s.startIn(NEW_YORK).toInstant()).containsExactly(
                Instant.parse("2026-03-08T00:00:00Z"),
                Instant.parse("2026-03-08T07:00:00Z"),
                Instant.parse("2026-03-14T23:00:00Z"),
                Instant.parse("2026-03-15T06:00:00Z"));
    }

    @Test
    void aNudgeIsDueOnlyForAWeekStart() {
        assertThatThrownBy(() -> NudgeMoment.DEFAULT.dueIn(LocalDate.of(2026, 3, 25), BERLIN))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("must be a Monday");
    }
}
