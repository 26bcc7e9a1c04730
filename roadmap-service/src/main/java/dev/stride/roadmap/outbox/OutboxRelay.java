package dev.stride.roadmap.outbox;

import dev.stride.contracts.event.CloudEventHeaders;
import dev.stride.contracts.logging.LogContext;
import dev.stride.contracts.trace.TraceContexts;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import io.opentelemetry.api.trace.Span;
import io.opentelemetry.context.Scope;
import io.quarkus.scheduler.Scheduled;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import org.apache.kafka.clients.producer.Producer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.clients.producer.RecordMetadata;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.jboss.logging.Logger;

import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Publishes pending outbox rows to Kafka and marks a row only after the broker acknowledged it, so an
 * event may be published twice but never lost. Any number of replicas can run it (see
 * {@link OutboxRepository#claimPending}). While Kafka is down the rows simply wait.
 */
@ApplicationScoped
public class OutboxRelay {

    private static final Logger LOG = Logger.getLogger(OutboxRelay.class);
    private static final String SOURCE = "/stride/roadmap-service";

    private final OutboxRepository repository;
    private final Producer<String, byte[]> producer;
    private final Clock clock;
    private final int batchSize;
    private final Timer publishLatency;
    private final Counter published;
    private final Counter failures;
    private final AtomicLong backlog = new AtomicLong();
    private final AtomicLong oldestAgeSeconds = new AtomicLong();
    private final AtomicLong failingSince = new AtomicLong();

    public OutboxRelay(OutboxRepository repository, Producer<String, byte[]> producer, Clock clock, MeterRegistry registry,
                       @ConfigProperty(name = "stride.outbox.batch-size", defaultValue = "200") int batchSize) {
        this.repository = repository;
        this.producer = producer;
        this.clock = clock;
        this.batchSize = batchSize;
        this.publishLatency = Timer.builder("stride.outbox.publish.latency")
                .description("Time from an event's commit to Kafka's acknowledgement").publishPercentileHistogram().register(registry);
        this.published = Counter.builder("stride.outbox.published").description("Events published to Kafka").register(registry);
        this.failures = Counter.builder("stride.outbox.publish.failures").description("Publish attempts Kafka did not acknowledge").register(registry);
        registry.gauge("stride.outbox.backlog", backlog);
        // Age of the oldest event Kafka has not acknowledged (0 when none waits): the outbox-age alert reads it.
        Gauge.builder("stride.outbox.oldest.age", oldestAgeSeconds, AtomicLong::get).baseUnit("seconds")
                .description("Seconds since the oldest unpublished outbox event was written").register(registry);
    }

    @Scheduled(every = "${stride.outbox.relay-interval}", delayed = "${stride.outbox.relay-delay}",
            concurrentExecution = Scheduled.ConcurrentExecution.SKIP, skipExecutionIf = Scheduled.ApplicationNotRunning.class)
    void relay() {
        int relayed;
        do {
            relayed = relayBatch();
        } while (relayed == batchSize);
        OutboxRepository.Pending pending = pending();
        backlog.set(pending.count());
        oldestAgeSeconds.set(pending.oldest() == null ? 0 : Math.max(0, Duration.between(pending.oldest(), clock.instant()).toSeconds()));
    }

    @Transactional
    OutboxRepository.Pending pending() {
        return repository.pending();
    }

    /** Claims up to a batch of pending rows, publishes them, marks what Kafka acknowledged. Returns how many it marked. */
    @Transactional
    public int relayBatch() {
        List<OutboxEvent> rows = repository.claimPending(batchSize);
        if (rows.isEmpty()) {
            return 0;
        }
        List<Future<RecordMetadata>> sends = new ArrayList<>(rows.size());
        for (OutboxEvent row : rows) {
            sends.add(send(row));
        }
        producer.flush();
        int marked = 0;
        for (int i = 0; i < rows.size(); i++) {
            OutboxEvent row = rows.get(i);
            try {
                sends.get(i).get(30, TimeUnit.SECONDS);
            } catch (Exception e) {
                // Later rows wait for the next round even if they were acknowledged: a repeat, never a gap.
                recordFailure(rows.subList(i, rows.size()), e);
                return marked;
            }
            row.publishedAt = clock.instant();
            publishLatency.record(Duration.between(row.occurredAt, row.publishedAt));
            published.increment();
            marked++;
        }
        if (failingSince.getAndSet(0) != 0) {
            LOG.info("Kafka acknowledges again; outbox relay resumed");
        }
        return marked;
    }

    /**
     * Publishes one row inside a span whose parent is the span that wrote it (its stored traceparent), so the event
     * continues the learner's trace: the record carries that span's {@code traceparent} next to the CloudEvents headers
     * (the agent's Kafka instrumentation, when attached, replaces it with its own producer span's, in the same trace).
     */
    private Future<RecordMetadata> send(OutboxEvent row) {
        Span span = TraceContexts.tracer().spanBuilder("outbox publish " + row.topic)
                .setParent(TraceContexts.restore(row.traceParent))
                .setAttribute("stride.event.type", row.eventType)
                .setAttribute("stride.event.id", row.eventId.toString())
                .startSpan();
        try (Scope ignored = span.makeCurrent()) {
            ProducerRecord<String, byte[]> record = new ProducerRecord<>(row.topic, row.aggregateId, row.payload.getBytes(StandardCharsets.UTF_8));
            Map<String, String> headers = new LinkedHashMap<>(CloudEventHeaders.of(row.eventId, row.eventType, row.schemaVersion, row.occurredAt,
                    row.aggregateId, SOURCE));
            headers.putAll(TraceContexts.currentHeaders());
            headers.forEach((name, value) -> record.headers().add(name, value.getBytes(StandardCharsets.UTF_8)));
            return producer.send(record);
        } catch (RuntimeException e) {
            span.recordException(e);
            return java.util.concurrent.CompletableFuture.failedFuture(e);
        } finally {
            span.end();
        }
    }

    private void recordFailure(List<OutboxEvent> unpublished, Exception e) {
        failures.increment();
        String reason = rootMessage(e);
        for (OutboxEvent row : unpublished) {
            row.attempts++;
            row.lastError = reason;
        }
        if (failingSince.compareAndSet(0, clock.millis())) {
            // One line for the batch, in the context of its first event; the rest at DEBUG.
            OutboxEvent first = unpublished.get(0);
            try (LogContext context = LogContext.event(first.eventId, first.eventType)) {
                LOG.warnf("Kafka did not acknowledge outbox events (%s); %d event(s) stay pending and will be retried, the first %s %s",
                        reason, unpublished.size(), first.eventType, first.eventId);
            }
            LOG.debugf("Outbox events not acknowledged: %s", unpublished.stream().map(row -> row.eventId).toList());
        }
    }

    private static String rootMessage(Throwable e) {
        Throwable root = e;
        while (root.getCause() != null) {
            root = root.getCause();
        }
        return root.getClass().getSimpleName() + ": " + root.getMessage();
    }
}
