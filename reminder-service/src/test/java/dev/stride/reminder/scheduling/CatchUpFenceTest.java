package dev.stride.reminder.scheduling;

import io.smallrye.reactive.messaging.kafka.KafkaClientService;
import io.smallrye.reactive.messaging.kafka.KafkaConsumer;
import io.smallrye.reactive.messaging.kafka.KafkaProducer;
import io.smallrye.reactive.messaging.kafka.KafkaShareConsumer;
import org.apache.kafka.clients.consumer.MockConsumer;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.common.PartitionInfo;
import org.apache.kafka.common.TopicPartition;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.entry;

/**
 * The fence's arithmetic, on Kafka's own mock consumer (the real path is the fault suite's learner-actions scenario,
 * where a restarted reminder-service must not dispatch a week whose action it has not read): every partition of the
 * topic counts, the target is what was there at the first look, and events arriving later do not move it.
 */
class CatchUpFenceTest {

    private static final String TOPIC = "subscription-events";
    private static final TopicPartition P0 = new TopicPartition(TOPIC, 0);
    private static final TopicPartition P1 = new TopicPartition(TOPIC, 1);
    private static final TopicPartition P2 = new TopicPartition(TOPIC, 2);

    @Test
    void behindUntilTheGroupHasCommittedWhatWasThereAtTheFirstLookOnEveryPartition() {
        MockConsumer<String, byte[]> consumer = new MockConsumer<>("earliest");
        consumer.subscribe(List.of(TOPIC));
        consumer.updatePartitions(TOPIC, List.of(partition(0), partition(1), partition(2)));
        consumer.rebalance(List.of(P0, P1, P2)); // the mock keeps commits of assigned partitions only; a real group keeps all
        consumer.updateBeginningOffsets(Map.of(P0, 0L, P1, 4L, P2, 0L));
        consumer.updateEndOffsets(Map.of(P0, 5L, P1, 7L, P2, 0L));
        CatchUpFence fence = new CatchUpFence(null, Duration.ofMinutes(2));

        // Nothing committed yet: from the start of each partition (4 on P1, whose older records are gone); P2 is empty.
        assertThat(fence.behind("in", consumer)).containsOnly(entry(P0, 5L), entry(P1, 3L));

        consumer.commitSync(Map.of(P0, new OffsetAndMetadata(5)));
        consumer.updateEndOffsets(Map.of(P0, 9L, P1, 8L, P2, 2L)); // arrived after the first look: not waited for
        assertThat(fence.behind("in", consumer)).containsOnly(entry(P1, 3L));

        consumer.commitSync(Map.of(P1, new OffsetAndMetadata(6)));
        assertThat(fence.behind("in", consumer)).containsOnly(entry(P1, 1L));

        consumer.commitSync(Map.of(P1, new OffsetAndMetadata(7)));
        assertThat(fence.behind("in", consumer)).isEmpty();
    }

    @Test
    void aZeroLimitTurnsTheFenceOff() {
        assertThat(new CatchUpFence(null, Duration.ZERO).passed()).isTrue();
    }

    @Test
    void aConsumerThatHasNotStartedHoldsDispatchBackUntilTheLimitThenNotAgain() throws InterruptedException {
        CatchUpFence fence = new CatchUpFence(new NoConsumers(), Duration.ofSeconds(2));

        assertThat(fence.passed()).isFalse();
        Thread.sleep(2200);
        assertThat(fence.passed()).isTrue();
        assertThat(fence.passed()).isTrue();
    }

    @Test
    void aConsumerWithoutItsSubscriptionYetIsNotTakenForOneThatHasReadEverything() {
        MockConsumer<String, byte[]> consumer = new MockConsumer<>("earliest");
        CatchUpFence fence = new CatchUpFence(null, Duration.ofMinutes(2));

        assertThatThrownBy(() -> fence.behind("in", consumer)).isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("not subscribed");
    }

    /** A service whose channels have no consumer yet (the connector starts them after the beans). */
    private static final class NoConsumers implements KafkaClientService {
        @Override
        public <K, V> List<KafkaConsumer<K, V>> getConsumers(String channel) {
            return List.of();
        }

        @Override
        public <K, V> List<KafkaShareConsumer<K, V>> getShareConsumers(String channel) {
            return List.of();
        }

        @Override
        public <K, V> KafkaProducer<K, V> getProducer(String channel) {
            return null;
        }

        @Override
        public Set<String> getConsumerChannels() {
            return Set.of();
        }

        @Override
        public Set<String> getShareConsumerChannels() {
            return Set.of();
        }

        @Override
        public Set<String> getProducerChannels() {
            return Set.of();
        }
    }

    private static PartitionInfo partition(int number) {
        return new PartitionInfo(TOPIC, number, null, null, null);
    }
}
