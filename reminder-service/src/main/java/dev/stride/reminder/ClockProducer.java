package dev.stride.reminder;

import dev.stride.contracts.time.AdjustableClock;
import jakarta.enterprise.inject.Produces;
import jakarta.inject.Singleton;

/** The one source of time in this service (injectable as {@code Clock}); the demo switch and tests advance it. */
public class ClockProducer {

    @Produces
    @Singleton
    AdjustableClock clock() {
        return AdjustableClock.systemUtc();
    }
}
