package dev.stride.bench.harness;

import java.time.Duration;

/**
 * Waits for a run to finish, checking every {@link #PROBE_INTERVAL}, and fails with what it saw when the run's count
 * has not moved for {@link #STALL}: a lost or failing item ends the run with a message instead of hanging it.
 */
public final class Progress {

    /** How often a run is checked; a measured end is at most this much late. */
    public static final Duration PROBE_INTERVAL = Duration.ofMillis(100);

    /** A run whose count has not moved for this long has stalled (-Dbench.stallSeconds). */
    public static final Duration STALL = Duration.ofSeconds(Long.getLong("bench.stallSeconds", 60));

    /** One look at a run: how far it is (any count that grows while it works), whether it is done, and what to report. */
    public record Status(long count, boolean done, String detail) {
    }

    @FunctionalInterface
    public interface Probe {
        Status look() throws Exception;
    }

    private Progress() {
    }

    public static void await(String what, Probe probe) throws Exception {
        long lastCount = -1;
        long lastMove = System.nanoTime();
        while (true) {
            Status status = probe.look();
            if (status.done()) {
                return;
            }
            if (status.count() != lastCount) {
                lastCount = status.count();
                lastMove = System.nanoTime();
            } else if (System.nanoTime() - lastMove > STALL.toNanos()) {
                throw new IllegalStateException(what + " stalled: " + status.detail() + ", no progress for " + STALL.toSeconds() + " s");
            }
            Thread.sleep(PROBE_INTERVAL.toMillis());
        }
    }
}
