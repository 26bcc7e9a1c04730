package dev.stride.notifier.mail;

import dev.stride.contracts.calendar.StudyCalendar;
import dev.stride.contracts.event.NudgeDue;
import jakarta.enterprise.context.ApplicationScoped;

import java.time.Clock;
import java.time.Duration;
import java.time.ZoneId;
import java.util.List;
import java.util.Optional;
import java.util.stream.Collectors;

/**
 * The week's study sessions as the email's iCalendar attachment, by the rules in {@link StudyCalendar} (shared with
 * roadmap-service's live feed). SEQUENCE numbers are remembered per UID in this service's {@code calendar_event}.
 */
@ApplicationScoped
public class WeekCalendar {

    public static final String FILE_NAME = "week.ics";
    public static final String CONTENT_TYPE = StudyCalendar.CONTENT_TYPE;

    private final CalendarEventRepository events;
    private final MailSettings settings;
    private final Clock clock;
    private final Optional<Duration> alarmBefore;

    public WeekCalendar(CalendarEventRepository events, MailSettings settings, CalendarSettings calendar, Clock clock) {
        this.events = events;
        this.settings = settings;
        this.clock = clock;
        this.alarmBefore = StudyCalendar.alarmLead(calendar.alarmBefore());
    }

    /** The calendar of this nudge's sessions, or empty if the week has none. */
    public Optional<byte[]> of(NudgeDue nudge, Texts texts) {
        List<NudgeDue.PlannedSession> sessions = nudge.sessions() == null ? List.of() : nudge.sessions();
        if (sessions.isEmpty()) {
            return Optional.empty();
        }
        List<StudyCalendar.Entry> entries = sessions.stream().map(session -> entry(nudge, session, texts)).toList();
        StudyCalendar.Header header = StudyCalendar.Header.attachment(nudge.subscriptionId(), ZoneId.of(nudge.zone()), settings.messageIdDomain())
                .withAlarm(alarmBefore);
        return Optional.of(StudyCalendar.render(header, entries,
                (uid, hash) -> events.sequenceFor(uid, nudge.subscriptionId(), hash, clock.instant()), clock.instant()));
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
