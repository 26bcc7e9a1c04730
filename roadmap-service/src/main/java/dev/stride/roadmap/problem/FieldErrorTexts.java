package dev.stride.roadmap.problem;

import io.quarkus.qute.Engine;
import io.quarkus.qute.Template;
import io.quarkus.qute.TemplateInstance;

import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.text.NumberFormat;
import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.format.DateTimeFormatter;
import java.time.format.TextStyle;
import java.util.Locale;
import java.util.Map;
import java.util.Properties;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The words of a field error in a language: the text of its {@link FieldErrorCode} in {@code field-errors/field-errors_<lang>.properties}
 * (a Qute template over the error's named values), the one home of every field error's wording, English included. Values are
 * worded for the language: a day by its name, a date by the bundle's {@code _date} pattern, a number with the language's
 * decimal mark (no grouping), a {@link Worded} title in that language. Languages without a bundle get English.
 */
public final class FieldErrorTexts {

    public static final String BUNDLE = "field-errors/field-errors_%s.properties";
    private static final String DATE_PATTERN = "_date";
    private static final Engine ENGINE = Engine.builder().addDefaults().build();
    private static final Map<String, Properties> BUNDLES = new ConcurrentHashMap<>();
    private static final Map<String, Template> TEMPLATES = new ConcurrentHashMap<>();

    private FieldErrorTexts() {
    }

    /** The API's message: the English text. */
    public static String english(FieldErrorCode code, Map<String, Object> args) {
        return text(code, args, Locale.ENGLISH);
    }

    /** The error as a page in {@code locale} words it; an error without a code as its message. */
    public static String text(FieldError error, Locale locale) {
        return error.code() == null ? error.message() : text(error.code(), error.args(), locale);
    }

    static String text(FieldErrorCode code, Map<String, Object> args, Locale locale) {
        String language = bundle(locale.getLanguage()).isEmpty() ? "en" : locale.getLanguage();
        Properties texts = bundle(language);
        String source = texts.getProperty(code.name());
        if (source == null) {
            throw new IllegalStateException("No text for field error " + code + " in " + BUNDLE.formatted(language));
        }
        Locale wording = Locale.forLanguageTag(language);
        TemplateInstance instance = TEMPLATES.computeIfAbsent(language + ":" + code, key -> ENGINE.parse(source)).instance();
        args.forEach((name, value) -> instance.data(name, word(value, wording, texts)));
        return instance.render();
    }

    private static Object word(Object value, Locale locale, Properties texts) {
        if (value instanceof DayOfWeek day) {
            return day.getDisplayName(TextStyle.FULL, locale);
        }
        if (value instanceof LocalDate date) {
            return DateTimeFormatter.ofPattern(texts.getProperty(DATE_PATTERN, "uuuu-MM-dd"), locale).format(date);
        }
        if (value instanceof LocalTime time) {
            return DateTimeFormatter.ofPattern("HH:mm").format(time);
        }
        if (value instanceof Double || value instanceof BigDecimal) {
            NumberFormat format = NumberFormat.getNumberInstance(locale);
            format.setGroupingUsed(false);
            format.setMaximumFractionDigits(2);
            if (value instanceof BigDecimal decimal) {
                // A decimal keeps the places it was given (12.0 h); a double shows only those it needs.
                format.setMinimumFractionDigits(Math.max(decimal.scale(), 0));
                format.setMaximumFractionDigits(Math.max(decimal.scale(), 2));
            }
            return format.format(value);
        }
        return value instanceof Worded worded ? worded.in(locale) : String.valueOf(value);
    }

    /** The bundle of a language; empty when there is none. */
    public static Properties bundle(String language) {
        return BUNDLES.computeIfAbsent(language, FieldErrorTexts::load);
    }

    private static Properties load(String language) {
        Properties properties = new Properties();
        try (InputStream in = FieldErrorTexts.class.getClassLoader().getResourceAsStream(BUNDLE.formatted(language))) {
            if (in != null) {
                properties.load(new InputStreamReader(in, StandardCharsets.UTF_8));
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return properties;
    }
}
