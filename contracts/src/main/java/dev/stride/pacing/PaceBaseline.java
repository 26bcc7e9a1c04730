package dev.stride.pacing;

import java.time.LocalDate;
import java.util.Objects;

/**
 * Where the current pace starts: from {@code from} on the current plan counts, and {@code expectedMinutes} is what the
 * learner was expected to have done before it. A plan change sets it to the start of the change's week and what the old
 * plan expected until then (past weeks keep the plan they had); "re-plan from today" sets it to today and what is done,
 * so the learner is on plan again. No baseline: the current plan counts from the start date.
 */
public record PaceBaseline(LocalDate from, int expectedMinutes) {

    public PaceBaseline {
        Objects.requireNonNull(from, "from");
        if (expectedMinutes < 0) {
            throw new IllegalArgumentException("expected minutes must not be negative, was " + expectedMinutes);
        }
    }

    /** A baseline as events and tables carry it: both parts or neither (no baseline). */
    public static PaceBaseline ofNullable(LocalDate from, Integer expectedMinutes) {
        return from == null || expectedMinutes == null ? null : new PaceBaseline(from, expectedMinutes);
    }
}
