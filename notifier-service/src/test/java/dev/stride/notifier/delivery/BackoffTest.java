package dev.stride.notifier.delivery;

import org.junit.jupiter.api.Test;

import java.time.Duration;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class BackoffTest {

    @Test
    void delaysDoubleFromTheBaseWithinTheirJitterBand() {
        Backoff lowest = new Backoff(Duration.ofSeconds(30), 2, Duration.ofHours(1), () -> 0.0);
        Backoff highest = new Backoff(Duration.ofSeconds(30), 2, Duration.ofHours(1), () -> 1.0);

        assertThat(lowest.delayAfter(1)).isEqualTo(Duration.ofSeconds(15));
        assertThat(highest.delayAfter(1)).isEqualTo(Duration.ofSeconds(30));
        assertThat(lowest.delayAfter(2)).isEqualTo(Duration.ofSeconds(30));
        assertThat(highest.delayAfter(2)).isEqualTo(Duration.ofSeconds(60));
        assertThat(highest.delayAfter(4)).isEqualTo(Duration.ofSeconds(240));
    }

    @Test
    void delaysStopGrowingAtTheMaximum() {
        Backoff highest = new Backoff(Duration.ofSeconds(30), 2, Duration.ofHours(1), () -> 1.0);
        Backoff lowest = new Backoff(Duration.ofSeconds(30), 2, Duration.ofHours(1), () -> 0.0);

        assertThat(highest.delayAfter(8)).isEqualTo(Duration.ofHours(1));
        assertThat(highest.delayAfter(50)).isEqualTo(Duration.ofHours(1));
        assertThat(lowest.delayAfter(50)).isEqualTo(Duration.ofMinutes(30));
    }

    @Test
    void jitterSpreadsRetriesOfTheSameAttempt() {
        Backoff half = new Backoff(Duration.ofSeconds(10), 3, Duration.ofMinutes(10), () -> 0.5);

        assertThat(half.delayAfter(3)).isEqualTo(Duration.ofMillis(67_500));
    }

    @Test
    void nonsenseSettingsAreRefused() {
        assertThatThrownBy(() -> new Backoff(Duration.ZERO, 2, Duration.ofMinutes(1), () -> 0.5)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new Backoff(Duration.ofSeconds(1), 0.5, Duration.ofMinutes(1), () -> 0.5)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new Backoff(Duration.ofMinutes(2), 2, Duration.ofMinutes(1), () -> 0.5)).isInstanceOf(IllegalArgumentException.class);
    }
}
