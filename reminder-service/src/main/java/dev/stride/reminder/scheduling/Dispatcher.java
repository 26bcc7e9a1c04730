package dev.stride.reminder.scheduling;

import dev.stride.contracts.event.NudgeDue;
import dev.stride.contracts.trace.TraceContexts;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import io.opentelemetry.api.trace.Span;
import io.opentelemetry.api.trace.SpanBuilder;
import io.opentelemetry.context.Scope;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.runtime.Startup;
import io.quarkus.scheduler.Scheduled;
import jakarta.annotation.PreDestroy;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import org.jboss.logging.Logger;

import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import java.util.stream.IntStream;

/**
 * Sends due nudges a batch at a time: claim a batch ({@code FOR UPDATE SKIP LOCKED}, with a lease), build all of its
 * NudgeDue in one transaction, publish them all and wait for every acknowledgement, then mark the acknowledged ones
 * sent and schedule their next weeks in one transaction. Several lanes run this loop side by side, so one batch's
 * database work overlaps another's wait for Kafka. Any number of instances can run: a row is claimed by one at a
 * time, and a row whose lease ran out (its instance died between publishing and marking) is claimed again and
 * published again with the same nudge id, for the notifier to drop.
 */
@ApplicationScoped
@Startup
public class Dispatcher {

    /** A test seam: runs between publishing and marking, where an instance may die. */
    public interface AfterPublish {
        AfterPublish NOTHING = key -> {
        };

        void run(Nudge.Key key);
    }

    private static final Logger LOG = Logger.getLogger(Dispatcher.class);
    /** The dispatch lag deploy/README.md calls worth a look (an alert fires when more than 1 % of nudges exceed it). */
    public static final Duration LAG_THRESHOLD = Duration.ofMinutes(1);

    private final EntityManager em;
    private final NudgeLedger ledger;
    private final NudgePublisher publisher;
    private final Clock clock;
    private final ReminderSettings settings;
    private final CatchUpFence fence;
    private final String instance = "dispatcher-" + UUID.randomUUID();
    private final ExecutorService lanes;
    private final Counter sent;
    private final Counter expired;
    private final Counter parked;
    private final Timer lag;
    private final AtomicLong backlog = new AtomicLong();
    private final AtomicLong scheduled = new AtomicLong();
    private final AtomicLong parkedNow = new AtomicLong();

    public Dispatcher(EntityManager em, NudgeLedger ledger, NudgePublisher publisher, Clock clock, ReminderSettings settings, MeterRegistry registry,
                      CatchUpFence fence) {
        this.em = em;
        this.fence = fence;
        this.ledger = ledger;
        this.publisher = publisher;
        this.clock = clock;
        this.settings = settings;
        AtomicInteger laneNumber = new AtomicInteger();
        this.lanes = Executors.newFixedThreadPool(settings.dispatch().lanes(), task -> {
            Thread thread = new Thread(task, "dispatch-lane-" + laneNumber.incrementAndGet());
            thread.setDaemon(true);
            return thread;
        });
        this.sent = Counter.builder("stride.nudges.sent").description("Nudges published").register(registry);
        this.expired = Counter.builder("stride.nudges.expired").description("Nudges found too late and not sent").register(registry);
        this.parked = Counter.builder("stride.nudges.parked").description("Nudges parked after failing too often").register(registry);
        // Parked rows waiting for an operator: an alert fires on any.
        registry.gauge("stride.nudges.parked.current", parkedNow);
        // Buckets up to an hour (Micrometer's default ends at 30 s) and one at exactly a minute, the alert's threshold.
        this.lag = Timer.builder("stride.dispatch.lag").description("Time from a nudge's due instant to its publication")
                .publishPercentileHistogram().minimumExpectedValue(Duration.ofMillis(10)).maximumExpectedValue(Duration.ofHours(1))
                .serviceLevelObjectives(LAG_THRESHOLD).register(registry);
        registry.gauge("stride.nudges.due.backlog", backlog);
        // Every pending nudge, due or not: a subscription the projection has taken in shows here (the demo waits on it).
        registry.gauge("stride.nudges.scheduled", scheduled);
    }

    @Scheduled(every = "${stride.reminder.dispatch.every}", delayed = "${stride.reminder.dispatch.delay}",
            concurrentExecution = Scheduled.ConcurrentExecution.SKIP, skipExecutionIf = Scheduled.ApplicationNotRunning.class)
    void tick() {
        // After a start, not before the events that arrived while this service was down are read (CatchUpFence).
        if (fence.passed()) {
            dispatchAll(instance, AfterPublish.NOTHING);
        }
    }

    @PreDestroy
    void stop() {
        lanes.shutdownNow();
    }

