package dev.stride.contracts.calendar;

import net.fortuna.ical4j.data.CalendarOutputter;
import net.fortuna.ical4j.model.Calendar;
import net.fortuna.ical4j.model.ParameterList;
import net.fortuna.ical4j.model.TimeZone;
import net.fortuna.ical4j.model.TimeZoneRegistry;
import net.fortuna.ical4j.model.TimeZoneRegistryFactory;
import net.fortuna.ical4j.model.component.VAlarm;
import net.fortuna.ical4j.model.component.VEvent;
import net.fortuna.ical4j.model.property.Description;
import net.fortuna.ical4j.model.property.DtStamp;
import net.fortuna.ical4j.model.property.Name;
import net.fortuna.ical4j.model.property.ProdId;
import net.fortuna.ical4j.model.property.RefreshInterval;
import net.fortuna.ical4j.model.property.Sequence;
import net.fortuna.ical4j.model.property.Uid;
import net.fortuna.ical4j.model.property.XProperty;
import net.fortuna.ical4j.model.property.immutable.ImmutableAction;
import net.fortuna.ical4j.model.property.immutable.ImmutableCalScale;
import net.fortuna.ical4j.model.property.immutable.ImmutableMethod;
import net.fortuna.ical4j.model.property.immutable.ImmutableVersion;

import java.io.IOException;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.HexFormat;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.Optional;
import java.util.UUID;

/**
 * Study sessions as iCalendar (RFC 5545, written by ical4j), by one set of rules for the weekly email's attachment
 * and the live calendar feed:
 * <ul>
 *   <li>one VEVENT per session, in the learner's zone, with that zone's VTIMEZONE from ical4j's bundled definitions;</li>
 *   <li>a session's UID is stable: subscription, local date and start time, so a re-planned session updates in place;</li>
 *   <li>its SEQUENCE is the time its content was computed ({@link #sequenceAsOf}), so the newest content wins.</li>
 * </ul>
 */
public final class StudyCalendar {

    public static final String CONTENT_TYPE = "text/calendar; method=PUBLISH; charset=UTF-8";

    private static final DateTimeFormatter UID_TIME = DateTimeFormatter.ofPattern("uuuuMMdd'T'HHmm");
    private static final TimeZoneRegistry ZONES = TimeZoneRegistryFactory.getInstance().createRegistry();

    /** One planned session as a calendar shows it. */
    public record Entry(LocalDate date, LocalTime start, int minutes, String summary, String description) {
        public Entry {
            Objects.requireNonNull(date, "date");
            Objects.requireNonNull(start, "start");
            Objects.requireNonNull(summary, "summary");
            description = description == null ? "" : description;
            if (minutes <= 0) {
                throw new IllegalArgumentException("a session lasts some minutes, not " + minutes);
            }
        }
    }

    /** The SEQUENCE of this UID with this content, by {@link #sequenceAsOf}. */
    @FunctionalInterface
    public interface Sequences {
        int sequenceFor(String uid, String contentHash);
    }

    /**
     * What the whole calendar says about itself. A feed has a name and asks to be refreshed; an attachment has neither.
     */
    public record Header(UUID subscriptionId, ZoneId zone, String uidDomain, Optional<String> name, Optional<Duration> refreshEvery,
                         Optional<Duration> alarmBefore) {
        public Header {
            Objects.requireNonNull(subscriptionId, "subscriptionId");
            Objects.requireNonNull(zone, "zone");
            Objects.requireNonNull(uidDomain, "uidDomain");
            Objects.requireNonNull(name, "name");
            Objects.requireNonNull(refreshEvery, "refreshEvery");
            Objects.requireNonNull(alarmBefore, "alarmBefore");
        }

        public static Header attachment(UUID subscriptionId, ZoneId zone, String uidDomain) {
            return new Header(subscriptionId, zone, uidDomain, Optional.empty(), Optional.empty(), Optional.empty());
        }

        public static Header feed(UUID subscriptionId, ZoneId zone, String uidDomain, String name, Duration refreshEvery) {
            return new Header(subscriptionId, zone, uidDomain, Optional.of(name), Optional.of(refreshEvery), Optional.empty());
        }

        /** Every session gets a display alarm this long before it starts; empty: no alarm. */
        public Header withAlarm(Optional<Duration> before) {
            return new Header(subscriptionId, zone, uidDomain, name, refreshEvery, before);
        }
    }

    /**
     * The one reading of a {@code stride.calendar.alarm-before} setting: an ISO-8601 duration ({@code PT15M}) or a number
     * with a unit ({@code 15m}, {@code 1h}); {@code 0}, {@code none} or blank mean no alarm.
     */
    public static Optional<Duration> alarmLead(String setting) {
        String value = setting == null ? "" : setting.strip().toLowerCase(Locale.ROOT);
        if (value.isEmpty() || value.equals("none") || value.equals("0")) {
            return Optional.empty();
        }
        Duration lead;
        try {
            lead = value.matches("\\d+[smh]") ? Duration.parse("PT" + value) : Duration.parse(value.toUpperCase(Locale.ROOT));
        } catch (DateTimeParseException e) {
            throw new IllegalArgumentException("stride.calendar.alarm-before: '" + setting + "' is no duration such as PT15M, 15m or none", e);
        }
        if (lead.isNegative()) {
            throw new IllegalArgumentException("stride.calendar.alarm-before: '" + setting + "' must not be negative");
        }
        return lead.isZero() ? Optional.empty() : Optional.of(lead);
    }

