package dev.stride.roadmap.retention;

import dev.stride.roadmap.engagement.EngagementSettings;

import dev.stride.contracts.retention.RetentionPass;
import io.micrometer.core.instrument.MeterRegistry;
import io.quarkus.scheduler.Scheduled;
import jakarta.enterprise.context.ApplicationScoped;

import javax.sql.DataSource;
import java.time.Clock;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Deletes what the roadmap service no longer needs, in batches: learners who left long ago and learners paused too long
 * (erased through {@link InactiveLearners}, so the other services forget them too), subscriptions that expired
 * unconfirmed (their slots and breaks go with them), learners left without any subscription, outbox rows Kafka acknowledged, and engagement, nudge
 * log and delivery log rows older than {@code stride.engagement.keep-for}. Each removal is
 * counted in {@code stride_retention_removed_total{table}}.
 */
@ApplicationScoped
public class RetentionJob {

    private final DataSource dataSource;
    private final RetentionSettings settings;
    private final Clock clock;
    private final MeterRegistry registry;
    private final InactiveLearners inactiveLearners;
    private final EngagementSettings engagement;

    public RetentionJob(DataSource dataSource, RetentionSettings settings, Clock clock, MeterRegistry registry, InactiveLearners inactiveLearners,
                        EngagementSettings engagement) {
        this.engagement = engagement;
        this.inactiveLearners = inactiveLearners;
        this.dataSource = dataSource;
        this.settings = settings;
        this.clock = clock;
        this.registry = registry;
    }

    @Scheduled(every = "${stride.retention.every}",
            concurrentExecution = Scheduled.ConcurrentExecution.SKIP, skipExecutionIf = Scheduled.ApplicationNotRunning.class)
    void scheduled() {
        run();
    }

    /** One pass over every table; returns the rows removed per table. */
    public Map<String, Long> run() {
        Instant now = clock.instant();
        Map<String, Long> removed = new LinkedHashMap<>();
        removed.put("ended_learner", inactiveLearners.eraseEndedBefore(now.minus(settings.endedLearners()), settings.batchSize()));
        removed.put("paused_learner", inactiveLearners.erasePausedBefore(now.minus(settings.pausedLearners()), settings.batchSize()));
        removed.forEach(this::count);
        removed.putAll(new RetentionPass(RetentionJob.class, dataSource, now, settings.batchSize(), this::count)
                .delete("subscription", "status = 'EXPIRED' AND ended_at < ?", settings.unconfirmedLearners())
                .delete("learner", "created_at < ? AND NOT EXISTS (SELECT 1 FROM subscription s WHERE s.learner_id = learner.id)",
                        settings.unconfirmedLearners())
                .delete("outbox_event", "published_at < ?", settings.publishedOutbox())
                .delete("engagement", "at < ?", engagement.keepFor())
                .delete("nudge_log", "received_at < ?", engagement.keepFor())
                .delete("delivery_log", "at < ?", engagement.keepFor())
                .finish());
        return removed;
    }

    private void count(String table, long rows) {
        registry.counter("stride.retention.removed", "table", table).increment(rows);
    }
}
