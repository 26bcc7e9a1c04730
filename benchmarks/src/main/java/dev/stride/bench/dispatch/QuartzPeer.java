package dev.stride.bench.dispatch;

import com.zaxxer.hikari.HikariDataSource;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.quartz.Job;
import org.quartz.JobBuilder;
import org.quartz.JobDetail;
import org.quartz.JobExecutionContext;
import org.quartz.JobExecutionException;
import org.quartz.Scheduler;
import org.quartz.SimpleScheduleBuilder;
import org.quartz.Trigger;
import org.quartz.TriggerBuilder;
import org.quartz.impl.StdSchedulerFactory;
import org.quartz.utils.ConnectionProvider;
import org.quartz.utils.DBConnectionManager;

import java.sql.Connection;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Properties;
import java.util.Set;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Quartz with its persistent, clustered JDBC store (JobStoreTX on PostgreSQL): one job and one
 * simple trigger per nudge; the job publishes and awaits the ack; Quartz deletes both once it ran.
 *
 * <p>Tuned as JobRunr's published Quartz benchmark does (github.com/jobrunr/jobrunr-performance-test,
 * quartz/.../QuartzTool.java): 50 worker threads, {@code batchTriggerAcquisitionMaxCount=100},
 * clustered, instance id AUTO, misfire threshold 6,000,000 ms. Per Quartz's JobStoreTX configuration
 * reference, a batch size above 1 needs {@code acquireTriggersWithinLock=true} (the default since
 * 2.1.1 in that case; set explicitly here). The long misfire threshold matters: Quartz only acquires
 * triggers less than the threshold overdue, and scheduling N jobs here takes longer than the default
 * 60 s, so with the default most triggers would go through misfire handling instead of firing.
 * Scheduling happens in standby and is not timed; only the drain is.
 */
public final class QuartzPeer implements Peer {

    public static final String SCHEMA = "bench_quartz";
    public static final String SCHEDULER_NAME = "bench-quartz";
    public static final String GROUP = "bench-nudges";
    public static final int DEFAULT_THREADS = 50;
    public static final int BATCH_ACQUISITION = 100;
    public static final long MISFIRE_THRESHOLD_MS = 6_000_000;

    /** Quartz looks its data source up by this name in {@link DBConnectionManager}. */
    private static final String DATA_SOURCE = "benchQuartz";
    /** Jobs per {@code scheduleJobs} call: one transaction each. */
    private static final int SCHEDULE_CHUNK = 500;
    /** Scheduler thread, misfire handler, cluster manager, the scheduling calls, and one spare. */
    private static final int EXTRA_CONNECTIONS = 5;

    private final PeerContext context;
    private final int threads;

    public QuartzPeer(PeerContext context) {
        this(context, DEFAULT_THREADS);
    }

    public QuartzPeer(PeerContext context, int threads) {
        if (threads < 1) {
            throw new IllegalArgumentException("threads must be at least 1: " + threads);
        }
        this.context = context;
        this.threads = threads;
    }

    @Override
    public String name() {
        return "Quartz " + Peer.versionOf(Scheduler.class, "org.quartz-scheduler", "quartz");
    }

    @Override
    public String config() {
        return "JDBC JobStoreTX clustered, " + threads + " threads, batch acquisition " + BATCH_ACQUISITION;
    }

    /** The scheduler's configuration, as Quartz's properties reference names it. */
    Properties properties() {
        Properties p = new Properties();
        p.setProperty("org.quartz.scheduler.instanceName", SCHEDULER_NAME);
        p.setProperty("org.quartz.scheduler.instanceId", "AUTO");
        p.setProperty("org.quartz.scheduler.batchTriggerAcquisitionMaxCount", Integer.toString(BATCH_ACQUISITION));
        p.setProperty("org.quartz.threadPool.class", "org.quartz.simpl.SimpleThreadPool");
        p.setProperty("org.quartz.threadPool.threadCount", Integer.toString(threads));
        p.setProperty("org.quartz.jobStore.class", "org.quartz.impl.jdbcjobstore.JobStoreTX");
        p.setProperty("org.quartz.jobStore.driverDelegateClass", "org.quartz.impl.jdbcjobstore.PostgreSQLDelegate");
        p.setProperty("org.quartz.jobStore.dataSource", DATA_SOURCE);
        // Unqualified: the pool's connections have currentSchema=bench_quartz.
        p.setProperty("org.quartz.jobStore.tablePrefix", "QRTZ_");
        p.setProperty("org.quartz.jobStore.useProperties", "false");
        p.setProperty("org.quartz.jobStore.isClustered", "true");
        p.setProperty("org.quartz.jobStore.acquireTriggersWithinLock", "true");
        p.setProperty("org.quartz.jobStore.misfireThreshold", Long.toString(MISFIRE_THRESHOLD_MS));
        return p;
    }

