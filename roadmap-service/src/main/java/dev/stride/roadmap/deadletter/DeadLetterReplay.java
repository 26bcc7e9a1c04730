package dev.stride.roadmap.deadletter;

import dev.stride.roadmap.problem.Problem;
import dev.stride.roadmap.problem.ProblemException;
import io.agroal.api.AgroalDataSource;
import jakarta.enterprise.context.ApplicationScoped;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.OffsetSpec;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.clients.producer.RecordMetadata;
import org.apache.kafka.common.KafkaException;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.header.Header;
import org.apache.kafka.common.header.internals.RecordHeaders;
import org.jboss.logging.Logger;

import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

import static io.smallrye.reactive.messaging.kafka.fault.KafkaDeadLetterQueue.DEAD_LETTER_TOPIC;

/**
 * Republishes a dead-letter topic's records to the topics they failed on: same key, value and headers (CloudEvents
 * included), without the connector's {@code dead-letter-*} headers, with {@link DeadLetterTopics#REPLAYED_FROM}. Partition
 * by partition in offset order; progress is the committed offset of {@link KafkaClients#REPLAY_GROUP}, committed only for
 * records Kafka acknowledged, so a second replay republishes nothing and an interrupted one resumes where it stopped.
 * Safe to repeat: every consumer drops an event id it has applied.
 */
@ApplicationScoped
public class DeadLetterReplay {

    private static final Logger LOG = Logger.getLogger(DeadLetterReplay.class);
    private static final String DEAD_LETTER_HEADERS = "dead-letter-";
    /** A replay that reads nothing for this long while records remain gives up (they stay for the next one). */
    private static final Duration STALL = Duration.ofSeconds(15);

    private final KafkaClients clients;
    private final DeadLetterTopics topics;
    private final AgroalDataSource database;

    public DeadLetterReplay(KafkaClients clients, DeadLetterTopics topics, AgroalDataSource database) {
        this.clients = clients;
        this.topics = topics;
        this.database = database;
    }

