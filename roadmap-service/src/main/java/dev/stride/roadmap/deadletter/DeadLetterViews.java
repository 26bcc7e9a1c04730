package dev.stride.roadmap.deadletter;

import java.time.Instant;
import java.util.Map;

/** What the admin API shows of dead-letter topics and their records. */
public final class DeadLetterViews {

    private DeadLetterViews() {
    }

    /**
     * A dead-letter topic: its records now (end minus start offsets, summed over partitions) and how many of them no
     * replay has republished yet; {@code originalTopic} is where its records go back to without a header saying otherwise.
     */
    public record Topic(String topic, String originalTopic, int partitions, long records, long notReplayed) {
    }

    /**
     * One dead-lettered record: where it sits, the connector's dead-letter headers (why it failed, where it came from),
     * the CloudEvents type and id if it carries them, and its value as text, cut at {@link DeadLetterTopics#VALUE_PREVIEW_BYTES}.
     */
    public record Record(int partition, long offset, String key, Instant timestamp, String reason, String cause, String originalTopic,
                         Integer originalPartition, Long originalOffset, String eventType, String eventId, String replayedFrom,
                         boolean replayed, int valueBytes, boolean valueTruncated, String value) {
    }

    /** The outcome of a replay: how many records went back, to which topics. */
    public record Replay(String topic, int replayed, Map<String, Integer> to) {
    }
}
