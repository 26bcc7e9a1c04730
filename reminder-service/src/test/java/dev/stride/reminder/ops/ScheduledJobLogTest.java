package dev.stride.reminder.ops;

import dev.stride.infra.testing.LogCapture;
import dev.stride.infra.testing.StrideInfraResource;
import io.quarkus.scheduler.Scheduled;
import io.quarkus.test.common.TestResourceScope;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.enterprise.context.ApplicationScoped;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import java.sql.SQLTransientConnectionException;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.logging.Level;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * In the running service: a scheduled job that fails run after run is logged once by contracts' ScheduledJobLog, with
 * its cause, and once more when it recovers; Quarkus's own ERROR per failed run is off. (The job below fails only while
 * a test asks it to.)
 */
@QuarkusTest
@WithTestResource(value = StrideInfraResource.class, scope = TestResourceScope.GLOBAL)
class ScheduledJobLogTest {

    static final AtomicBoolean FAILING = new AtomicBoolean();
    static final AtomicInteger FAILED_RUNS = new AtomicInteger();

    @ApplicationScoped
    static class FlakyJob {
        @Scheduled(every = "1s")
        void run() {
            if (FAILING.get()) {
                FAILED_RUNS.incrementAndGet();
                throw new IllegalStateException("the test's outage", new SQLTransientConnectionException("Connection refused"));
            }
        }
    }

    @AfterEach
    void stopFailing() {
        FAILING.set(false);
    }

    @Test
    void aJobFailingRunAfterRunIsLoggedOnceThenOnItsRecovery() {
        try (LogCapture logs = LogCapture.atOrAbove(Level.INFO)) {
            FAILED_RUNS.set(0);
            FAILING.set(true);
            await().atMost(Duration.ofSeconds(20)).until(() -> FAILED_RUNS.get() >= 4);
            FAILING.set(false);
            await().atMost(Duration.ofSeconds(10)).until(() -> logs.lines().stream().anyMatch(line -> line.contains("FlakyJob#run succeeds again")));

            List<String> ours = logs.lines().stream().filter(line -> line.contains("FlakyJob#run")).toList();
            assertThat(ours).as("the first failure, then the recovery: nothing per run in between").hasSize(2);
            assertThat(ours.get(0)).as("WARN, with the cause and the stack trace's exception")
                    .contains(" WARN ", "FlakyJob#run failed", "IllegalStateException caused by", "Connection refused", "| java.");
            assertThat(ours.get(1)).contains(" INFO ", "after " + FAILED_RUNS.get() + " failed runs");
            assertThat(logs.lines()).as("Quarkus's line per failed run is off").noneMatch(line -> line.startsWith("io.quarkus.scheduler"));
        }
    }
}
