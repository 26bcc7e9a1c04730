package dev.stride.contracts.event;

import java.time.Instant;
import java.util.UUID;

/**
 * The learner left: one goodbye email (with a link to subscribe again), and nothing after it. {@code reason} is null
 * when the learner unsubscribed; {@link #NOT_ME} when the address's owner said "this wasn't me — never email me again"
 * ({@link AddressSuppressed} for the address travels on another partition and may arrive later): then no goodbye either;
 * {@link #STOP_ALL} for the learner's other subscriptions ended by "stop all Stride email", whose one goodbye is the
 * clicked subscription's own.
 */
public record Unsubscribed(UUID subscriptionId, Learner learner, String roadmapId, String roadmapTitle, String resubscribeUrl, Instant at,
                           String reason) implements DomainEvent {

    public static final String NOT_ME = "not-me";
    public static final String STOP_ALL = "stop-all";

    /** Whether a goodbye email is owed: not to an address whose owner asked for no email at all, and one per "stop all". */
    public boolean goodbye() {
        return !NOT_ME.equals(reason) && !STOP_ALL.equals(reason);
    }
}