    @Override
    public Drained drain(int n) throws Exception {
        BenchRecords.createTopic(context.bootstrapServers());
        BenchDb.recreateSchema(context.database(), SCHEMA);
        // Quartz's own PostgreSQL DDL, shipped in its jar.
        BenchDb.runScript(context.database(), SCHEMA, BenchDb.resource("org/quartz/impl/jdbcjobstore/tables_postgres.sql"));

        AtomicLong executed = new AtomicLong();
        try (HikariDataSource pool = BenchDb.pool(context.database(), SCHEMA, threads + EXTRA_CONNECTIONS, "bench-quartz");
             KafkaProducer<String, byte[]> producer = BenchRecords.warmProducer(context.bootstrapServers());
             Connection probe = BenchDb.connect(context.database())) {
            // Registered before the factory runs; no org.quartz.dataSource.* properties, so Quartz uses this one.
            DBConnectionManager.getInstance().addConnectionProvider(DATA_SOURCE, new HikariProvider(pool));
            Scheduler scheduler = new StdSchedulerFactory(properties()).getScheduler();
            try {
                scheduler.setJobFactory((bundle, owner) -> new NudgeJob(producer, context.payload(), executed));
                schedule(scheduler, n);
                long start = System.nanoTime();
                scheduler.start();
                BenchDb.awaitDrained(name(), n, executed, probe,
                        "SELECT count(*) FROM " + SCHEMA + ".qrtz_triggers WHERE sched_name = '" + SCHEDULER_NAME
                                + "' AND trigger_group = '" + GROUP + "'");
                return new Drained(n, Duration.ofNanos(System.nanoTime() - start), executed.get());
            } finally {
                scheduler.shutdown(true);
            }
        }
    }

    /** N jobs, each with one simple trigger starting now, written while the scheduler is still in standby. */
    private static void schedule(Scheduler scheduler, int n) throws Exception {
        Map<JobDetail, Set<? extends Trigger>> chunk = new LinkedHashMap<>();
        for (int i = 0; i < n; i++) {
            String id = "nudge-" + i;
            JobDetail job = JobBuilder.newJob(NudgeJob.class).withIdentity(id, GROUP).build();
            Trigger trigger = TriggerBuilder.newTrigger().withIdentity(id, GROUP).forJob(job)
                    .withSchedule(SimpleScheduleBuilder.simpleSchedule())
                    .startNow()
                    .build();
            chunk.put(job, Set.of(trigger));
            if (chunk.size() == SCHEDULE_CHUNK || i == n - 1) {
                scheduler.scheduleJobs(chunk, true);
                chunk = new LinkedHashMap<>();
            }
        }
    }

    /** Publishes the payload keyed by the job's name, waits for the ack, counts. Built by the peer's JobFactory. */
    public static final class NudgeJob implements Job {

        private final KafkaProducer<String, byte[]> producer;
        private final byte[] payload;
        private final AtomicLong executed;

        NudgeJob(KafkaProducer<String, byte[]> producer, byte[] payload, AtomicLong executed) {
            this.producer = producer;
            this.payload = payload;
            this.executed = executed;
        }

        @Override
        public void execute(JobExecutionContext job) throws JobExecutionException {
            try {
                BenchRecords.publishAndAwait(producer, job.getJobDetail().getKey().getName(), payload);
            } catch (RuntimeException e) {
                throw new JobExecutionException(e);
            }
            executed.incrementAndGet();
        }
    }

    /** Quartz's connection SPI over our HikariCP pool (the pool's owner closes it too; closing twice is harmless). */
    private record HikariProvider(HikariDataSource pool) implements ConnectionProvider {

        @Override
        public Connection getConnection() throws java.sql.SQLException {
            return pool.getConnection();
        }

        @Override
        public void shutdown() {
            pool.close();
        }

        @Override
        public void initialize() {
        }
    }
}
