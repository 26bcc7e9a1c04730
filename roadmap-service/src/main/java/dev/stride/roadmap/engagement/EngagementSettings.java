package dev.stride.roadmap.engagement;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

import java.time.Duration;

/** Engagement measurement ({@code stride.engagement.*}). */
@ConfigMapping(prefix = "stride.engagement")
public interface EngagementSettings {

    /** How often the outcome job looks for closed windows ("off" disables it: tests run it themselves). */
    @WithDefault("5m")
    String outcomeEvery();

    /** Nudges closed per transaction. */
    @WithDefault("200")
    int outcomeBatchSize();

    /** Engagement, nudge log and delivery log rows are deleted this long after they were written. */
    @WithDefault("P400D")
    Duration keepFor();
}
