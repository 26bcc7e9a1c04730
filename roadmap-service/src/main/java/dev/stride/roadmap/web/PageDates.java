package dev.stride.roadmap.web;

import io.quarkus.qute.TemplateExtension;
import io.quarkus.qute.TemplateInstance;
import io.quarkus.qute.i18n.Localized;
import io.quarkus.qute.i18n.MessageBundles;

import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.util.Locale;

/**
 * Dates on the pages in the page's language: {@code {date.shortDay}} ("Tue 9 Mar", "Di., 9. März") and
 * {@code {date.longDate}}. The patterns are messages of {@link PageMessages} ({@code patternShortDay},
 * {@code patternLongDate}); the language is the one {@link PageLanguages} put on the template.
 */
@TemplateExtension
final class PageDates {

    private PageDates() {
    }

    static String shortDay(LocalDate date, @TemplateExtension.TemplateAttribute(TemplateInstance.LOCALE) Object locale) {
        Locale language = language(locale);
        return DateTimeFormatter.ofPattern(messages(language).patternShortDay(), language).format(date);
    }

    static String longDate(LocalDate date, @TemplateExtension.TemplateAttribute(TemplateInstance.LOCALE) Object locale) {
        Locale language = language(locale);
        return DateTimeFormatter.ofPattern(messages(language).patternLongDate(), language).format(date);
    }

    static Locale language(Object locale) {
        return locale instanceof Locale given ? given : locale instanceof String tag ? Locale.forLanguageTag(tag) : Locale.ENGLISH;
    }

    private static PageMessages messages(Locale locale) {
        return "en".equals(locale.getLanguage()) ? MessageBundles.get(PageMessages.class)
                : MessageBundles.get(PageMessages.class, Localized.Literal.of(locale.getLanguage()));
    }
}
