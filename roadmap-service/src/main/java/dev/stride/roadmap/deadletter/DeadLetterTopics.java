package dev.stride.roadmap.deadletter;

import dev.stride.contracts.event.CloudEventHeaders;
import dev.stride.roadmap.problem.FieldError;
import dev.stride.roadmap.problem.FieldErrorCode;
import dev.stride.roadmap.problem.Problem;
import dev.stride.roadmap.problem.ProblemException;
import jakarta.enterprise.context.ApplicationScoped;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.OffsetSpec;
import org.apache.kafka.clients.admin.TopicDescription;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.common.KafkaException;
import org.apache.kafka.common.KafkaFuture;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.errors.GroupIdNotFoundException;
import org.apache.kafka.common.errors.UnknownTopicOrPartitionException;
import org.apache.kafka.common.header.Header;
import org.apache.kafka.common.header.Headers;
import org.jboss.logging.Logger;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.function.Function;
import java.util.stream.Collectors;

import static io.smallrye.reactive.messaging.kafka.fault.KafkaDeadLetterQueue.DEAD_LETTER_CAUSE;
import static io.smallrye.reactive.messaging.kafka.fault.KafkaDeadLetterQueue.DEAD_LETTER_OFFSET;
import static io.smallrye.reactive.messaging.kafka.fault.KafkaDeadLetterQueue.DEAD_LETTER_PARTITION;
import static io.smallrye.reactive.messaging.kafka.fault.KafkaDeadLetterQueue.DEAD_LETTER_REASON;
import static io.smallrye.reactive.messaging.kafka.fault.KafkaDeadLetterQueue.DEAD_LETTER_TOPIC;

/**
 * The dead-letter topics ({@code <topic>.dlq}) every consumer in Stride writes what it cannot read or apply to, through
 * the SmallRye Kafka connector's dead-letter queue (contracts' DeadLetterUnlessStopping), with the original key, value
 * and headers plus its {@code dead-letter-*} headers. Lists them and reads their records; never logs a value (values carry addresses and links).
 */
@ApplicationScoped
public class DeadLetterTopics {

    public static final String SUFFIX = ".dlq";
    /** Set on a replayed record: {@code <dead-letter topic>:<partition>:<offset>} it was replayed from. */
    public static final String REPLAYED_FROM = "stride-replayed-from";
    public static final int VALUE_PREVIEW_BYTES = 2048;
    public static final int MAX_LIMIT = 500;

    private static final Logger LOG = Logger.getLogger(DeadLetterTopics.class);
    private static final Duration READ_WITHIN = Duration.ofSeconds(15);

    private final KafkaClients clients;

    public DeadLetterTopics(KafkaClients clients) {
        this.clients = clients;
    }

    /** Every topic on the cluster whose name ends in {@code .dlq}, by name, with its record counts. */
    public List<DeadLetterViews.Topic> list() {
        try (Admin admin = clients.admin()) {
            Set<String> names = await(admin.listTopics().names()).stream()
                    .filter(name -> name.endsWith(SUFFIX) && name.length() > SUFFIX.length())
                    .collect(Collectors.toCollection(TreeSet::new));
            if (names.isEmpty()) {
                return List.of();
            }
            Map<String, TopicDescription> described = await(admin.describeTopics(names).allTopicNames());
            List<TopicPartition> partitions = described.values().stream().flatMap(d -> partitionsOf(d).stream()).toList();
            Map<TopicPartition, Long> start = offsets(admin, partitions, OffsetSpec.earliest());
            Map<TopicPartition, Long> end = offsets(admin, partitions, OffsetSpec.latest());
            Map<TopicPartition, Long> replayedTo = replayedOffsets(admin);
            List<DeadLetterViews.Topic> topics = new ArrayList<>();
            for (String name : names) {
                long records = 0;
                long notReplayed = 0;
                List<TopicPartition> own = partitionsOf(described.get(name));
                for (TopicPartition partition : own) {
                    long first = start.get(partition);
                    long last = end.get(partition);
                    records += Math.max(0, last - first);
                    notReplayed += Math.max(0, last - Math.max(first, replayedTo.getOrDefault(partition, first)));
                }
                topics.add(new DeadLetterViews.Topic(name, originalTopicOf(name), own.size(), records, notReplayed));
            }
            return topics;
        } catch (KafkaException e) {
            throw unavailable(e);
        }
    }

