package dev.stride.notifier.retention;

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

    /** A finished email (sent, failed, suppressed) whose outcome was published goes, payload, links and address, this long after. */
    Duration deliveredPayloads();
}
