package dev.stride.roadmap.problem;

import java.util.Locale;
import java.util.Map;

/** A value of a field error that has words of its own per language (a roadmap's or a phase's title): the authored text, else. */
public record Worded(String authored, Map<String, String> byLanguage) {

    public Worded {
        byLanguage = byLanguage == null ? Map.of() : Map.copyOf(byLanguage);
    }

    public String in(Locale locale) {
        String text = locale == null ? null : byLanguage.get(locale.getLanguage());
        return text == null || text.isBlank() ? authored : text;
    }

    @Override
    public String toString() {
        return authored;
    }
}