    /** Dispatches on every lane until nothing is due; returns how many rows were claimed. */
    public int dispatchAll(String dispatcherId, AfterPublish afterPublish) {
        // The backlog gauge is what autoscaling reads: counted as a drain starts (an index range over due rows only),
        // lowered as batches are claimed, counted again at the end.
        backlog.set(QuarkusTransaction.requiringNew().call(() -> ((Number) em.createNativeQuery(
                        "SELECT count(*) FROM nudge WHERE status = 'PENDING' AND due_at <= ?1")
                .setParameter(1, clock.instant()).getSingleResult()).longValue()));
        List<Future<Integer>> running = IntStream.range(0, settings.dispatch().lanes())
                .mapToObj(lane -> lanes.submit(() -> drain(dispatcherId, afterPublish))).toList();
        int total = 0;
        for (Future<Integer> lane : running) {
            try {
                total += lane.get();
            } catch (ExecutionException e) {
                LOG.warnf(e.getCause(), "A dispatch lane stopped; its rows are retried after their lease");
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return total;
            }
        }
        Object[] pending = QuarkusTransaction.requiringNew().call(() -> (Object[]) em.createNativeQuery("""
                        SELECT count(*) FILTER (WHERE status = 'PENDING' AND due_at <= ?1), count(*) FILTER (WHERE status = 'PENDING'),
                               count(*) FILTER (WHERE status = 'PARKED')
                        FROM nudge WHERE status IN ('PENDING', 'PARKED')""")
                .setParameter(1, clock.instant()).getSingleResult());
        backlog.set(((Number) pending[0]).longValue());
        scheduled.set(((Number) pending[1]).longValue());
        parkedNow.set(((Number) pending[2]).longValue());
        return total;
    }

    private int drain(String dispatcherId, AfterPublish afterPublish) {
        int total = 0;
        int claimed;
        do {
            claimed = dispatchBatch(dispatcherId, afterPublish);
            total += claimed;
        } while (claimed == settings.dispatch().batchSize());
        return total;
    }

    /** One batch: claim, prepare, publish, mark. Returns how many rows it claimed. */
    public int dispatchBatch(String dispatcherId, AfterPublish afterPublish) {
        List<UUID> claimed = ledger.claim(dispatcherId);
        if (claimed.isEmpty()) {
            return 0;
        }
        backlog.updateAndGet(due -> Math.max(0, due - claimed.size()));
        try {
            NudgeLedger.Prepared prepared = ledger.prepare(dispatcherId, claimed);
            expired.increment(prepared.expired());
            parked.increment(prepared.parked());
            NudgePublisher.Published published = publishTraced(prepared);
            List<NudgeDue> acknowledged = published.acknowledged();
            parked.increment(ledger.release(dispatcherId, published.failed()));
            // A digest part due later this week goes out early: it counts as on time.
            acknowledged.forEach(nudge -> lag.record(max(Duration.ZERO, Duration.between(nudge.dueAt(), clock.instant()))));
            acknowledged.forEach(nudge -> afterPublish.run(new Nudge.Key(nudge.subscriptionId(), nudge.weekStart())));
            sent.increment(ledger.markSent(dispatcherId, acknowledged));
        } catch (RuntimeException e) {
            // The leases run out and the rows are claimed again: published twice at worst, never lost.
            LOG.warnf(e, "A batch of %d nudges (the first %s) was not finished (%s); its rows are retried after their lease", claimed.size(),
                    claimed.get(0), rootCause(e));
            LOG.debugf("The nudges of the unfinished batch: %s", claimed);
        }
        return claimed.size();
    }

    /**
     * Publishes a batch inside one span of its own trace (the dispatch happens days after the scheduling), with a link to
     * the span that scheduled each row; the records carry this span's traceparent, so the notifier's send joins this trace.
     */
    private NudgePublisher.Published publishTraced(NudgeLedger.Prepared prepared) {
        SpanBuilder builder = TraceContexts.tracer().spanBuilder("nudge dispatch").setNoParent()
                .setAttribute("stride.nudges", (long) prepared.toPublish().size());
        TraceContexts.spanContexts(prepared.scheduledBy()).forEach(builder::addLink);
        Span span = builder.startSpan();
        try (Scope ignored = span.makeCurrent()) {
            return publisher.publishAll(prepared.toPublish());
        } finally {
            span.end();
        }
    }

    private static Duration max(Duration a, Duration b) {
        return a.compareTo(b) >= 0 ? a : b;
    }

    private static Throwable rootCause(Throwable failure) {
        Throwable cause = failure;
        while (cause.getCause() != null && cause.getCause() != cause) {
            cause = cause.getCause();
        }
        return cause;
    }
}
