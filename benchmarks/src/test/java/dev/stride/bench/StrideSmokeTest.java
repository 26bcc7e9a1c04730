package dev.stride.bench;

import dev.stride.bench.burst.BurstBenchmark;
import dev.stride.bench.dispatch.Peer;
import dev.stride.bench.dispatch.StrideDispatch;
import dev.stride.bench.harness.StrideServices;
import dev.stride.infra.InfraSettings;
import dev.stride.infra.LocalInfrastructure;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The dispatch and burst benchmarks, small, on real Kafka, PostgreSQL and SMTP with the services as separate JVMs
 * from their built jars: every nudge sent once, every email accepted once. Counts only; timing is for the full runs.
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class StrideSmokeTest {

    @TempDir
    static Path dataDir;

    private static LocalInfrastructure infra;

    @BeforeAll
    static void startInfrastructure() {
        infra = LocalInfrastructure.start(InfraSettings.forTests(dataDir, System.getenv()), line -> { });
    }

    @AfterAll
    static void stopInfrastructure() {
        if (infra != null) {
            infra.close();
        }
    }

    @Test
    @Order(2)
    void oneAndTwoDispatchersPublishEveryDueNudgeOnceAndScheduleTheNextWeek() throws Exception {
        StrideServices services = new StrideServices(StrideServices.projectDir(), infra, dataDir.resolve("logs"));
        for (int instances = 1; instances <= 2; instances++) {
            Peer.Drained drained = new StrideDispatch(services, infra, instances, services.jar("reminder-service"), "dispatcher").drain(300);

            // The drain itself waits for 300 rows sent and 300 next weeks pending; here: 300 records on the topic, none twice.
            assertThat(drained.executed()).as("records published by %d instance(s)", instances).isEqualTo(300);
        }
    }

    /** First: the dispatch run leaves NudgeDue records on the topic that a notifier started later would send. */
    @Test
    @Order(1)
    void aBurstReachesTheMailServerOncePerLearner() throws Exception {
        // Leases of 5 s on both ledgers and 8 s of counting after the last email: a row re-sent after its lease would show.
        BurstBenchmark.Result result = new BurstBenchmark(infra, dataDir.resolve("logs"), Duration.ofSeconds(8))
                .run(200, Map.of("STRIDE_REMINDER_DISPATCH_LEASE", "5s"), Map.of("STRIDE_DELIVERY_LEASE", "5s",
                        "STRIDE_DELIVERY_SEND_TIMEOUT", "4s"));

        assertThat(result.lost()).as("subscription-weeks with no email").isZero();
        assertThat(result.duplicated()).as("subscription-weeks with more than one email").isZero();
        assertThat(result.services()).extracting(BurstBenchmark.ServiceFigures::name)
                .containsExactly("roadmap-service-1", "reminder-service-1", "notifier-service-1");
    }
}