    /** Up to {@code limit} records, oldest first, partition by partition. */
    public List<DeadLetterViews.Record> read(String topic, int limit) {
        if (limit < 1 || limit > MAX_LIMIT) {
            throw ProblemException.invalid("limit", FieldErrorCode.FROM_ONE_TO, Map.of("max", MAX_LIMIT));
        }
        try (Admin admin = clients.admin(); KafkaConsumer<byte[], byte[]> reader = clients.reader()) {
            List<TopicPartition> partitions = requirePartitions(admin, topic);
            Map<TopicPartition, Long> replayedTo = replayedOffsets(admin);
            Map<TopicPartition, Long> start = offsets(admin, partitions, OffsetSpec.earliest());
            Map<TopicPartition, Long> end = offsets(admin, partitions, OffsetSpec.latest());
            List<DeadLetterViews.Record> records = new ArrayList<>();
            long deadline = System.nanoTime() + READ_WITHIN.toNanos();
            for (TopicPartition partition : partitions) {
                long last = end.get(partition);
                if (records.size() >= limit || start.get(partition) >= last) {
                    continue;
                }
                reader.assign(List.of(partition));
                reader.seek(partition, start.get(partition));
                while (records.size() < limit && reader.position(partition) < last) {
                    if (System.nanoTime() > deadline) {
                        throw unavailable(new TimeoutException("reading " + partition + " took longer than " + READ_WITHIN));
                    }
                    for (ConsumerRecord<byte[], byte[]> record : reader.poll(Duration.ofMillis(200)).records(partition)) {
                        if (record.offset() >= last || records.size() >= limit) {
                            break;
                        }
                        records.add(view(record, replayedTo.getOrDefault(partition, 0L)));
                    }
                }
            }
            return records;
        } catch (KafkaException e) {
            throw unavailable(e);
        }
    }

    /** The partitions of a dead-letter topic that exists, in order; a 400 for a name that is not one, 404 for none on the cluster. */
    List<TopicPartition> requirePartitions(Admin admin, String topic) {
        requireName(topic);
        Map<String, TopicDescription> described = await(admin.describeTopics(List.of(topic)).allTopicNames(),
                cause -> cause instanceof UnknownTopicOrPartitionException ? notFound(topic) : unavailable(cause));
        return partitionsOf(described.get(topic));
    }

    /** A 400 naming {@code topic} unless it is a dead-letter topic's name. */
    static void requireName(String topic) {
        if (topic == null || !topic.endsWith(SUFFIX) || topic.length() == SUFFIX.length()) {
            throw ProblemException.invalid("topic", FieldErrorCode.DEAD_LETTER_TOPIC, Map.of("suffix", SUFFIX));
        }
    }

    /** Where a dead-letter topic's records came from when they do not say: its name without {@code .dlq}. */
    static String originalTopicOf(String deadLetterTopic) {
        return deadLetterTopic.substring(0, deadLetterTopic.length() - SUFFIX.length());
    }

    /** The next offset to replay per partition of every dead-letter topic, as {@link KafkaClients#REPLAY_GROUP} committed it. */
    static Map<TopicPartition, Long> replayedOffsets(Admin admin) {
        Map<TopicPartition, OffsetAndMetadata> committed;
        try {
            committed = await(admin.listConsumerGroupOffsets(KafkaClients.REPLAY_GROUP).partitionsToOffsetAndMetadata(),
                    cause -> cause instanceof GroupIdNotFoundException group ? group : unavailable(cause));
        } catch (GroupIdNotFoundException e) {
            return Map.of(); // nothing replayed yet
        }
        Map<TopicPartition, Long> offsets = new HashMap<>();
        committed.forEach((partition, offset) -> {
            if (offset != null) {
                offsets.put(partition, offset.offset());
            }
        });
        return offsets;
    }

