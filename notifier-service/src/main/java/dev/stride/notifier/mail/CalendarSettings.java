package dev.stride.notifier.mail;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

/** The email's calendar attachment ({@code stride.calendar.*}); roadmap-service's live feed reads the same key. */
@ConfigMapping(prefix = "stride.calendar")
public interface CalendarSettings {

    /**
     * STRIDE_CALENDAR_ALARM_BEFORE: every session carries a display alarm this long before it starts ({@code PT15M},
     * {@code 15m}); {@code 0} or {@code none}: no alarm. Read by contracts' {@code StudyCalendar.alarmLead}.
     */
    @WithDefault("PT15M")
    String alarmBefore();
}
