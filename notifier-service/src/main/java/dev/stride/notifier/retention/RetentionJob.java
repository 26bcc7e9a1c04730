package dev.stride.notifier.retention;

import dev.stride.contracts.retention.RetentionPass;
import io.micrometer.core.instrument.MeterRegistry;
import io.quarkus.scheduler.Scheduled;
import jakarta.enterprise.context.ApplicationScoped;

import javax.sql.DataSource;
import java.time.Clock;
import java.util.Map;

/**
 * Deletes what the notifier no longer needs, in batches: ids of applied events older than any redelivery, and finished
 * emails (their stored event with links and the recipient's address) once their outcome is published, and the nudges
 * held for a weekly digest once that digest was queued as long ago. An email still
 * to send or retry, or whose Delivered/DeliveryFailed is not yet on Kafka, is never removed. Each removal is counted in
 * {@code stride_retention_removed_total{table}}.
 */
@ApplicationScoped
public class RetentionJob {

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
        return new RetentionPass(RetentionJob.class, dataSource, clock.instant(), settings.batchSize(), this::count)
                .delete("processed_event", "processed_at < ?", settings.processedEvents())
                // A lift matters only while a suppression made before it can still arrive: as long as a repeat is detected.
                .delete("address_lift", "lifted_at < ?", settings.processedEvents())
                .delete("email_delivery", "state IN ('SENT', 'FAILED', 'SUPPRESSED') AND finished_at < ?"
                        + " AND (outcome_event_id IS NULL OR outcome_published_at IS NOT NULL)", settings.deliveredPayloads())
                // A digest's parts (their events and the address) once it was queued; the email itself is email_delivery's.
                .delete("digest", "queued_at < ?", settings.deliveredPayloads())
                .finish();
    }

    private void count(String table, long rows) {
        registry.counter("stride.retention.removed", "table", table).increment(rows);
    }
}
