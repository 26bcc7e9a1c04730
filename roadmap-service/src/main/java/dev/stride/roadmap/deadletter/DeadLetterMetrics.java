package dev.stride.roadmap.deadletter;

import dev.stride.contracts.Topics;
import dev.stride.roadmap.problem.ProblemException;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.quarkus.runtime.Startup;
import io.quarkus.scheduler.Scheduled;
import jakarta.enterprise.context.ApplicationScoped;
import org.jboss.logging.Logger;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;

/**
 * The depth of every dead-letter topic as gauges, for the DLQ alerts: {@code stride_dead_letters_records{topic}} (records
 * on the topic now) and {@code stride_dead_letters_not_replayed{topic}} (of those, the ones no replay has republished).
 * Read from Kafka by one scheduled look every 30 s, never per scrape; the topics Stride knows are registered at start
 * (at 0), so the series exist before the first record fails. Every replica reports the same figures: aggregate with max.
 */
@ApplicationScoped
@Startup
public class DeadLetterMetrics {

    private static final Logger LOG = Logger.getLogger(DeadLetterMetrics.class);

    private final DeadLetterTopics topics;
    private final MeterRegistry registry;
    private final Map<String, Depth> depths = new ConcurrentHashMap<>();

    public DeadLetterMetrics(DeadLetterTopics topics, MeterRegistry registry) {
        this.topics = topics;
        this.registry = registry;
        Topics.ALL.stream().map(Topics::deadLetter).forEach(this::depth);
    }

    @Scheduled(every = "30s", delayed = "10s", concurrentExecution = Scheduled.ConcurrentExecution.SKIP,
            skipExecutionIf = Scheduled.ApplicationNotRunning.class)
    void refresh() {
        try {
            for (DeadLetterViews.Topic topic : topics.list()) {
                Depth depth = depth(topic.topic());
                depth.records.set(topic.records());
                depth.notReplayed.set(topic.notReplayed());
            }
        } catch (ProblemException e) {
            // Kafka unreachable: the gauges keep their last figures; the outbox and consumer-lag alerts say why.
            LOG.debugf("Dead-letter depth not read this time: %s", e.getMessage());
        }
    }

    private Depth depth(String topic) {
        return depths.computeIfAbsent(topic, name -> {
            Depth depth = new Depth(new AtomicLong(), new AtomicLong());
            Gauge.builder("stride.dead.letters.records", depth.records, AtomicLong::get).tag("topic", name)
                    .description("Records on a dead-letter topic").register(registry);
            Gauge.builder("stride.dead.letters.not.replayed", depth.notReplayed, AtomicLong::get).tag("topic", name)
                    .description("Records on a dead-letter topic that no replay has republished").register(registry);
            return depth;
        });
    }

    private record Depth(AtomicLong records, AtomicLong notReplayed) {
    }
}