    static String header(Headers headers, String name) {
        Header header = headers.lastHeader(name);
        return header == null || header.value() == null ? null : new String(header.value(), StandardCharsets.UTF_8);
    }

    /** Kafka did not answer in time or refused: nothing was changed that is not recorded (see the replay's commits). */
    static ProblemException unavailable(Throwable cause) {
        LOG.warnf("Kafka did not complete a dead-letter command: %s: %s", cause.getClass().getSimpleName(), cause.getMessage());
        return new ProblemException(Problem.of(503, "kafka-unavailable", "Kafka unavailable",
                "Kafka did not answer in time (" + cause.getClass().getSimpleName() + "); try again when it is reachable."));
    }

    private static DeadLetterViews.Record view(ConsumerRecord<byte[], byte[]> record, long replayedTo) {
        Headers headers = record.headers();
        byte[] value = record.value();
        int length = value == null ? 0 : value.length;
        String text = value == null ? null : new String(value, 0, Math.min(length, VALUE_PREVIEW_BYTES), StandardCharsets.UTF_8);
        return new DeadLetterViews.Record(record.partition(), record.offset(),
                record.key() == null ? null : new String(record.key(), StandardCharsets.UTF_8),
                record.timestamp() < 0 ? null : Instant.ofEpochMilli(record.timestamp()),
                header(headers, DEAD_LETTER_REASON), header(headers, DEAD_LETTER_CAUSE), header(headers, DEAD_LETTER_TOPIC),
                number(header(headers, DEAD_LETTER_PARTITION), Integer::valueOf), number(header(headers, DEAD_LETTER_OFFSET), Long::valueOf),
                header(headers, CloudEventHeaders.TYPE), header(headers, CloudEventHeaders.ID), header(headers, REPLAYED_FROM),
                record.offset() < replayedTo, length, length > VALUE_PREVIEW_BYTES, text);
    }

    private static <T> T number(String text, Function<String, T> parse) {
        try {
            return text == null ? null : parse.apply(text.trim());
        } catch (NumberFormatException e) {
            return null;
        }
    }

    private static List<TopicPartition> partitionsOf(TopicDescription description) {
        return description.partitions().stream().map(p -> new TopicPartition(description.name(), p.partition()))
                .sorted(Comparator.comparingInt(TopicPartition::partition)).toList();
    }

    static Map<TopicPartition, Long> offsets(Admin admin, Collection<TopicPartition> partitions, OffsetSpec spec) {
        Map<TopicPartition, OffsetSpec> request = partitions.stream().collect(Collectors.toMap(p -> p, p -> spec));
        Map<TopicPartition, Long> offsets = new HashMap<>();
        await(admin.listOffsets(request).all()).forEach((partition, info) -> offsets.put(partition, info.offset()));
        return offsets;
    }

    static <T> T await(KafkaFuture<T> future) {
        return await(future, DeadLetterTopics::unavailable);
    }

    private static <T> T await(KafkaFuture<T> future, Function<Throwable, RuntimeException> failure) {
        try {
            return future.get(20, TimeUnit.SECONDS);
        } catch (ExecutionException e) {
            throw failure.apply(e.getCause());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw unavailable(e);
        } catch (TimeoutException e) {
            throw unavailable(e);
        }
    }

    private static ProblemException notFound(String topic) {
        return new ProblemException(new Problem("https://stride.dev/problems/not-found", "Not found", 404,
                "There is no topic '" + topic + "' on the Kafka cluster.", null,
                List.of(FieldError.of("topic", FieldErrorCode.TOPIC_UNKNOWN))));
    }
}
