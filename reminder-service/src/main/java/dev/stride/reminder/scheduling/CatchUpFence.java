package dev.stride.reminder.scheduling;

import dev.stride.contracts.Channels;
import io.smallrye.reactive.messaging.kafka.KafkaClientService;
import io.smallrye.reactive.messaging.kafka.KafkaConsumer;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import org.apache.kafka.clients.consumer.Consumer;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.common.TopicPartition;
import org.jboss.logging.Logger;

import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Function;

/**
 * Holds the dispatcher back after a start until this service has read what arrived while it was down. A learner who
 * skipped, paused or changed a plan during a restart (a rolling deploy, a crash) must not get that week's email
 * because the dispatcher ran before the consumers applied the event: found by the fault suite (kill-roadmap at 5,000
 * learners: 206 emails the learners had ruled out).
 * <p>
 * The fence is the consumer group's committed offsets on the topics that change what is sent (subscription-events,
 * roadmap-events), on <em>every</em> partition, not just this instance's (any replica dispatches any due row): they must
 * reach the end offsets seen at the first check. It is passed once and stays passed; after
 * {@code stride.reminder.dispatch.catch-up-limit} the dispatcher goes ahead anyway, with a warning (a consumer stuck on
 * a database outage must not hold every email back for ever). A limit of zero turns the fence off.
 */
@ApplicationScoped
public class CatchUpFence {

    private static final Logger LOG = Logger.getLogger(CatchUpFence.class);
    private static final List<String> CHANNELS = List.of(Channels.SUBSCRIPTION_EVENTS_IN, Channels.ROADMAP_EVENTS_IN);
    /**
     * Each of the four broker calls a check makes runs on the consumer's polling thread, which does not poll meanwhile:
     * bounded well below Kafka's 60 s default, so a check during a broker outage costs the consumer seconds, not minutes,
     * and the dispatcher's wait (below) covers all four.
     */
    static final Duration CALL_TIMEOUT = Duration.ofSeconds(2);
    private static final Duration CHECK_TIMEOUT = CALL_TIMEOUT.multipliedBy(5);

    private final KafkaClientService kafka;
    private final Duration limit;
    private final long createdAt = System.nanoTime();
    /** Per channel, the end offsets seen at the first check: what must be read before the first dispatch. */
    private final Map<String, Map<TopicPartition, Long>> targets = new ConcurrentHashMap<>();
    private volatile boolean passed;

    @Inject
    public CatchUpFence(KafkaClientService kafka, ReminderSettings settings) {
        this(kafka, settings.dispatch().catchUpLimit());
    }

    CatchUpFence(KafkaClientService kafka, Duration limit) {
        this.kafka = kafka;
        this.limit = limit;
        this.passed = limit.isZero();
    }

    /** Whether the dispatcher may run: the backlog found at start has been read (or the limit has passed). */
    public boolean passed() {
        if (passed) {
            return true;
        }
        String waitingFor;
        try {
            Map<TopicPartition, Long> behind = new HashMap<>();
            for (String channel : CHANNELS) {
                KafkaConsumer<Object, Object> consumer = kafka.getConsumer(channel);
                if (consumer == null) {
                    return overLimit("the " + channel + " consumer to start");
                }
                Function<Consumer<Object, Object>, Map<TopicPartition, Long>> read = c -> behind(channel, c);
                behind.putAll(consumer.runOnPollingThread(read).await().atMost(CHECK_TIMEOUT));
            }
            if (behind.isEmpty()) {
                passed = true;
                LOG.infof("Events that arrived while this service was down are read: dispatching starts (after %d ms)", elapsed().toMillis());
                return true;
            }
            waitingFor = behind.values().stream().mapToLong(Long::longValue).sum() + " event(s) still to read on " + behind.keySet();
        } catch (RuntimeException e) {
            waitingFor = "the consumers' offsets (" + e + ")";
        }
        return overLimit(waitingFor);
    }

    /** How far the group's committed offsets are behind the channel's target, per partition still behind. */
    Map<TopicPartition, Long> behind(String channel, Consumer<?, ?> consumer) {
        Map<TopicPartition, Long> target = targets.get(channel);
        if (target == null) {
            target = endOffsets(consumer);
            if (target.isEmpty()) {
                throw new IllegalStateException(channel + " has not subscribed yet");
            }
            targets.put(channel, target);
        }
        Map<TopicPartition, OffsetAndMetadata> committed = consumer.committed(target.keySet(), CALL_TIMEOUT);
        Map<TopicPartition, Long> start = consumer.beginningOffsets(target.keySet(), CALL_TIMEOUT);
        Map<TopicPartition, Long> behind = new HashMap<>();
        target.forEach((partition, end) -> {
            OffsetAndMetadata at = committed.get(partition);
            long read = at != null ? at.offset() : start.getOrDefault(partition, 0L);
            if (read < end) {
                behind.put(partition, end - read);
            }
        });
        return behind;
    }

    private static Map<TopicPartition, Long> endOffsets(Consumer<?, ?> consumer) {
        Set<String> topics = consumer.subscription();
        List<TopicPartition> partitions = topics.stream().flatMap(topic -> consumer.partitionsFor(topic, CALL_TIMEOUT).stream()
                .map(info -> new TopicPartition(topic, info.partition()))).toList();
        return Map.copyOf(consumer.endOffsets(partitions, CALL_TIMEOUT));
    }

    private boolean overLimit(String waitingFor) {
        if (elapsed().compareTo(limit) < 0) {
            LOG.debugf("Dispatch held back: waiting for %s", waitingFor);
            return false;
        }
        passed = true;
        LOG.warnf("Dispatching starts after %s without having read everything that arrived while this service was down: waiting for %s",
                limit, waitingFor);
        return true;
    }

    private Duration elapsed() {
        return Duration.ofNanos(System.nanoTime() - createdAt);
    }
}
