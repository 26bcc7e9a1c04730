package dev.stride.notifier.delivery;

import java.time.Duration;
import java.util.function.DoubleSupplier;

/**
 * Retry delays after transient failures: exponential ({@code base * factor^(attempt-1)}, capped) with "equal
 * jitter" (half fixed, half random), so retries of many emails failed by one outage spread out instead of
 * hitting the recovering server together.
 */
public final class Backoff {

    private final Duration base;
    private final double factor;
    private final Duration max;
    private final DoubleSupplier random;

    public Backoff(Duration base, double factor, Duration max, DoubleSupplier random) {
        if (base.isNegative() || base.isZero()) {
            throw new IllegalArgumentException("retry base must be positive, was " + base);
        }
        if (factor < 1) {
            throw new IllegalArgumentException("retry factor must be at least 1, was " + factor);
        }
        if (max.compareTo(base) < 0) {
            throw new IllegalArgumentException("retry max delay " + max + " is shorter than the base " + base);
        }
        this.base = base;
        this.factor = factor;
        this.max = max;
        this.random = random;
    }

    /** The delay before the next attempt, after {@code attempts} attempts (1 or more) have failed. */
    public Duration delayAfter(int attempts) {
        double exponential = base.toMillis() * Math.pow(factor, Math.max(0, attempts - 1));
        double capped = Math.min(exponential, max.toMillis());
        double half = capped / 2;
        return Duration.ofMillis(Math.round(half + random.getAsDouble() * half));
    }
}
