package dev.stride.reminder.scheduling;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

import java.time.Duration;

/** How the dispatcher runs and when nudges back off. Each has an environment-variable form (STRIDE_REMINDER_DISPATCH_BATCH_SIZE, ...). */
@ConfigMapping(prefix = "stride.reminder")
public interface ReminderSettings {

    Dispatch dispatch();

    Fatigue fatigue();

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

        /** A nudge found later than this past due is expired, not sent late. */
        @WithDefault("6h")
        Duration grace();

        /** How long to wait for Kafka to acknowledge a nudge. */
        @WithDefault("15s")
        Duration publishTimeout();
    }

    interface Fatigue {
        /** After this many nudges in a row without progress, nudge every other week. */
        @WithDefault("3")
        int idleNudgesBeforeBackOff();
    }
}
