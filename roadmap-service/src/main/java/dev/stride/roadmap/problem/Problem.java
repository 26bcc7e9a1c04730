package dev.stride.roadmap.problem;

import com.fasterxml.jackson.annotation.JsonInclude;

import java.util.List;

/** An RFC 9457 problem details body ({@code application/problem+json}), with the bad fields when there are any. */
@JsonInclude(JsonInclude.Include.NON_EMPTY)
public record Problem(String type, String title, int status, String detail, String instance, List<FieldError> errors) {

    public static final String MEDIA_TYPE = "application/problem+json";
    private static final String TYPES = "https://stride.dev/problems/";

    public static Problem of(int status, String slug, String title, String detail) {
        return new Problem(TYPES + slug, title, status, detail, null, List.of());
    }

    public static Problem invalid(List<FieldError> errors) {
        String fields = String.join(", ", errors.stream().map(FieldError::field).distinct().toList());
        return new Problem(TYPES + "invalid-input", "Invalid input", 400, "Please correct: " + fields + ".", null, List.copyOf(errors));
    }

    /** A 422: a readable roadmap document that breaks the roadmap format's rules; {@code errors} name every field. */
    public static Problem invalidRoadmap(List<FieldError> errors) {
        String fields = String.join(", ", errors.stream().map(FieldError::field).distinct().toList());
        return new Problem(TYPES + "invalid-roadmap", "Invalid roadmap", 422, "The roadmap breaks the format's rules at: " + fields + ".",
                null, List.copyOf(errors));
    }

    /** A 409: the input is well-formed but conflicts with what is stored; {@code errors} name the fields in conflict. */
    public static Problem conflict(String slug, String title, String detail, List<FieldError> errors) {
        return new Problem(TYPES + slug, title, 409, detail, null, List.copyOf(errors));
    }

    public Problem at(String path) {
        return new Problem(type, title, status, detail, path, errors);
    }
}
