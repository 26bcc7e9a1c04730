package dev.stride.bench.faults;

import dev.stride.infra.InfraSettings;
import dev.stride.infra.LocalInfrastructure;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The fault suite at CI size (-Dfaults.n, default 1,000 learners, the size the reliability issue names; shorter outages than the documented full run): every
 * scenario with nothing lost, nothing doubled outside the SMTP acceptance window of a hard-killed notifier, nothing
 * sent after a learner ruled the week out, and the drain after the last fault within 15 s plus the backlog at
 * baseline speed. The services run as separate JVMs from their built jars on real Kafka, PostgreSQL and SMTP.
 */
class FaultSuiteTest {

    /**
     * What CI runs (about a minute and a half each on two cores): the kills, the learner actions, the poison and the
     * combined scenario, which holds every single fault too. {@code -Dfaults.scenarios=all} runs each fault alone as well.
     */
    private static final String CI_SCENARIOS = "kill-reminder,kill-notifier,learner-actions,poison,combined";

    @TempDir
    Path dataDir;

    @Test
    void everyScenarioLosesNothingDoublesNothingSendsNothingWrongAndDrainsInTime() throws Exception {
        FaultSettings settings = FaultSettings.fromProperties(FaultSettings.ci(Integer.getInteger("faults.n", 1000)));
        List<FaultRun.Outcome> outcomes;
        try (LocalInfrastructure infra = LocalInfrastructure.start(InfraSettings.forTests(dataDir, System.getenv()), line -> { })) {
            outcomes = new FaultSuite(infra, dataDir.resolve("logs"), settings, System.out)
                    .run(FaultSuite.parse(System.getProperty("faults.scenarios", CI_SCENARIOS)));
        }

        assertThat(outcomes).allSatisfy(outcome -> {
            String scenario = outcome.scenario().name();
            assertThat(outcome.tally().lost()).as("%s: subscription-weeks with no email", scenario).isZero();
            assertThat(outcome.tally().duplicated()).as("%s: duplicates outside the SMTP acceptance window", scenario).isZero();
            assertThat(outcome.tally().wronglySent()).as("%s: emails after the learner ruled the week out", scenario).isZero();
            assertThat(outcome.drainSeconds()).as("%s: drain after the last fault healed", scenario).isLessThanOrEqualTo(outcome.drainBoundSeconds());
            assertThat(outcome.tally().windowGapsMs()).as("%s: window duplicates, ms from acceptance to kill", scenario)
                    .allSatisfy(gap -> assertThat(gap).isBetween(0L, Tally.WINDOW.toMillis()));
            // Only the unreadable records are dead-lettered, each at least once per consumer group; never a valid event.
            assertThat(outcome.validDeadLettered()).as("%s: valid records dead-lettered (keys)", scenario).isEmpty();
            assertThat(outcome.unreadableShort()).as("%s: topics short of their unreadable records", scenario).isEmpty();
        });
        assertThat(outcomes).extracting(FaultRun.Outcome::scenario).contains(Scenario.BASELINE);
    }
}
