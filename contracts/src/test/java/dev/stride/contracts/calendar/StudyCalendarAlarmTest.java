package dev.stride.contracts.calendar;

import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The alarm lead setting and the VALARM it puts on every session. */
class StudyCalendarAlarmTest {

    @Test
    void theSettingReadsIsoDurationsShortFormsAndOff() {
        assertThat(StudyCalendar.alarmLead("PT15M")).contains(Duration.ofMinutes(15));
        assertThat(StudyCalendar.alarmLead(" 10m ")).contains(Duration.ofMinutes(10));
        assertThat(StudyCalendar.alarmLead("1h")).contains(Duration.ofHours(1));
        assertThat(StudyCalendar.alarmLead("none")).isEmpty();
        assertThat(StudyCalendar.alarmLead("0")).isEmpty();
        assertThat(StudyCalendar.alarmLead("PT0S")).isEmpty();
        assertThat(StudyCalendar.alarmLead("")).isEmpty();
        assertThatThrownBy(() -> StudyCalendar.alarmLead("soon")).hasMessageContaining("stride.calendar.alarm-before");
        assertThatThrownBy(() -> StudyCalendar.alarmLead("-PT5M")).hasMessageContaining("negative");
    }

    @Test
    void everySessionGetsADisplayAlarmOnlyWhenOneIsSet() {
        StudyCalendar.Header header = StudyCalendar.Header.attachment(UUID.randomUUID(), ZoneId.of("Europe/Berlin"), "stride.dev");
        List<StudyCalendar.Entry> entries = List.of(
                new StudyCalendar.Entry(LocalDate.of(2027, 3, 9), LocalTime.of(18, 0), 90, "Study: functions", ""),
                new StudyCalendar.Entry(LocalDate.of(2027, 3, 13), LocalTime.of(9, 30), 60, "Study: git", ""));

        String withAlarm = render(header.withAlarm(Optional.of(Duration.ofMinutes(20))), entries);
        String without = render(header, entries);

        assertThat(withAlarm.split("BEGIN:VALARM", -1)).hasSize(3);
        assertThat(withAlarm).contains("TRIGGER:-PT20M", "ACTION:DISPLAY", "DESCRIPTION:Study: functions");
        assertThat(without).doesNotContain("VALARM");
    }

    private static String render(StudyCalendar.Header header, List<StudyCalendar.Entry> entries) {
        return new String(StudyCalendar.render(header, entries, (uid, hash) -> 0, Instant.parse("2027-03-08T12:00:00Z")), StandardCharsets.UTF_8);
    }
}
