package dev.stride.contracts.text;

import java.util.Locale;
import java.util.Map;

/**
 * The one rule for wording a roadmap in a language: the text of {@code translations.<language>.<key>} where there is one
 * and it is not blank, the authored (English) text otherwise. Roadmap pages and the weekly emails both word a roadmap
 * through it. {@code translations} maps a language (ISO 639, "de") to texts by key ({@code title},
 * {@code milestone.<id>.title}, {@code milestone.<id>.steps.<n>}, ...); any of it may be null.
 */
public final class Translations {

    private Translations() {
    }

    /** The text for {@code key} in {@code language}, else {@code authored}. */
    public static String text(Map<String, Map<String, String>> translations, String language, String key, String authored) {
        if (translations == null || language == null) {
            return authored;
        }
        Map<String, String> texts = translations.get(language);
        String translated = texts == null ? null : texts.get(key);
        return translated == null || translated.isBlank() ? authored : translated;
    }

    /** The language part of a locale tag ("de-AT" and "de_AT" give "de"); null for a null or blank tag. */
    public static String language(String localeTag) {
        if (localeTag == null || localeTag.isBlank()) {
            return null;
        }
        String language = Locale.forLanguageTag(localeTag.replace('_', '-')).getLanguage();
        return language.isEmpty() ? null : language;
    }
}
