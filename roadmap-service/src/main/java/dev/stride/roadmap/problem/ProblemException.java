package dev.stride.roadmap.problem;

import java.util.List;
import java.util.Map;

/** Ends a request with a problem response; thrown before anything is written, so nothing is half-done. */
public class ProblemException extends RuntimeException {

    private final transient Problem problem;

    public ProblemException(Problem problem) {
        super(problem.detail());
        this.problem = problem;
    }

    public Problem problem() {
        return problem;
    }

    public static ProblemException invalid(List<FieldError> errors) {
        return new ProblemException(Problem.invalid(errors));
    }

    public static ProblemException invalid(String field, String message) {
        return invalid(List.of(new FieldError(field, message)));
    }

    public static ProblemException invalid(String field, FieldErrorCode code, Map<String, Object> args) {
        return invalid(List.of(FieldError.of(field, code, args)));
    }

    public static ProblemException invalid(String field, FieldErrorCode code) {
        return invalid(field, code, Map.of());
    }

    public static ProblemException invalidRoadmap(List<FieldError> errors) {
        return new ProblemException(Problem.invalidRoadmap(errors));
    }

    public static ProblemException notFound(String what) {
        return new ProblemException(Problem.of(404, "not-found", "Not found", what + " does not exist."));
    }

    public static ProblemException conflict(String slug, String detail) {
        return new ProblemException(Problem.of(409, slug, "Conflict", detail));
    }
}
