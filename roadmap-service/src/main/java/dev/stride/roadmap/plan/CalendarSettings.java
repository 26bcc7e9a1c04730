package dev.stride.roadmap.plan;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

import java.time.Duration;

/** The live calendar feed ({@code stride.calendar.*}). */
@ConfigMapping(prefix = "stride.calendar")
public interface CalendarSettings {

    /** The right-hand side of every session UID; the same as the notifier's, so the feed and the email attachment name a session alike. */
    @WithDefault("stride.dev")
    String uidDomain();

    /** How many weeks ahead, this one included, the feed lists. */
    @WithDefault("8")
    int feedWeeks();

    /** How often a calendar app should fetch the feed again (REFRESH-INTERVAL, X-PUBLISHED-TTL). */
    @WithDefault("PT6H")
    Duration refreshEvery();

    /**
     * Every session carries a display alarm this long before it starts ({@code PT15M}, {@code 15m}); {@code 0} or
     * {@code none}: no alarm. The same key as the notifier's, read by contracts' {@code StudyCalendar.alarmLead}.
     */
    @WithDefault("PT15M")
    String alarmBefore();
}
