package dev.stride.contracts;

import java.util.List;

/** Kafka topic names. Every consumer of a topic has a dead-letter topic beside it. */
public final class Topics {

    public static final String ROADMAP_EVENTS = "roadmap-events";
    public static final String SUBSCRIPTION_EVENTS = "subscription-events";
    public static final String NUDGE_EVENTS = "nudge-events";
    public static final String DELIVERY_EVENTS = "delivery-events";

    /** The topics the system publishes to, in the order they flow. */
    public static final List<String> ALL = List.of(ROADMAP_EVENTS, SUBSCRIPTION_EVENTS, NUDGE_EVENTS, DELIVERY_EVENTS);

    private static final String DEAD_LETTER_SUFFIX = ".dlq";

    private Topics() {
    }

    public static String deadLetter(String topic) {
        return topic + DEAD_LETTER_SUFFIX;
    }

    /** The topics and their dead-letter topics: what a broker must have before the services start. */
    public static List<String> allWithDeadLetters() {
        return ALL.stream().flatMap(topic -> java.util.stream.Stream.of(topic, deadLetter(topic))).toList();
    }
}
