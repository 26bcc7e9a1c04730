package dev.stride.roadmap.retention;

import io.smallrye.config.ConfigMapping;

import java.time.Duration;

/** How long this service keeps what it no longer needs ({@code stride.retention.*}). */
@ConfigMapping(prefix = "stride.retention")
public interface RetentionSettings {

    /** How often the job runs ("off" disables it: tests run it themselves). */
    String every();

    /** Rows deleted per transaction. */
    int batchSize();

    /** A subscription that expired unconfirmed, and a learner left without any subscription, go this long after. */
    Duration unconfirmedLearners();

    /** A learner whose every subscription ended (one by unsubscribing) is erased this long after the last one ended. */
    Duration endedLearners();

    /**
     * A learner whose every subscription is paused or ended, at least one paused, is erased this long after the last
     * pause began (or the last subscription ended, if later); the manage page of a paused plan tells the learner the date.
     */
    Duration pausedLearners();

    /** An outbox row goes this long after Kafka acknowledged it. */
    Duration publishedOutbox();
}
