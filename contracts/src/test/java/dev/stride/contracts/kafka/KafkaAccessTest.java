package dev.stride.contracts.kafka;

import dev.stride.contracts.Topics;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class KafkaAccessTest {

    @Test
    void everyTopicHasOneProducingServiceAndEveryConsumerWritesItsDeadLetterTopic() {
        for (String topic : Topics.ALL) {
            assertThat(KafkaAccess.ALL.stream().filter(a -> a.mayRead(topic)))
                    .allSatisfy(reader -> assertThat(reader.mayWrite(Topics.deadLetter(topic))).isTrue());
        }
        assertThat(KafkaAccess.REMINDER.writes()).containsExactlyInAnyOrder(Topics.NUDGE_EVENTS, "roadmap-events.dlq", "subscription-events.dlq");
        assertThat(KafkaAccess.NOTIFIER.writes()).containsExactlyInAnyOrder(Topics.DELIVERY_EVENTS, "nudge-events.dlq", "subscription-events.dlq");
    }

    @Test
    void onlyTheRoadmapServiceReadsDeadLetterTopicsAndRepublishesToAnyTopic() {
        assertThat(KafkaAccess.ROADMAP.reads()).containsAll(Topics.allWithDeadLetters().stream().filter(t -> t.endsWith(".dlq")).toList());
        assertThat(KafkaAccess.ROADMAP.writes()).containsAll(Topics.ALL);
        assertThat(KafkaAccess.ROADMAP.groups()).containsExactlyInAnyOrder("roadmap-service", KafkaAccess.DLQ_REPLAY_GROUP);
        assertThat(KafkaAccess.REMINDER.reads()).noneMatch(t -> t.endsWith(".dlq"));
        assertThat(KafkaAccess.NOTIFIER.reads()).noneMatch(t -> t.endsWith(".dlq"));
        // Nudges become mail: only the reminder-service, and the roadmap-service's dead-letter replay, may write them.
        assertThat(KafkaAccess.ALL.stream().filter(a -> a.mayWrite(Topics.NUDGE_EVENTS)).map(KafkaAccess::user))
                .containsExactlyInAnyOrder("reminder-service", "roadmap-service");
    }

    @Test
    void anUnknownUserIsNamed() {
        assertThatThrownBy(() -> KafkaAccess.of("mallory")).hasMessageContaining("mallory");
        assertThat(KafkaAccess.of("notifier-service")).isSameAs(KafkaAccess.NOTIFIER);
    }
}
