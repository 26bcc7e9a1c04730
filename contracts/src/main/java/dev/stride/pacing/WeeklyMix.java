package dev.stride.pacing;

import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;

/**
 * Percent of each week's milestone time per milestone kind (learn, practice, project, career). A kind the mix does not
 * name, or a milestone without a kind, has a share of 0: it gets time only when the named kinds have nothing available.
 */
public record WeeklyMix(Map<String, Integer> percentByKind) {

    public WeeklyMix {
        Objects.requireNonNull(percentByKind, "percentByKind");
        Map<String, Integer> normalised = new LinkedHashMap<>();
        percentByKind.forEach((kind, percent) -> {
            if (percent == null || percent < 0) {
                throw new IllegalArgumentException("the weekly mix share of " + kind + " must not be negative, was " + percent);
            }
            normalised.merge(key(kind), percent, Integer::sum);
        });
        percentByKind = Map.copyOf(normalised);
    }

    /** The mix of a roadmap as documents and events carry it: null or empty means none (strictly in order). */
    public static WeeklyMix ofNullable(Map<String, Integer> percentByKind) {
        return percentByKind == null || percentByKind.isEmpty() ? null : new WeeklyMix(percentByKind);
    }

    int percentOf(String kind) {
        return percentByKind.getOrDefault(key(kind), 0);
    }

    static String key(String kind) {
        return kind == null ? "" : kind.trim().toLowerCase(Locale.ROOT);
    }
}
