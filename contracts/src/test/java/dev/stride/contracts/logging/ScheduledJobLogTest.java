package dev.stride.contracts.logging;

import org.junit.jupiter.api.Test;

import java.sql.SQLTransientConnectionException;
import java.time.Instant;
import java.util.concurrent.CompletionException;

import static org.assertj.core.api.Assertions.assertThat;

/** A job failing every second for two and a half minutes logs four lines, not 150 stack traces. */
class ScheduledJobLogTest {

    private static final Instant START = Instant.parse("2026-12-07T07:00:00Z");

    @Test
    void aFailingJobIsReportedOnceThenOnceAMinuteThenWhenItRecovers() {
        ScheduledJobLog log = new ScheduledJobLog();
        // As the scheduler hands it over: the job's exception wrapped in a CompletionException.
        RuntimeException error = new CompletionException(new IllegalStateException("could not execute statement",
                new SQLTransientConnectionException("Connection to 127.0.0.1:5432 refused for ada@example.com")));

        int lines = 0;
        String first = log.failed("dispatcher#tick", "Dispatcher#tick", START, error);
        assertThat(first).contains("Dispatcher#tick failed", "IllegalStateException caused by",
                "SQLTransientConnectionException", "refused").doesNotContain("ada@example.com");
        for (int second = 1; second < 150; second++) {
            String line = log.failed("dispatcher#tick", "Dispatcher#tick", START.plusSeconds(second), error);
            if (line != null) {
                lines++;
                assertThat(line).contains("still failing", "since " + START);
                assertThat(second).isIn(60, 120);
            }
        }
        assertThat(lines).isEqualTo(2);

        assertThat(log.succeeded("dispatcher#tick", "Dispatcher#tick", START.plusSeconds(150)))
                .isEqualTo("Scheduled job Dispatcher#tick succeeds again, after 150 failed runs over 150 s");
        assertThat(log.succeeded("dispatcher#tick", "Dispatcher#tick", START.plusSeconds(151))).as("a success after a success says nothing").isNull();
        assertThat(log.failed("dispatcher#tick", "Dispatcher#tick", START.plusSeconds(152), error)).as("a new outage is reported in full")
                .contains("failed:");
    }

    @Test
    void eachJobHasItsOwnRunOfFailures() {
        ScheduledJobLog log = new ScheduledJobLog();
        RuntimeException error = new IllegalStateException("down");
        assertThat(log.failed("dispatcher#tick", "Dispatcher#tick", START, error)).contains("failed: java.lang.IllegalStateException: down");
        assertThat(log.failed("outboxrelay#relay", "OutboxRelay#relay", START.plusSeconds(1), error)).as("another job's first failure").contains("failed:");
        assertThat(log.succeeded("outboxrelay#relay", "OutboxRelay#relay", START.plusSeconds(2))).contains("after 1 failed runs");
        assertThat(log.failed("dispatcher#tick", "Dispatcher#tick", START.plusSeconds(3), error)).as("still inside the dispatcher's minute").isNull();
    }
}