    /**
     * Replays the records that are on the topic now and were not replayed before. Records dead-lettered again while it
     * runs wait for the next replay, so a record that still fails does not loop.
     */
    public DeadLetterViews.Replay replay(String topic) {
        DeadLetterTopics.requireName(topic);
        try (ReplayLock lock = ReplayLock.take(database, topic);
             Admin admin = clients.admin();
             KafkaConsumer<byte[], byte[]> reader = clients.replayReader();
             KafkaProducer<byte[], byte[]> producer = clients.replayProducer()) {
            List<TopicPartition> partitions = topics.requirePartitions(admin, topic);
            Set<String> existing = new HashSet<>(DeadLetterTopics.await(admin.listTopics().names()));
            Map<TopicPartition, Long> start = DeadLetterTopics.offsets(admin, partitions, OffsetSpec.earliest());
            Map<TopicPartition, Long> end = DeadLetterTopics.offsets(admin, partitions, OffsetSpec.latest());
            Map<TopicPartition, Long> replayedTo = DeadLetterTopics.replayedOffsets(admin);
            Map<String, Integer> to = new TreeMap<>();
            for (TopicPartition partition : partitions) {
                long from = Math.max(start.get(partition), replayedTo.getOrDefault(partition, 0L));
                replayPartition(reader, producer, partition, from, end.get(partition), existing, to);
            }
            int replayed = to.values().stream().mapToInt(Integer::intValue).sum();
            if (replayed > 0) {
                LOG.infof("Replayed %d record(s) from %s: %s", replayed, topic, to);
            }
            return new DeadLetterViews.Replay(topic, replayed, to);
        } catch (KafkaException e) {
            throw DeadLetterTopics.unavailable(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw DeadLetterTopics.unavailable(e);
        }
    }

    private void replayPartition(KafkaConsumer<byte[], byte[]> reader, KafkaProducer<byte[], byte[]> producer, TopicPartition partition,
                                 long from, long end, Set<String> existing, Map<String, Integer> to) throws InterruptedException {
        if (from >= end) {
            return;
        }
        reader.assign(List.of(partition));
        reader.seek(partition, from);
        long stalledAt = System.nanoTime();
        while (reader.position(partition) < end) {
            List<ConsumerRecord<byte[], byte[]>> batch = reader.poll(Duration.ofMillis(200)).records(partition).stream()
                    .filter(record -> record.offset() < end).toList();
            if (batch.isEmpty()) {
                if (System.nanoTime() - stalledAt > STALL.toNanos()) {
                    throw DeadLetterTopics.unavailable(new TimeoutException("nothing read from " + partition + " for " + STALL));
                }
                continue;
            }
            stalledAt = System.nanoTime();
            List<Future<RecordMetadata>> sends = new ArrayList<>(batch.size());
            List<String> targets = new ArrayList<>(batch.size());
            for (ConsumerRecord<byte[], byte[]> record : batch) {
                String target = targetOf(record);
                if (!existing.contains(target) || target.endsWith(DeadLetterTopics.SUFFIX)) {
                    // What was sent before it is acknowledged first, then remembered; this record and the rest wait.
                    commitAcknowledged(reader, producer, partition, batch, sends, targets, to);
                    throw new ProblemException(Problem.of(409, "unknown-original-topic", "Unknown original topic",
                            "Record " + partition.partition() + ":" + record.offset() + " of " + partition.topic() + " came from '" + target
                                    + "', which is not a topic on the Kafka cluster; it and the records after it were not replayed."));
                }
                sends.add(producer.send(republished(record, target)));
                targets.add(target);
            }
            commitAcknowledged(reader, producer, partition, batch, sends, targets, to);
        }
    }

    /** Waits for the sends in order and commits past the last acknowledged one; a failed send ends the replay there. */
    private static void commitAcknowledged(KafkaConsumer<byte[], byte[]> reader, KafkaProducer<byte[], byte[]> producer, TopicPartition partition,
                                           List<ConsumerRecord<byte[], byte[]>> batch, List<Future<RecordMetadata>> sends, List<String> targets,
                                           Map<String, Integer> to) throws InterruptedException {
        producer.flush();
        int acknowledged = 0;
        RuntimeException failure = null;
        for (Future<RecordMetadata> send : sends) {
            try {
                send.get(30, TimeUnit.SECONDS);
                acknowledged++;
            } catch (java.util.concurrent.ExecutionException | TimeoutException e) {
                failure = DeadLetterTopics.unavailable(e.getCause() == null ? e : e.getCause());
                break;
            }
        }
        if (acknowledged > 0) {
            reader.commitSync(Map.of(partition, new OffsetAndMetadata(batch.get(acknowledged - 1).offset() + 1)));
            targets.subList(0, acknowledged).forEach(target -> to.merge(target, 1, Integer::sum));
        }
        if (failure != null) {
            throw failure;
        }
    }

    /** The topic a record failed on: the connector's {@code dead-letter-topic} header, else the dead-letter topic's name without {@code .dlq}. */
    static String targetOf(ConsumerRecord<byte[], byte[]> record) {
        String header = DeadLetterTopics.header(record.headers(), DEAD_LETTER_TOPIC);
        return header == null || header.isBlank() ? DeadLetterTopics.originalTopicOf(record.topic()) : header;
    }

    private static ProducerRecord<byte[], byte[]> republished(ConsumerRecord<byte[], byte[]> record, String target) {
        RecordHeaders headers = new RecordHeaders();
        for (Header header : record.headers()) {
            if (!header.key().startsWith(DEAD_LETTER_HEADERS) && !header.key().equals(DeadLetterTopics.REPLAYED_FROM)) {
                headers.add(header);
            }
        }
        headers.add(DeadLetterTopics.REPLAYED_FROM,
                (record.topic() + ":" + record.partition() + ":" + record.offset()).getBytes(StandardCharsets.UTF_8));
        return new ProducerRecord<>(target, null, record.key(), record.value(), headers);
    }

    /**
     * One replay per dead-letter topic at a time, across replicas: a PostgreSQL session advisory lock on a connection of
     * its own, held for the replay (released with the connection if the process dies). A second replay gets a 409.
     */
    private record ReplayLock(Connection connection, String key) implements AutoCloseable {

        static ReplayLock take(AgroalDataSource database, String topic) {
            String key = "dlq-replay:" + topic;
            try {
                Connection connection = database.getConnection();
                boolean locked = false;
                try (PreparedStatement lock = connection.prepareStatement("SELECT pg_try_advisory_lock(hashtext(?))")) {
                    lock.setString(1, key);
                    try (ResultSet result = lock.executeQuery()) {
                        locked = result.next() && result.getBoolean(1);
                    }
                } finally {
                    if (!locked) {
                        connection.close();
                    }
                }
                if (!locked) {
                    throw ProblemException.conflict("replay-running", "A replay of " + topic + " is running; try again when it has finished.");
                }
                return new ReplayLock(connection, key);
            } catch (SQLException e) {
                LOG.warnf("Cannot take the replay lock of %s: %s", topic, e.getMessage());
                throw new ProblemException(Problem.of(503, "database-unavailable", "Database unavailable",
                        "The database did not answer, so the replay did not start; try again when it is reachable."));
            }
        }

        @Override
        public void close() {
            try (connection; PreparedStatement unlock = connection.prepareStatement("SELECT pg_advisory_unlock(hashtext(?))")) {
                unlock.setString(1, key);
                unlock.executeQuery().close();
            } catch (SQLException e) {
                LOG.warnf("Could not release the replay lock %s (%s); it goes with the connection", key, e.getMessage());
            }
        }
    }
}
