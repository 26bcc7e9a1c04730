package dev.stride.bench.faults;

import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Collectors;
import java.util.stream.IntStream;

import static org.assertj.core.api.Assertions.assertThat;

/** How a scenario's dead letters are judged, without infrastructure: by key, at least once per consumer group. */
class DeadLetterVerdictTest {

    private static final Tally CLEAN = new Tally(300, 0, 0, List.of(), 0, 0, 0);

    @Test
    void eachUnreadableRecordIsOwedOncePerConsumerGroup() {
        assertThat(Poison.leastDeadLetters()).containsExactlyInAnyOrderEntriesOf(Map.of(
                "roadmap-events.dlq", 3L, "subscription-events.dlq", 6L, "nudge-events.dlq", 6L, "delivery-events.dlq", 3L));
    }

    @Test
    void thePoisonAloneOnTheDeadLetterTopicsPassesAndRepeatsOfItToo() {
        Map<String, List<String>> owed = unreadable(0);
        Map<String, List<String>> repeated = unreadable(1);

        assertThat(outcome(Scenario.POISON, owed).passed()).isTrue();
        assertThat(outcome(Scenario.POISON, repeated).passed()).isTrue();
    }

    @Test
    void aValidEventOnADeadLetterTopicFailsTheScenarioAndIsNamed() {
        Map<String, List<String>> dead = unreadable(0);
        dead.get("subscription-events.dlq").add("2aa5f6ea-3c36-4124-867f-1f894347cc60");

        FaultRun.Outcome outcome = outcome(Scenario.COMBINED, dead);

        assertThat(outcome.passed()).isFalse();
        assertThat(outcome.validDeadLettered()).containsExactly("2aa5f6ea-3c36-4124-867f-1f894347cc60");
    }

    @Test
    void aTopicShortOfItsUnreadableRecordsFailsAndAnUnpoisonedScenarioOwesNone() {
        Map<String, List<String>> dead = unreadable(0);
        dead.get("nudge-events.dlq").remove(0);

        assertThat(outcome(Scenario.POISON, dead).unreadableShort()).containsExactly(Map.entry("nudge-events.dlq", 5L));
        assertThat(outcome(Scenario.POISON, dead).passed()).isFalse();
        assertThat(outcome(Scenario.KILL_REMINDER, unreadable(-1)).passed()).isTrue();
    }

    /** Each topic's owed unreadable records plus {@code extra} (-1: none at all). */
    private static Map<String, List<String>> unreadable(int extra) {
        Map<String, List<String>> dead = new TreeMap<>();
        Poison.leastDeadLetters().forEach((topic, least) -> dead.put(topic, IntStream.range(0, extra < 0 ? 0 : (int) (least + extra))
                .mapToObj(i -> Poison.KEY_PREFIX + topic).collect(Collectors.toCollection(java.util.ArrayList::new))));
        return dead;
    }

    private static FaultRun.Outcome outcome(Scenario scenario, Map<String, List<String>> deadLettered) {
        return new FaultRun.Outcome(scenario, 300, CLEAN, 10, 1, 15, deadLettered, List.of());
    }
}
