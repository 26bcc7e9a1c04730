package dev.stride.infra.local;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;

/**
 * When the launcher restarts a service that exited on its own: after 1 s, then 2 s, 4 s, ... at most 30 s while it keeps
 * failing; a run that lasted a minute or more counts as recovered, so the next exit waits 1 s again. Once the launch is
 * stopping, nothing is restarted. One instance per service; the clock is injected so tests need not wait.
 */
final class RestartPolicy {

    static final Duration FIRST_DELAY = Duration.ofSeconds(1);
    static final Duration MAX_DELAY = Duration.ofSeconds(30);
    static final Duration STABLE_AFTER = Duration.ofMinutes(1);

    private final Duration firstDelay;
    private final Duration maxDelay;
    private final Duration stableAfter;
    private final Clock clock;
    private Instant startedAt;
    private int failures;
    private int restarts;
    private boolean shutdown;

    RestartPolicy(Duration firstDelay, Duration maxDelay, Duration stableAfter, Clock clock) {
        if (firstDelay.isNegative() || firstDelay.isZero() || maxDelay.compareTo(firstDelay) < 0) {
            throw new IllegalArgumentException("Need 0 < firstDelay <= maxDelay, not " + firstDelay + " and " + maxDelay);
        }
        this.firstDelay = firstDelay;
        this.maxDelay = maxDelay;
        this.stableAfter = stableAfter;
        this.clock = clock;
        this.startedAt = clock.instant();
    }

    /** 1 s doubling to 30 s, reset after a minute up. */
    static RestartPolicy standard(Clock clock) {
        return new RestartPolicy(FIRST_DELAY, MAX_DELAY, STABLE_AFTER, clock);
    }

    /** The service was (re)started now: its uptime counts from here. */
    synchronized void started() {
        startedAt = clock.instant();
    }

    /**
     * The service exited: how long to wait before starting it again, or empty when the launch is stopping. A run that
     * lasted {@code stableAfter} or longer resets the back-off.
     */
    synchronized Optional<Duration> afterExit() {
        if (shutdown) {
            return Optional.empty();
        }
        if (Duration.between(startedAt, clock.instant()).compareTo(stableAfter) >= 0) {
            failures = 0;
        }
        Duration delay = firstDelay;
        for (int i = 0; i < failures && delay.compareTo(maxDelay) < 0; i++) {
            delay = delay.multipliedBy(2);
        }
        failures++;
        restarts++;
        return Optional.of(delay.compareTo(maxDelay) > 0 ? maxDelay : delay);
    }

    /** The launch is stopping: from now on {@link #afterExit()} says not to restart. */
    synchronized void shutdown() {
        shutdown = true;
    }

    synchronized boolean isShutdown() {
        return shutdown;
    }

    /** How many restarts this policy has granted so far. */
    synchronized int restarts() {
        return restarts;
    }
}
