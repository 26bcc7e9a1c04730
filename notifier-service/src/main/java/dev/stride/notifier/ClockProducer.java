package dev.stride.notifier;

import dev.stride.contracts.time.AdjustableClock;
import jakarta.enterprise.inject.Produces;
import jakarta.inject.Singleton;

/** The one source of time in this service (injectable as {@code Clock}); tests advance it instead of sleeping. */
public class ClockProducer {

    @Produces
    @Singleton
    AdjustableClock clock() {
        return AdjustableClock.systemUtc();
    }
}
