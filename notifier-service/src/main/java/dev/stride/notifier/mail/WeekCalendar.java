package dev.stride.notifier.mail;

import dev.stride.contracts.calendar.StudyCalendar;
import dev.stride.contracts.event.EventEnvelope;
import dev.stride.contracts.event.NudgeDue;
import jakarta.enterprise.context.ApplicationScoped;

import net.fortuna.ical4j.model.Calendar;
import net.fortuna.ical4j.model.Component;
import net.fortuna.ical4j.model.Property;
import net.fortuna.ical4j.model.component.VEvent;
import net.fortuna.ical4j.model.component.VTimeZone;

import java.time.Clock;
import java.time.Duration;
import java.time.ZoneId;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.Optional;
import java.util.stream.Collectors;

/**
 * The week's study sessions as the email's iCalendar attachment, by the rules in {@link StudyCalendar} (shared with
 * roadmap-service's live feed). Every session's SEQUENCE is the time the reminder built the nudge (its envelope's
 * {@code occurredAt}, {@link StudyCalendar#sequenceAsOf}): a retried or resent email carries the same, and nothing is
 * stored here for it.
 */
@ApplicationScoped
public class WeekCalendar {

    public static final String FILE_NAME = "week.ics";
    public static final String CONTENT_TYPE = StudyCalendar.CONTENT_TYPE;

    private final MailSettings settings;
    private final Clock clock;
    private final Optional<Duration> alarmBefore;

    public WeekCalendar(MailSettings settings, CalendarSettings calendar, Clock clock) {
        this.settings = settings;
        this.clock = clock;
        this.alarmBefore = StudyCalendar.alarmLead(calendar.alarmBefore());
    }

    /** The calendar of this nudge's sessions, or empty if the week has none. */
    public Optional<byte[]> of(EventEnvelope<NudgeDue> nudge, Texts texts) {
        return calendar(nudge, texts).map(StudyCalendar::write);
    }

    /**
     * One calendar with every session of every nudge of a digest: each nudge's calendar by the same rules (its UIDs, its
     * SEQUENCE, its zone), their events and zones put together, written once; empty if no nudge has a session.
     */
    public Optional<byte[]> of(List<EventEnvelope<NudgeDue>> nudges, Texts texts) {
        Calendar merged = null;
        Set<String> zones = new HashSet<>();
        for (EventEnvelope<NudgeDue> nudge : nudges) {
            Optional<Calendar> one = calendar(nudge, texts);
            if (one.isEmpty()) {
                continue;
            }
            Calendar calendar = one.get();
            if (merged == null) {
                merged = calendar;
                calendar.<VTimeZone>getComponents(Component.VTIMEZONE).forEach(zone -> zones.add(tzid(zone)));
                continue;
            }
            for (VTimeZone zone : calendar.<VTimeZone>getComponents(Component.VTIMEZONE)) {
                if (zones.add(tzid(zone))) {
                    merged.add(zone);
                }
            }
            for (VEvent event : calendar.<VEvent>getComponents(Component.VEVENT)) {
                merged.add(event);
            }
        }
        return Optional.ofNullable(merged).map(StudyCalendar::write);
    }

    private Optional<Calendar> calendar(EventEnvelope<NudgeDue> envelope, Texts texts) {
        NudgeDue nudge = envelope.data();
        List<NudgeDue.PlannedSession> sessions = nudge.sessions() == null ? List.of() : nudge.sessions();
        if (sessions.isEmpty()) {
            return Optional.empty();
        }
        List<StudyCalendar.Entry> entries = sessions.stream().map(session -> entry(nudge, session, texts)).toList();
        StudyCalendar.Header header = StudyCalendar.Header.attachment(nudge.subscriptionId(), ZoneId.of(nudge.zone()), settings.messageIdDomain())
                .withAlarm(alarmBefore);
        int sequence = StudyCalendar.sequenceAsOf(envelope.occurredAt());
        return Optional.of(StudyCalendar.calendar(header, entries, (uid, hash) -> sequence, clock.instant()));
    }

    private static String tzid(VTimeZone zone) {
        return zone.getProperty(Property.TZID).map(Property::getValue).orElse("");
    }

    private static StudyCalendar.Entry entry(NudgeDue nudge, NudgeDue.PlannedSession session, Texts texts) {
        List<NudgeDue.Work> work = session.work() == null ? List.of() : session.work();
        String milestones = work.stream().map(NudgeDue.Work::milestoneTitle).distinct().collect(Collectors.joining(", "));
        String summary = texts.msg().calendarSummary(milestones.isBlank() ? nudge.roadmapTitle() : milestones);
        String description = work.stream().map(item -> texts.msg().workLine(texts.duration(item.minutes()), item.milestoneTitle()))
                .collect(Collectors.joining("\n"));
        return new StudyCalendar.Entry(session.date(), session.start(), session.minutes(), summary, description);
    }
}
