package dev.stride.roadmap.problem;

import org.junit.jupiter.api.Test;

import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.LocalTime;
import java.util.Arrays;
import java.util.Locale;
import java.util.Map;
import java.util.Properties;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Both languages word every field error: each {@link FieldErrorCode} has an English and a German text naming the same values,
 * the German one really German; values are worded for the language (day names, dates, decimals, translated titles).
 */
class FieldErrorTextsTest {

    private static final Pattern VALUE = Pattern.compile("\\{(\\w+)}");
    /** Keys that are no error: how a date is written. */
    private static final Set<String> FORMATS = Set.of("_date");
    /** German texts that are the English ones by nature; none so far. */
    private static final Set<String> SAME_IN_BOTH = Set.of();

    private final Properties english = FieldErrorTexts.bundle("en");
    private final Properties german = FieldErrorTexts.bundle("de");

    @Test
    void everyCodeHasAnEnglishAndAGermanTextAndNothingElse() {
        Set<String> codes = Arrays.stream(FieldErrorCode.values()).map(Enum::name).collect(Collectors.toCollection(TreeSet::new));
        codes.addAll(FORMATS);

        assertThat(new TreeSet<>(english.stringPropertyNames())).as("keys of the English bundle").isEqualTo(codes);
        assertThat(new TreeSet<>(german.stringPropertyNames())).as("keys of the German bundle").isEqualTo(codes);
    }

    @Test
    void theGermanTextIsGermanAndNamesTheSameValues() {
        for (FieldErrorCode code : FieldErrorCode.values()) {
            String en = english.getProperty(code.name());
            String de = german.getProperty(code.name());
            assertThat(de).as(code.name()).isNotBlank();
            if (!SAME_IN_BOTH.contains(code.name())) {
                assertThat(de).as(code.name()).isNotEqualTo(en);
            }
            assertThat(values(de)).as("values of %s", code).isEqualTo(values(en));
        }
    }

    @Test
    void aSlotOverlapNamesTheDayAndTimeInThePagesLanguage() {
        FieldError overlap = FieldError.of("slots[1]", FieldErrorCode.SLOT_OVERLAPS, Map.of("day", DayOfWeek.MONDAY, "time", LocalTime.of(18, 0)));

        assertThat(overlap.message()).isEqualTo("overlaps the slot on Monday at 18:00");
        assertThat(FieldErrorTexts.text(overlap, Locale.ENGLISH)).isEqualTo(overlap.message());
        assertThat(FieldErrorTexts.text(overlap, Locale.GERMAN)).isEqualTo("überschneidet sich mit der Einheit am Montag um 18:00 Uhr");
        // A language without a bundle reads English.
        assertThat(FieldErrorTexts.text(overlap, Locale.FRENCH)).isEqualTo(overlap.message());
    }

    @Test
    void datesNumbersAndTitlesAreWordedForTheLanguage() {
        FieldError past = FieldError.of("startDate", FieldErrorCode.START_DATE_PAST, Map.of("today", LocalDate.of(2026, 12, 7)));
        assertThat(past.message()).isEqualTo("must be today (2026-12-07 in your time zone) or later");
        assertThat(FieldErrorTexts.text(past, Locale.GERMAN)).isEqualTo("muss heute (7. Dezember 2026 in deiner Zeitzone) oder später sein");

        FieldError tooLong = FieldError.of("plan.slots", FieldErrorCode.SLOTS_TOO_LONG, Map.of("hours", 40.5, "max", 40));
        assertThat(tooLong.message()).isEqualTo("add up to 40.5 h a week; at most 40 h");
        assertThat(FieldErrorTexts.text(tooLong, Locale.GERMAN)).isEqualTo("ergeben 40,5 Std. pro Woche; höchstens 40 Std. sind möglich");

        FieldError misfit = FieldError.of("phases", FieldErrorCode.HOURS_MISFIT_DURATION, Map.of("hours", new java.math.BigDecimal("1251.0"),
                "months", 12, "weekly", 5, "expected", 260L, "tolerance", 15L));
        assertThat(misfit.message()).isEqualTo("the hours in play (optional milestones left out, one per chooseOne group) add up to 1251.0 h, "
                + "but 12 months at 5 h a week is about 260 h (±15%)");
        assertThat(FieldErrorTexts.text(misfit, Locale.GERMAN)).contains("ergeben 1251,0 Std., aber 12 Monate mit 5 Std. pro Woche");

        Worded title = new Worded("AI/ML engineer in 12 months", Map.of("de", "KI/ML-Ingenieur in 12 Monaten"));
        FieldError clash = FieldError.of("slots[0]", FieldErrorCode.SLOT_CLASHES, Map.of("day", DayOfWeek.TUESDAY, "time", LocalTime.of(18, 0),
                "minutes", 90, "zone", "Europe/Berlin", "roadmap", title));
        assertThat(clash.message()).isEqualTo("clashes with your Tuesday 18:00 session (90 min, Europe/Berlin) for AI/ML engineer in 12 months");
        assertThat(FieldErrorTexts.text(clash, Locale.GERMAN))
                .isEqualTo("überschneidet sich mit deiner Einheit am Dienstag um 18:00 Uhr (90 Min., Europe/Berlin) für KI/ML-Ingenieur in 12 Monaten");
    }

    @Test
    void anErrorWithoutACodeReadsAsWorded() {
        FieldError authored = new FieldError("weeklyMix", "the percentages add up to 90, not 100");

        assertThat(FieldErrorTexts.text(authored, Locale.GERMAN)).isEqualTo("the percentages add up to 90, not 100");
    }

    private static Set<String> values(String text) {
        Set<String> names = new TreeSet<>();
        Matcher matcher = VALUE.matcher(text);
        while (matcher.find()) {
            names.add(matcher.group(1));
        }
        return names;
    }
}
