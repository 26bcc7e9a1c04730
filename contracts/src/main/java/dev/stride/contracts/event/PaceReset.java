package dev.stride.contracts.event;

import dev.stride.pacing.PaceBaseline;

import java.util.Objects;
import java.util.UUID;

/** "Re-plan from today": the learner's pace starts again at {@code baseline} (today, with what is done as expected). */
public record PaceReset(UUID subscriptionId, PaceBaseline baseline) implements DomainEvent {

    public PaceReset {
        Objects.requireNonNull(subscriptionId, "subscriptionId");
        Objects.requireNonNull(baseline, "baseline");
    }
}
