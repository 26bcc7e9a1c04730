package dev.stride.reminder.retention;

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
 * Deletes what the reminder service no longer needs, in batches: ids of applied events older than any redelivery, and
 * settled nudge rows long past their week. Each removal is counted in {@code stride_retention_removed_total{table}}.
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

    @Scheduled(every = "${stride.retention.every}", concurrentExecution = Scheduled.ConcurrentExecution.SKIP,
            skipExecutionIf = Scheduled.ApplicationNotRunning.class)
    void scheduled() {
        run();
    }

    /** One pass over every table; returns the rows removed per table. */
    public Map<String, Long> run() {
        Instant now = clock.instant();
        Map<String, Long> removed = new LinkedHashMap<>();
        delete(removed, "processed_event", "processed_at < ?", now, settings.processedEvents());
        // A pending row is the subscription's next nudge: never removed, however late.
        delete(removed, "nudge", "status <> 'PENDING' AND due_at < ?", now, settings.nudgeRows());
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
