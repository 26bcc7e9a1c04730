package dev.stride.bench.dispatch;

import com.github.kagkarlsson.scheduler.Scheduler;
import com.github.kagkarlsson.scheduler.SchedulerClient;
import com.github.kagkarlsson.scheduler.SchedulerName;
import com.github.kagkarlsson.scheduler.task.TaskInstance;
import com.github.kagkarlsson.scheduler.task.helper.OneTimeTask;
import com.github.kagkarlsson.scheduler.task.helper.Tasks;
import com.zaxxer.hikari.HikariDataSource;
import org.apache.kafka.clients.producer.KafkaProducer;

import java.sql.Connection;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.atomic.AtomicLong;

/**
 * db-scheduler (github.com/kagkarlsson/db-scheduler): one table, one row per execution; a one-time
 * task per nudge whose handler publishes and awaits the ack, after which db-scheduler deletes the row.
 *
 * <p>Tuned for throughput as its README ("Polling strategy") and docs/performance.md advise:
 * <ul>
 *   <li>{@code pollUsingLockAndFetch}: one {@code SELECT ... FOR UPDATE SKIP LOCKED} picks a batch
 *       already locked, instead of one UPDATE per execution ("for >1000 executions/s");</li>
 *   <li>limits {@value #DEFAULT_LOWER}/{@value #DEFAULT_UPPER} of threads by default: the README's
 *       "high throughput (i.e. keep threads busy)" example; fetch again once the queue is down to one
 *       execution per thread, up to four per thread;</li>
 *   <li>{@code threads} as given (the lead runs 20 and 50); the pool has a connection per thread
 *       plus the poller, the housekeeper and spare.</li>
 * </ul>
 * The polling interval is 1 s instead of 10 s: lock-and-fetch re-polls on its own while batches come
 * back full, so the interval only decides how long a partial last batch could leave the scheduler
 * idle. {@code enableImmediateExecution} is not used (it only matters when scheduling while running;
 * here everything is due before start) and neither is {@code registerShutdownHook} (each drain stops
 * its scheduler in a finally block).
 */
public final class DbSchedulerPeer implements Peer {

    public static final String SCHEMA = "bench_dbscheduler";
    public static final String TABLE = SCHEMA + ".scheduled_tasks";
    public static final String TASK_NAME = "bench-nudge";
    public static final double DEFAULT_LOWER = 1.0;
    public static final double DEFAULT_UPPER = 4.0;
    public static final Duration POLLING_INTERVAL = Duration.ofSeconds(1);

    /** Rows per {@code scheduleBatch} call, one JDBC batch each (its Stream overload uses 100; larger only speeds up the untimed part). */
    private static final int SCHEDULE_CHUNK = 1000;
    /** Due-executor (poller), housekeeper (heartbeats, dead executions), and one spare. */
    private static final int EXTRA_CONNECTIONS = 3;

    private final PeerContext context;
    private final int threads;
    private final double lowerLimit;
    private final double upperLimit;

    public DbSchedulerPeer(PeerContext context, int threads) {
        this(context, threads, DEFAULT_LOWER, DEFAULT_UPPER);
    }

    public DbSchedulerPeer(PeerContext context, int threads, double lowerLimitFractionOfThreads, double upperLimitFractionOfThreads) {
        if (threads < 1) {
            throw new IllegalArgumentException("threads must be at least 1: " + threads);
        }
        this.context = context;
        this.threads = threads;
        this.lowerLimit = lowerLimitFractionOfThreads;
        this.upperLimit = upperLimitFractionOfThreads;
    }

    @Override
    public String name() {
        return "db-scheduler " + Peer.versionOf(Scheduler.class, "com.github.kagkarlsson", "db-scheduler");
    }

    @Override
    public String config() {
        return String.format(Locale.ROOT, "lock-and-fetch, %d threads, limits %s/%s, poll %d s",
                threads, lowerLimit, upperLimit, POLLING_INTERVAL.toSeconds());
    }

    @Override
    public Drained drain(int n) throws Exception {
        BenchRecords.createTopic(context.bootstrapServers());
        BenchDb.recreateSchema(context.database(), SCHEMA);
        BenchDb.runScript(context.database(), SCHEMA, BenchDb.resource("bench-ddl/db-scheduler-postgresql.sql"));

        AtomicLong executed = new AtomicLong();
        byte[] payload = context.payload();
        try (HikariDataSource pool = BenchDb.pool(context.database(), SCHEMA, threads + EXTRA_CONNECTIONS, "bench-dbscheduler",
                "reWriteBatchedInserts=true");
             KafkaProducer<String, byte[]> producer = BenchRecords.warmProducer(context.bootstrapServers());
             Connection probe = BenchDb.connect(context.database())) {

            // The key is the task instance id, as Stride keys a NudgeDue by its subscription.
            OneTimeTask<Void> task = Tasks.oneTime(TASK_NAME).execute((instance, executionContext) -> {
                BenchRecords.publishAndAwait(producer, instance.getId(), payload);
                executed.incrementAndGet();
            });
            schedule(pool, task, n);

            Scheduler scheduler = Scheduler.create(pool, task)
                    .schedulerName(new SchedulerName.Fixed("bench-dbscheduler"))
                    .threads(threads)
                    .pollUsingLockAndFetch(lowerLimit, upperLimit)
                    .pollingInterval(POLLING_INTERVAL)
                    .shutdownMaxWait(Duration.ofSeconds(30))
                    .build();
            long start = System.nanoTime();
            scheduler.start();
            try {
                BenchDb.awaitDrained(name(), n, executed, probe,
                        "SELECT count(*) FROM " + TABLE + " WHERE task_name = '" + TASK_NAME + "'");
                return new Drained(n, Duration.ofNanos(System.nanoTime() - start), executed.get());
            } finally {
                scheduler.stop();
            }
        }
    }

    /** All {@code n} executions due now, through db-scheduler's own batch API (one JDBC batch per chunk), before the clock starts. */
    private static void schedule(HikariDataSource pool, OneTimeTask<Void> task, int n) {
        SchedulerClient client = SchedulerClient.Builder.create(pool, task).build();
        Instant now = Instant.now();
        List<TaskInstance<?>> chunk = new ArrayList<>(SCHEDULE_CHUNK);
        for (int i = 0; i < n; i++) {
            chunk.add(task.instance("nudge-" + i));
            if (chunk.size() == SCHEDULE_CHUNK || i == n - 1) {
                client.scheduleBatch(chunk, now);
                chunk = new ArrayList<>(SCHEDULE_CHUNK);
            }
        }
    }
}
