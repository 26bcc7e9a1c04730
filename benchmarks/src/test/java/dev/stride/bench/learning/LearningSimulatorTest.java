package dev.stride.bench.learning;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

/**
 * The simulator at CI size: the documented population over fewer seeds (a few seconds). Every draw is seeded, so the
 * figures are the same on every run of this code; the margins are what the per-seed spread (README: "Learning
 * simulator") leaves room for if the model or the policy changes a little.
 */
class LearningSimulatorTest {

    private static final LearningSettings CI = LearningSettings.documented().withSize(2_000, 52, 5);

    @Test
    void withNoveltyDecayTheBanditBeatsRandomAndTheBestFixedVariantAndTheRecoveringTermHelps() {
        LearningSimulator.Result result = new LearningSimulator(CI).run();

        double bandit = result.reward(LearningSimulator.BANDIT);
        assertThat(bandit).isGreaterThan(1.02 * result.reward(LearningSimulator.UNIFORM));
        assertThat(bandit).isGreaterThan(1.03 * result.bestFixed().reward().getMean());
        assertThat(result.rows().get(LearningSimulator.BANDIT).minus(result.rows().get(LearningSimulator.BANDIT_PLAIN))
                .getMean()).as("recovering minus plain bandit, mean over seeds").isPositive();
        assertThat(result.reward(LearningSimulator.ORACLE)).isGreaterThan(bandit);
        assertThat(result.regret(LearningSimulator.ORACLE)).isZero();
    }

    @Test
    void withoutNoveltyDecayTheRecoveringTermOnlyCosts() {
        LearningSimulator.Result result = new LearningSimulator(CI.withDecay(0).withSize(2_000, 52, 3)).run();

        assertThat(result.reward(LearningSimulator.BANDIT_PLAIN)).isGreaterThan(1.01 * result.reward(LearningSimulator.BANDIT));
    }

    @Test
    void printsEveryPolicyAndTheBestFixedOne() {
        LearningSimulator.Result result = new LearningSimulator(CI.withSize(200, 8, 2)).run();
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        LearningSimulator.print(result, new PrintStream(bytes, true, StandardCharsets.UTF_8));

        String printed = bytes.toString(StandardCharsets.UTF_8);
        assertThat(printed).contains("learning: learners 200, weeks 8, seeds 2", LearningSimulator.BANDIT,
                LearningSimulator.BANDIT_PLAIN, LearningSimulator.UNIFORM, "fixed next-step", "fixed project-recipe",
                LearningSimulator.ORACLE, "best fixed: " + result.bestFixed().policy());
    }
}
