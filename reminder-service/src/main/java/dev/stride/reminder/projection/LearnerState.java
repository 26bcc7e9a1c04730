package dev.stride.reminder.projection;

import dev.stride.pacing.DateRange;
import dev.stride.pacing.ProgressState;

import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * What the pacing engine needs of one learner beyond the subscription row: milestone states and logged minutes, the days
 * with progress (for the streak), skipped weeks and breaks (pauses and snoozes). Read for a whole batch
 * of subscriptions at once by {@link Projections#states}.
 */
public record LearnerState(Map<String, ProgressState> progress, List<LocalDate> progressDays, Set<LocalDate> skippedWeeks,
                           List<DateRange> breaks, Map<String, Integer> loggedMinutes) {

    public static final LearnerState EMPTY = new LearnerState(Map.of(), List.of(), Set.of(), List.of(), Map.of());
}
