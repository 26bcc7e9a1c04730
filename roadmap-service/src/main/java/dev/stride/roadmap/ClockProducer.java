package dev.stride.roadmap;

import dev.stride.contracts.time.AdjustableClock;
import dev.stride.contracts.time.DemoClock;
import io.quarkus.runtime.StartupEvent;
import io.quarkus.runtime.configuration.ConfigUtils;
import jakarta.annotation.Priority;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.enterprise.inject.Produces;
import jakarta.inject.Singleton;
import org.eclipse.microprofile.config.inject.ConfigProperty;

import javax.sql.DataSource;

/** The one source of time in this service (injectable as {@code Clock}); the demo switch and tests advance it. */
@ApplicationScoped
public class ClockProducer {

    @Produces
    @Singleton
    AdjustableClock clock() {
        return AdjustableClock.systemUtc();
    }

    /** The demo switch ({@code stride.demo.clock-control}, never in prod) and its stored offset. */
    @Produces
    @Singleton
    DemoClock demoClock(AdjustableClock clock, DataSource dataSource,
                        @ConfigProperty(name = "stride.demo.clock-control", defaultValue = "false") boolean flag) {
        return new DemoClock(clock, dataSource, flag, ConfigUtils.getProfiles());
    }

    /** Early at start, where the demo clock is on: the pages go on at the demo's time stored by an earlier run. */
    void restore(@Observes @Priority(1) StartupEvent start, DemoClock demo) {
        demo.restore();
    }
}
