package dev.stride.roadmap.catalog;

import dev.stride.roadmap.problem.FieldError;
import dev.stride.roadmap.problem.FieldErrorCode;

import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;

/** The small checks every roadmap rule uses: ids, texts, words from a fixed list. */
final class FieldChecks {

    private static final Pattern SLUG = Pattern.compile("[a-z0-9]+(-[a-z0-9]+)*");

    private FieldChecks() {
    }

    static boolean isSlug(String value) {
        return value != null && value.length() <= 80 && SLUG.matcher(value).matches();
    }

    static boolean slug(List<FieldError> errors, String field, String value) {
        if (!isSlug(value)) {
            errors.add(FieldError.of(field, FieldErrorCode.SLUG));
            return false;
        }
        return true;
    }

    static void text(List<FieldError> errors, String field, String value, int max) {
        if (value == null || value.isBlank()) {
            errors.add(FieldError.of(field, FieldErrorCode.NOT_BLANK));
        } else if (value.length() > max) {
            errors.add(FieldError.of(field, FieldErrorCode.MAX_CHARACTERS, Map.of("max", max)));
        }
    }

    /** A text that may be left out, but not given blank or too long. */
    static void optionalText(List<FieldError> errors, String field, String value, int max) {
        if (value != null) {
            text(errors, field, value, max);
        }
    }

    static void texts(List<FieldError> errors, String field, List<String> values, int max) {
        if (values != null) {
            for (int i = 0; i < values.size(); i++) {
                text(errors, field + "[" + i + "]", values.get(i), max);
            }
        }
    }

    static void oneOf(List<FieldError> errors, String field, String value, Set<String> allowed) {
        if (value != null && !allowed.contains(value)) {
            errors.add(FieldError.of(field, FieldErrorCode.ONE_OF, Map.of("allowed", String.join(", ", allowed.stream().sorted().toList()))));
        }
    }

    /** Each entry one of {@code allowed}, none twice. */
    static void someOf(List<FieldError> errors, String field, List<String> values, Set<String> allowed) {
        if (values == null) {
            return;
        }
        for (int i = 0; i < values.size(); i++) {
            String value = values.get(i);
            if (value == null || !allowed.contains(value)) {
                errors.add(FieldError.of(field + "[" + i + "]", FieldErrorCode.ONE_OF,
                        Map.of("allowed", String.join(", ", allowed.stream().sorted().toList()))));
            } else if (values.subList(0, i).contains(value)) {
                errors.add(FieldError.of(field + "[" + i + "]", FieldErrorCode.LISTED_TWICE, Map.of("value", value)));
            }
        }
    }
}
