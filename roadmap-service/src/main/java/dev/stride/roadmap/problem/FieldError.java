package dev.stride.roadmap.problem;

import com.fasterxml.jackson.annotation.JsonIgnore;
import jakarta.validation.ConstraintViolation;

import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * One bad input field: its path as the client sent it (e.g. {@code slots[1].minutes}) and what is wrong. {@code message} is
 * the English sentence of the API's problem body; {@code code} and {@code args} say the same for a page to word in its
 * language ({@link FieldErrorTexts}); neither is part of the JSON. An error without a code (unreadable JSON, which names
 * a Java type; the demo clock's refusal) is shown as its message.
 */
public record FieldError(String field, String message, @JsonIgnore FieldErrorCode code, @JsonIgnore Map<String, Object> args) {

    private static final Pattern CODE = Pattern.compile("\\{([A-Z_]+)}");
    private static final Set<String> BOUNDS = Set.of("min", "max", "value");

    public FieldError {
        args = args == null ? Map.of() : Map.copyOf(args);
    }

    /** An error worded in English only. */
    public FieldError(String field, String message) {
        this(field, message, null, Map.of());
    }

    /** The error {@code code} with its values by name; the message is its English text. */
    public static FieldError of(String field, FieldErrorCode code, Map<String, Object> args) {
        return new FieldError(field, FieldErrorTexts.english(code, args), code, args);
    }

    public static FieldError of(String field, FieldErrorCode code) {
        return of(field, code, Map.of());
    }

    /**
     * A Bean Validation violation of {@code field}: a message naming a code in braces ({@code "{MAX_CHARACTERS}"}) is that
     * code, with the constraint's bounds ({@code min}, {@code max}, {@code value}) as its values; any other is worded as is.
     */
    public static FieldError ofViolation(String field, ConstraintViolation<?> violation) {
        Matcher named = CODE.matcher(violation.getMessageTemplate());
        if (!named.matches()) {
            return new FieldError(field, violation.getMessage());
        }
        Map<String, Object> bounds = new HashMap<>();
        violation.getConstraintDescriptor().getAttributes().forEach((name, value) -> {
            if (BOUNDS.contains(name) && value instanceof Number) {
                bounds.put(name, value);
            }
        });
        return of(field, FieldErrorCode.valueOf(named.group(1)), bounds);
    }

    /** The first error of each field, in order: what a form shows next to its fields. */
    public static Map<String, FieldError> byField(List<FieldError> errors) {
        Map<String, FieldError> byField = new LinkedHashMap<>();
        errors.forEach(error -> byField.putIfAbsent(error.field(), error));
        return byField;
    }

    /** The same error named by another path (a request's prefix added or taken off). */
    public FieldError at(String otherField) {
        return new FieldError(otherField, message, code, args);
    }
}
