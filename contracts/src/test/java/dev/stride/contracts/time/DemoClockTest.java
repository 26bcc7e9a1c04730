package dev.stride.contracts.time;

import org.junit.jupiter.api.Test;

import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Optional;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class DemoClockTest {

    private final AdjustableClock clock = new AdjustableClock(Clock.systemUTC());

    @Test
    void onOnlyWithTheFlagAndNeverInProd() {
        assertThat(new DemoClock(clock, null, true, List.of("test")).enabled()).isTrue();
        assertThat(new DemoClock(clock, null, true, List.of("demo")).enabled()).isTrue();
        assertThat(new DemoClock(clock, null, false, List.of("test")).enabled()).isFalse();
        assertThat(new DemoClock(clock, null, true, List.of("prod")).enabled()).isFalse();
        assertThat(new DemoClock(clock, null, true, List.of("demo", "prod")).enabled()).isFalse();
    }

    @Test
    void switchedOffItNeitherReadsNorMoves() {
        DemoClock off = new DemoClock(clock, null, true, List.of("prod"));
        off.restore(); // no data source: reading it would fail
        assertThatThrownBy(() -> off.advance(Duration.ofDays(7))).isInstanceOf(IllegalStateException.class);
        assertThat(clock.offset()).isEqualTo(Duration.ZERO);
    }

    @Test
    void stepsAreIsoDurationsForwardOfAtMostAYear() {
        assertThat(DemoClock.step(null).duration()).contains(Duration.ofDays(7));
        assertThat(DemoClock.step("PT12H").duration()).contains(Duration.ofHours(12));
        assertThat(DemoClock.step("P366D").duration()).contains(Duration.ofDays(366));
        for (String bad : List.of("yesterday", "-P1D", "P367D", "7")) {
            DemoClock.Step step = DemoClock.step(bad);
            assertThat(step.duration()).as(bad).isEqualTo(Optional.empty());
            assertThat(step.refusal()).as(bad).isNotBlank();
        }
    }
}
