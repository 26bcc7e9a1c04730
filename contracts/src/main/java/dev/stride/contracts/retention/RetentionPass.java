package dev.stride.contracts.retention;

import javax.sql.DataSource;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * One run of a service's retention job: each table's {@link BatchedDelete} against the run's own "now", its count
 * handed to the service's metric, and one log line under the job's name if anything went. The service keeps only its
 * tables, conditions and windows. JUL logging, which Quarkus routes into its own log, so contracts stays plain Java.
 */
public final class RetentionPass {

    /** Told how many rows a table lost, for a metric such as {@code stride.retention.removed{table}}. */
    @FunctionalInterface
    public interface Removals {
        void removed(String table, long rows);
    }

    private final DataSource dataSource;
    private final Instant now;
    private final int batchSize;
    private final Removals removals;
    private final Logger log;
    private final Map<String, Long> removed = new LinkedHashMap<>();

    /** A pass at {@code now} deleting {@code batchSize} rows per transaction, logging under {@code job}'s name. */
    public RetentionPass(Class<?> job, DataSource dataSource, Instant now, int batchSize, Removals removals) {
        this.log = Logger.getLogger(job.getName());
        this.dataSource = dataSource;
        this.now = now;
        this.batchSize = batchSize;
        this.removals = removals;
    }

    /** Deletes the rows of {@code table} for which {@code condition} holds with {@code ?} = now minus {@code window}. */
    public RetentionPass delete(String table, String condition, Duration window) {
        long count = BatchedDelete.olderThan(dataSource, table, condition, now.minus(window), batchSize);
        removals.removed(table, count);
        removed.put(table, count);
        return this;
    }

    /** Ends the pass: logs what it removed, if anything, and returns the rows removed per table in the order deleted. */
    public Map<String, Long> finish() {
        if (removed.values().stream().anyMatch(n -> n > 0)) {
            log.log(Level.INFO, "Retention removed {0}", removed);
        }
        return new LinkedHashMap<>(removed);
    }
}
