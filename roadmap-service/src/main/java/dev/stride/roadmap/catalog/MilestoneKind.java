package dev.stride.roadmap.catalog;

import java.util.Arrays;
import java.util.Locale;
import java.util.Optional;

/** What kind of work a milestone is. */
public enum MilestoneKind {
    LEARN, PRACTICE, PROJECT, CAREER;

    public static Optional<MilestoneKind> parse(String text) {
        return text == null ? Optional.empty()
                : Arrays.stream(values()).filter(kind -> kind.name().equals(text.toUpperCase(Locale.ROOT))).findFirst();
    }
}
