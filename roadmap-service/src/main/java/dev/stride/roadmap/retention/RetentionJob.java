package dev.stride.roadmap.retention;

import dev.stride.contracts.retention.BatchedDelete;
import io.micrometer.core.instrument.MeterRegistry;
import io.quarkus.scheduler.Scheduled;
import jakarta.enterprise.context.ApplicationScoped;
import org.jboss.logging.Logger;

import javax.sql.DataSource;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Deletes what the roadmap service no longer needs, in batches: subscriptions that expired unconfirmed (their slots
 * and breaks go with them), learners left without any subscription, and outbox rows Kafka acknowledged. Each removal is
 * counted in {@code stride_retention_removed_total{table}}.
 */
@ApplicationScoped
public class RetentionJob {

    private static final Logger LOG = Logger.getLogger(RetentionJob.class);

    private final DataSource dataSource;
    private final RetentionSettings settings;
    private final Clock clock;
    private final MeterRegistry registry;

    public RetentionJob(DataSource dataSource, RetentionSettings settings, Clock clock, MeterRegistry registry) {
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
        delete(removed, "subscription", "status = 'EXPIRED' AND ended_at < ?", now, settings.unconfirmedLearners());
        delete(removed, "learner", "created_at < ? AND NOT EXISTS (SELECT 1 FROM subscription s WHERE s.learner_id = learner.id)",
                now, settings.unconfirmedLearners());
        delete(removed, "outbox_event", "published_at < ?", now, settings.publishedOutbox());
        if (removed.values().stream().anyMatch(n -> n > 0)) {
            LOG.infof("Retention removed %s", removed);
        }
        return removed;
    }

    private void delete(Map<String, Long> removed, String table, String condition, Instant now, Duration window) {
        long count = BatchedDelete.olderThan(dataSource, table, condition, now.minus(window), settings.batchSize());
        registry.counter("stride.retention.removed", "table", table).increment(count);
        removed.put(table, count);
    }
}
