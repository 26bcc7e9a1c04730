package dev.stride.reminder.ops;

import dev.stride.infra.testing.StrideInfraResource;
import io.quarkus.scheduler.Scheduled;
import io.quarkus.test.common.TestResourceScope;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.enterprise.context.ApplicationScoped;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.logging.Handler;
import java.util.logging.Level;
import java.util.logging.LogRecord;
import java.util.logging.Logger;

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
                throw new IllegalStateException("the test's outage", new java.sql.SQLTransientConnectionException("Connection refused"));
            }
        }
    }

    private final List<LogRecord> records = new CopyOnWriteArrayList<>();
    private final Handler capture = new Handler() {
        @Override
        public void publish(LogRecord record) {
            if (isLoggable(record)) {
                records.add(record);
            }
        }

        @Override
        public void flush() {
        }

        @Override
        public void close() {
        }
    };

    @AfterEach
    void stopFailing() {
        FAILING.set(false);
        Logger.getLogger("").removeHandler(capture);
    }

    @Test
    void aJobFailingRunAfterRunIsLoggedOnceThenOnItsRecovery() {
        Logger.getLogger("").addHandler(capture);
        FAILING.set(true);
        await().atMost(Duration.ofSeconds(20)).until(() -> FAILED_RUNS.get() >= 4);
        FAILING.set(false);
        await().atMost(Duration.ofSeconds(10)).until(() -> records.stream().anyMatch(r -> text(r).contains("FlakyJob#run succeeds again")));

        List<String> ours = records.stream().filter(r -> text(r).contains("FlakyJob#run")).map(ScheduledJobLogTest::text).toList();
        assertThat(ours).as("the first failure, then the recovery: nothing per run in between").hasSize(2);
        assertThat(ours.get(0)).contains("FlakyJob#run failed", "IllegalStateException caused by", "Connection refused");
        assertThat(records.stream().filter(r -> r.getLoggerName().startsWith("io.quarkus.scheduler")).map(ScheduledJobLogTest::text))
                .as("Quarkus's line per failed run is off").isEmpty();
        assertThat(records.stream().filter(r -> text(r).contains("FlakyJob#run failed")).findFirst().orElseThrow())
                .satisfies(first -> {
                    assertThat(first.getLevel()).isEqualTo(Level.WARNING);
                    assertThat(first.getThrown()).as("the first failure's stack trace").isNotNull();
                });
    }

    private static String text(LogRecord record) {
        return String.valueOf(record.getMessage());
    }
}
