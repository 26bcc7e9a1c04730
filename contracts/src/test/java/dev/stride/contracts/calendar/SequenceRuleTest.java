package dev.stride.contracts.calendar;

import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.util.List;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

/** The one calendar-versioning rule: a session's SEQUENCE is the second its content was computed. */
class SequenceRuleTest {

    @Test
    void laterContentRanksHigherSecondBySecond() {
        Instant built = Instant.parse("2026-12-07T07:30:00Z");
        assertThat(StudyCalendar.sequenceAsOf(built)).isEqualTo(29_403_000);
        assertThat(StudyCalendar.sequenceAsOf(built.plusMillis(999))).isEqualTo(29_403_000);
        assertThat(StudyCalendar.sequenceAsOf(built.plusSeconds(1))).isEqualTo(29_403_001);
    }

    @Test
    void staysAValidIcalendarInteger() {
        assertThat(StudyCalendar.sequenceAsOf(Instant.parse("2025-06-01T00:00:00Z"))).as("before the epoch").isZero();
        assertThat(StudyCalendar.sequenceAsOf(Instant.parse("2094-01-19T03:14:07Z"))).isEqualTo(2_147_483_647);
        assertThat(StudyCalendar.sequenceAsOf(Instant.parse("2200-01-01T00:00:00Z"))).as("clamped, never negative").isEqualTo(Integer.MAX_VALUE);
    }

    @Test
    void theCalendarWritesTheSequenceItIsGiven() {
        StudyCalendar.Header header = StudyCalendar.Header.attachment(UUID.randomUUID(), ZoneId.of("Europe/Berlin"), "stride.dev");
        List<StudyCalendar.Entry> entries = List.of(new StudyCalendar.Entry(LocalDate.of(2027, 3, 9), LocalTime.of(18, 0), 90, "Study", ""));
        int sequence = StudyCalendar.sequenceAsOf(Instant.parse("2027-03-08T06:30:00Z"));
        String ics = new String(StudyCalendar.render(header, entries, (uid, hash) -> sequence, Instant.parse("2027-03-08T06:30:05Z")));
        assertThat(ics).contains("SEQUENCE:" + sequence + "\r\n");
    }
}
