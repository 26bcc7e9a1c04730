package dev.stride.contracts.text;

import org.junit.jupiter.api.Test;

import java.util.HashMap;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

class TranslationsTest {

    private static final Map<String, Map<String, String>> TRANSLATIONS = Map.of(
            "de", Map.of("title", "Datenanalyse", "milestone.m1.title", " ", "milestone.m1.steps.0", "Daten laden"));

    @Test
    void theLanguagesTextWhereThereIsOne() {
        assertEquals("Datenanalyse", Translations.text(TRANSLATIONS, "de", "title", "Data analysis"));
        assertEquals("Daten laden", Translations.text(TRANSLATIONS, "de", "milestone.m1.steps.0", "Load the data"));
    }

    @Test
    void theAuthoredTextForAMissingOrBlankTranslationOrAnotherLanguage() {
        assertEquals("Clean data", Translations.text(TRANSLATIONS, "de", "milestone.m1.title", "Clean data"));
        assertEquals("Summary", Translations.text(TRANSLATIONS, "de", "summary", "Summary"));
        assertEquals("Data analysis", Translations.text(TRANSLATIONS, "en", "title", "Data analysis"));
        assertEquals("Data analysis", Translations.text(TRANSLATIONS, null, "title", "Data analysis"));
        assertEquals("Data analysis", Translations.text(null, "de", "title", "Data analysis"));
        Map<String, Map<String, String>> nullTexts = new HashMap<>();
        nullTexts.put("de", null);
        assertEquals("Data analysis", Translations.text(nullTexts, "de", "title", "Data analysis"));
    }

    @Test
    void languageIsTheTagsLanguagePart() {
        assertEquals("de", Translations.language("de"));
        assertEquals("de", Translations.language("de-AT"));
        assertEquals("de", Translations.language("de_AT"));
        assertEquals("en", Translations.language("EN-gb"));
        assertNull(Translations.language(null));
        assertNull(Translations.language(" "));
    }
}
