package dev.stride.notifier.mail;

import java.math.BigDecimal;
import java.text.NumberFormat;
import java.time.DayOfWeek;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.time.format.TextStyle;
import java.util.Locale;

/** One learner's language: the message bundles (the emails' words, the weekly lead's) and the date, time and number formats they prescribe. */
public record Texts(Locale locale, MailMessages msg, LeadMessages lead) {

    public String day(LocalDate date) {
        return DateTimeFormatter.ofPattern(msg.patternDay(), locale).format(date);
    }

    public String date(LocalDate date) {
        return DateTimeFormatter.ofPattern(msg.patternDate(), locale).format(date);
    }

    public String time(LocalTime time) {
        return DateTimeFormatter.ofPattern(msg.patternTime(), locale).format(time);
    }

    public String dateTime(Instant instant, ZoneId zone) {
        return DateTimeFormatter.ofPattern(msg.patternDateTime(), locale).format(instant.atZone(zone));
    }

    public String weekday(DayOfWeek day) {
        return day.getDisplayName(TextStyle.FULL, locale);
    }

    /** 90 → "1 h 30 min", 45 → "45 min", 120 → "2 h" (in the learner's units). */
    public String duration(int totalMinutes) {
        int minutes = Math.abs(totalMinutes);
        int hours = minutes / 60;
        int rest = minutes % 60;
        if (hours == 0) {
            return msg.minutes(rest);
        }
        return rest == 0 ? msg.hours(hours) : msg.hoursAndMinutes(hours, rest);
    }

    /** Hours with at most one decimal, in the learner's notation (12.5 / 12,5). */
    public String hours(BigDecimal hours) {
        NumberFormat format = NumberFormat.getNumberInstance(locale);
        format.setMaximumFractionDigits(1);
        format.setMinimumFractionDigits(0);
        return format.format(hours == null ? BigDecimal.ZERO : hours);
    }
}