    /** Second 0 of every SEQUENCE. */
    private static final Instant SEQUENCE_EPOCH = Instant.parse("2026-01-01T00:00:00Z");

    /**
     * The one calendar-versioning rule, for the live feed and the email's attachment alike: the SEQUENCE of a session's
     * content is the second (counted from 2026-01-01 UTC) at which that content was computed. Both serve the same UIDs, and
     * a calendar app keeps the version with the highest SEQUENCE, so the newer content wins whichever of the two brought
     * it: an email built before the learner's last change loses to the feed fetched after it, an email built after it
     * wins over an older fetch, and a resent old email changes nothing. Two counters, one per service, could not be
     * compared. It is the time of computing, not of the learner's change: content that goes A, B, A, or a reminder
     * projection that lags the roadmap, can rank stale content first until the next change (contracts README).
     * Clamped to 0..2^31-1 (RFC 5545 integers; that lasts until 2094).
     */
    public static int sequenceAsOf(Instant asOf) {
        long seconds = Duration.between(SEQUENCE_EPOCH, asOf).getSeconds();
        return (int) Math.max(0, Math.min(Integer.MAX_VALUE, seconds));
    }

    private StudyCalendar() {
    }

    public static String uid(UUID subscriptionId, LocalDate date, LocalTime start, String domain) {
        return subscriptionId + "-" + UID_TIME.format(date.atTime(start)) + "@" + domain;
    }

    /** The calendar as UTF-8 bytes; entries may be empty (a feed with nothing planned is still a valid calendar). */
    public static byte[] render(Header header, List<Entry> entries, Sequences sequences, Instant stamp) {
        return write(calendar(header, entries, sequences, stamp));
    }

    /**
     * The calendar before it is written, for a caller that merges several (the notifier's weekly digest): merging these
     * is cheap, reading written ones back is not (ical4j rebuilds each zone from its rules).
     */
    public static Calendar calendar(Header header, List<Entry> entries, Sequences sequences, Instant stamp) {
        Calendar calendar = new Calendar();
        calendar.add(new ProdId("-//Stride//Weekly study plan//EN"));
        calendar.add(ImmutableVersion.VERSION_2_0);
        calendar.add(ImmutableCalScale.GREGORIAN);
        calendar.add(ImmutableMethod.PUBLISH);
        header.name().ifPresent(name -> {
            calendar.add(new Name(name));
            calendar.add(new XProperty("X-WR-CALNAME", name));
        });
        header.refreshEvery().ifPresent(every -> {
            calendar.add(new RefreshInterval(new ParameterList(), every));
            calendar.add(new XProperty("X-PUBLISHED-TTL", every.toString()));
        });
        TimeZone timeZone = ZONES.getTimeZone(header.zone().getId());
        if (timeZone != null) {
            calendar.add(timeZone.getVTimeZone());
        }
        for (Entry entry : entries) {
            calendar.add(event(header, entry, sequences, stamp));
        }
        return calendar;
    }

    /** A calendar as UTF-8 bytes, as every Stride calendar is written. */
    public static byte[] write(Calendar calendar) {
        StringWriter out = new StringWriter();
        try {
            // Not validating while writing: one pedantic rule must not cost the learner the whole calendar; the tests validate.
            new CalendarOutputter(false).output(calendar, out);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out.toString().getBytes(StandardCharsets.UTF_8);
    }

    private static VEvent event(Header header, Entry entry, Sequences sequences, Instant stamp) {
        // ZonedDateTime.of: a start in a DST gap moves forward by the gap, one in an overlap takes the earlier instant.
        ZonedDateTime start = ZonedDateTime.of(entry.date(), entry.start(), header.zone());
        String uid = uid(header.subscriptionId(), entry.date(), entry.start(), header.uidDomain());
        // The alarm is part of the content: a changed lead time reaches calendars that already hold the session.
        int sequence = sequences.sequenceFor(uid, hash(start + "|" + entry.minutes() + "|" + entry.summary() + "|" + entry.description()
                + header.alarmBefore().map(before -> "|alarm " + before).orElse("")));

        VEvent event = new VEvent(start, Duration.ofMinutes(entry.minutes()), entry.summary());
        event.add(new Uid(uid));
        event.add(new Sequence(sequence));
        if (!entry.description().isBlank()) {
            event.add(new Description(entry.description()));
        }
        event.replace(new DtStamp(stamp));
        header.alarmBefore().ifPresent(before -> {
            // TRIGGER relative to DTSTART, negative: "this long before the session starts".
            VAlarm alarm = new VAlarm(before.negated());
            alarm.add(ImmutableAction.DISPLAY);
            alarm.add(new Description(entry.summary()));
            event.add(alarm);
        });
        return event;
    }

    private static String hash(String content) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(content.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is part of every JDK", e);
        }
    }
}
