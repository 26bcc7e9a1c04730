package dev.stride.infra.local;

import org.junit.jupiter.api.Test;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class RestartPolicyTest {

    private final TestClock clock = new TestClock();
    private final RestartPolicy policy = RestartPolicy.standard(clock);

    @Test
    void theWaitDoublesFromOneSecondUpToThirtyWhileTheServiceKeepsFailing() {
        List<Long> waits = new ArrayList<>();
        for (int i = 0; i < 8; i++) {
            policy.started();
            clock.advance(Duration.ofSeconds(5));
            waits.add(policy.afterExit().orElseThrow().toSeconds());
        }

        assertThat(waits).containsExactly(1L, 2L, 4L, 8L, 16L, 30L, 30L, 30L);
        assertThat(policy.restarts()).isEqualTo(8);
    }

    @Test
    void aRunOfAMinuteOrMoreStartsTheBackOffOverButAShorterOneDoesNot() {
        for (int i = 0; i < 4; i++) {
            policy.started();
            policy.afterExit();
        }
        policy.started();
        clock.advance(RestartPolicy.STABLE_AFTER.minusSeconds(1));
        assertThat(policy.afterExit()).contains(Duration.ofSeconds(16));

        policy.started();
        clock.advance(RestartPolicy.STABLE_AFTER);
        assertThat(policy.afterExit()).contains(Duration.ofSeconds(1));
        policy.started();
        assertThat(policy.afterExit()).as("failing again at once after the reset").contains(Duration.ofSeconds(2));
    }

    @Test
    void nothingIsRestartedOnceTheLaunchIsStopping() {
        policy.started();
        assertThat(policy.afterExit()).isPresent();

        policy.shutdown();

        assertThat(policy.isShutdown()).isTrue();
        clock.advance(Duration.ofMinutes(5));
        assertThat(policy.afterExit()).isEqualTo(Optional.empty());
        assertThat(policy.restarts()).isEqualTo(1);
    }

    @Test
    void aMaximumBelowTheFirstWaitIsRefused() {
        assertThatThrownBy(() -> new RestartPolicy(Duration.ofSeconds(5), Duration.ofSeconds(1), Duration.ofMinutes(1), clock))
                .isInstanceOf(IllegalArgumentException.class);
    }

    /** A clock the test moves by hand. */
    static final class TestClock extends Clock {

        private Instant now = Instant.parse("2026-01-05T09:00:00Z");

        synchronized void advance(Duration duration) {
            now = now.plus(duration);
        }

        @Override
        public synchronized Instant instant() {
            return now;
        }

        @Override
        public ZoneId getZone() {
            return ZoneOffset.UTC;
        }

        @Override
        public Clock withZone(ZoneId zone) {
            throw new UnsupportedOperationException();
        }
    }
}
