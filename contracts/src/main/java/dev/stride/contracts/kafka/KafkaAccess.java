package dev.stride.contracts.kafka;

import dev.stride.contracts.Topics;

import java.util.List;
import java.util.Set;
import java.util.stream.Stream;

/**
 * Which service may read and write which Kafka topic, and in which consumer groups: the one place least privilege is
 * written down. Each service has its own Kafka user (SCRAM-SHA-512) of the same name; the broker's ACLs are granted from
 * this (the test broker's in {@code deploy/infra}, the Strimzi {@code KafkaUser}s in {@code deploy/k8s}, which a test in
 * {@code deploy/manifests} compares with it). A consumer also writes its topic's dead-letter topic (the connector's
 * dead-letter-queue strategy), so a read grants that write.
 *
 * @param user   the Kafka user, the service's name
 * @param reads  topics it consumes (READ and DESCRIBE)
 * @param writes topics it produces to (WRITE and DESCRIBE)
 * @param groups consumer groups it joins or commits in (READ and DESCRIBE)
 */
public record KafkaAccess(String user, Set<String> reads, Set<String> writes, Set<String> groups) {

    /** The consumer group of the roadmap-service's dead-letter replay (its committed offsets say what was replayed). */
    public static final String DLQ_REPLAY_GROUP = "stride-dlq-replay";

    /**
     * Publishes roadmap and subscription events (outbox), consumes delivery events and nudges (the nudge log that
     * engagement is attributed to); as the operators' dead-letter tool it
     * reads every dead-letter topic and republishes to every topic.
     */
    public static final KafkaAccess ROADMAP = consumer("roadmap-service",
            List.of(Topics.DELIVERY_EVENTS, Topics.NUDGE_EVENTS),
            union(List.of(Topics.ROADMAP_EVENTS, Topics.SUBSCRIPTION_EVENTS), Topics.ALL),
            deadLetterTopics(), List.of("roadmap-service", DLQ_REPLAY_GROUP));

    /** Consumes roadmap and subscription events, publishes nudges. */
    public static final KafkaAccess REMINDER = consumer("reminder-service",
            List.of(Topics.ROADMAP_EVENTS, Topics.SUBSCRIPTION_EVENTS), List.of(Topics.NUDGE_EVENTS),
            List.of(), List.of("reminder-service"));

    /** Consumes nudges and subscription events, publishes delivery events. */
    public static final KafkaAccess NOTIFIER = consumer("notifier-service",
            List.of(Topics.NUDGE_EVENTS, Topics.SUBSCRIPTION_EVENTS), List.of(Topics.DELIVERY_EVENTS),
            List.of(), List.of("notifier-service"));

    public static final List<KafkaAccess> ALL = List.of(ROADMAP, REMINDER, NOTIFIER);

    public KafkaAccess {
        reads = Set.copyOf(reads);
        writes = Set.copyOf(writes);
        groups = Set.copyOf(groups);
    }

    public static KafkaAccess of(String user) {
        return ALL.stream().filter(access -> access.user.equals(user)).findFirst()
                .orElseThrow(() -> new IllegalArgumentException("No Kafka user '" + user + "'; known: "
                        + ALL.stream().map(KafkaAccess::user).toList()));
    }

    /** Whether this user may consume {@code topic}. */
    public boolean mayRead(String topic) {
        return reads.contains(topic);
    }

    /** Whether this user may produce to {@code topic}. */
    public boolean mayWrite(String topic) {
        return writes.contains(topic);
    }

    private static KafkaAccess consumer(String user, List<String> consumes, List<String> produces, List<String> alsoReads,
                                        List<String> groups) {
        List<String> deadLetters = consumes.stream().map(Topics::deadLetter).toList();
        return new KafkaAccess(user, Set.copyOf(union(consumes, alsoReads)), Set.copyOf(union(produces, deadLetters)), Set.copyOf(groups));
    }

    private static List<String> deadLetterTopics() {
        return Topics.ALL.stream().map(Topics::deadLetter).toList();
    }

    private static List<String> union(List<String> a, List<String> b) {
        return Stream.concat(a.stream(), b.stream()).distinct().toList();
    }
}
