package dev.stride.reminder.scheduling;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

import java.time.Duration;

/** How the dispatcher runs and when nudges back off. Each has an environment-variable form (STRIDE_REMINDER_DISPATCH_BATCH_SIZE, ...). */
@ConfigMapping(prefix = "stride.reminder")
public interface ReminderSettings {

    Dispatch dispatch();

    Fatigue fatigue();

    Consumers consumers();

    /** Whether an activation gets the welcome (the start week's sessions, at once); the tests of the weekly rhythm turn it off. */
    @WithDefault("true")
    boolean welcome();

    interface Dispatch {
        /** How often the dispatcher looks for due nudges ("off" disables it). */
        @WithDefault("5s")
        String every();

        /** Wait after start before the first look. */
        @WithDefault("2s")
        String delay();

        /** Rows claimed, built, published and marked together. */
        @WithDefault("500")
        int batchSize();

        /** Batches in flight at once in one instance: one batch's database work overlaps another's wait for Kafka. */
        @WithDefault("2")
        int lanes();

        /** How long a claim holds before another instance may take the row (a crashed instance's rows come back). */
        @WithDefault("60s")
        Duration lease();

        /**
         * After a start, how long the dispatcher waits at most for the events that arrived while the service was down to be
         * read (CatchUpFence); zero turns the wait off.
         */
        @WithDefault("2m")
        Duration catchUpLimit();

        /** A nudge found later than this past due is expired, not sent late. */
        @WithDefault("6h")
        Duration grace();

        /** How long to wait for Kafka to acknowledge a nudge. */
        @WithDefault("15s")
        Duration publishTimeout();

        /** A row Kafka did not acknowledge (or that failed to build) is offered again this soon, not after its whole lease. */
        @WithDefault("5s")
        Duration retryAfter();

        /** Claims after which a row that keeps failing for a reason of its own is parked (an outage does not count). */
        @WithDefault("5")
        int maxAttempts();
    }

    interface Consumers {
        /** How long an event that fails for a transient reason (database, lock conflict) is retried, with back-off, before the DLQ. */
        @WithDefault("5m")
        Duration retryFor();

        /** How long an event for a subscription not seen yet waits for it before it is deleted. */
        @WithDefault("P30D")
        Duration waitForSubscription();
    }

    interface Fatigue {
        /** After this many nudges in a row without progress, nudge every other week. */
        @WithDefault("3")
        int idleNudgesBeforeBackOff();
    }
}
