package dev.stride.roadmap.problem;

import java.util.List;
import java.util.Map;

/** A request refused by a rate limit: 429, a problem naming what was limited, and {@code Retry-After} in seconds. */
public class TooManyRequests extends ProblemException {

    private final long retryAfterSeconds;

    /** {@code field} names what was limited ({@code email}, {@code client}), or is null for a limit on everyone. */
    public TooManyRequests(String field, String detail, long retryAfterSeconds) {
        super(new Problem("https://stride.dev/problems/too-many-requests", "Too many requests", 429, detail, null,
                field == null ? List.of() : List.of(FieldError.of(field, FieldErrorCode.TOO_MANY_REQUESTS, Map.of("seconds", retryAfterSeconds)))));
        this.retryAfterSeconds = retryAfterSeconds;
    }

    public long retryAfterSeconds() {
        return retryAfterSeconds;
    }
}
