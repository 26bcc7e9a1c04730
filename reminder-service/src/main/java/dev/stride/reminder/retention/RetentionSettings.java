package dev.stride.reminder.retention;

import io.smallrye.config.ConfigMapping;

import java.time.Duration;

/** How long this service keeps what it no longer needs ({@code stride.retention.*}). */
@ConfigMapping(prefix = "stride.retention")
public interface RetentionSettings {

    /** How often the job runs ("off" disables it: tests run it themselves). */
    String every();

    /** Rows deleted per transaction. */
    int batchSize();

    /** An applied event's id is kept this long to drop a redelivery; Kafka keeps records for less. */
    Duration processedEvents();

    /** A nudge row that was settled (sent, expired, cancelled, parked) goes this long after its due time. */
    Duration nudgeRows();
}
