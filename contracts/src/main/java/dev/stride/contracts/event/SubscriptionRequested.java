package dev.stride.contracts.event;

import dev.stride.pacing.WeeklyPlan;

import java.time.Instant;
import java.time.LocalDate;
import java.util.UUID;

/**
 * Someone asked to follow a roadmap with this address. The double opt-in mail carries {@code confirmUrl}, valid until
 * {@code confirmBy}; when the address already follows the roadmap {@code confirmUrl} is null and the mail says so, with
 * {@code manageUrl}. Every such mail carries {@code notMeUrl}: "this wasn't me — never email me again".
 */
public record SubscriptionRequested(
        UUID subscriptionId,
        Learner learner,
        String roadmapId,
        String roadmapTitle,
        WeeklyPlan plan,
        LocalDate startDate,
        String confirmUrl,
        Instant confirmBy,
        String manageUrl,
        String notMeUrl) implements DomainEvent {

    /** The address already follows the roadmap: nothing to confirm. */
    public boolean alreadyFollowing() {
        return confirmUrl == null;
    }
}
