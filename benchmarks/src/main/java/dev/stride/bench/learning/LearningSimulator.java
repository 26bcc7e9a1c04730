package dev.stride.bench.learning;

import dev.stride.bench.Table;
import dev.stride.contracts.learning.NudgeVariant;
import dev.stride.contracts.learning.RecoveringPenalty;

import java.io.PrintStream;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import org.apache.commons.math3.distribution.TDistribution;
import org.apache.commons.math3.stat.descriptive.SummaryStatistics;
import org.apache.commons.rng.UniformRandomProvider;
import org.apache.commons.rng.simple.RandomSource;

/**
 * The offline simulator ({@code -Dbench=learning}): every policy on the same synthetic populations, one per seed, and
 * per policy the cumulative reward and regret over the run, mean and 95 % confidence interval over the seeds.
 */
public final class LearningSimulator {

    public static final String BANDIT = "bandit + recovering";
    public static final String BANDIT_PLAIN = "bandit, no recovering";
    public static final String UNIFORM = "uniform random";
    public static final String ORACLE = "oracle";
    static final String FIXED = "fixed ";

    /** One policy's figures over the seeds; {@code rewards} per seed, in seed order, for paired comparisons. */
    public record Row(String policy, SummaryStatistics reward, SummaryStatistics regret, SummaryStatistics subscribed,
                      List<Double> rewards) {

        /** This policy's reward minus {@code other}'s, seed by seed (both ran on the same population). */
        public SummaryStatistics minus(Row other) {
            SummaryStatistics difference = new SummaryStatistics();
            for (int i = 0; i < rewards.size(); i++) {
                difference.addValue(rewards.get(i) - other.rewards().get(i));
            }
            return difference;
        }
    }

    /** Every policy's row, in run order; {@link #bestFixed()} is the fixed variant with the most reward. */
    public record Result(LearningSettings settings, Map<String, Row> rows) {

        public double reward(String policy) {
            return rows.get(policy).reward().getMean();
        }

        public double regret(String policy) {
            return rows.get(policy).regret().getMean();
        }

        public Row bestFixed() {
            return rows.values().stream().filter(row -> row.policy().startsWith(FIXED))
                    .max(Comparator.comparingDouble(row -> row.reward().getMean())).orElseThrow();
        }
    }

    private final LearningSettings settings;

    public LearningSimulator(LearningSettings settings) {
        this.settings = settings;
    }

    public Result run() {
        TrueModel model = new TrueModel(settings.decay());
        Map<String, Function<UniformRandomProvider, SimPolicy>> policies = new LinkedHashMap<>();
        policies.put(BANDIT, random -> SimPolicy.bandit(settings.penalty(), random));
        policies.put(BANDIT_PLAIN, random -> SimPolicy.bandit(RecoveringPenalty.OFF, random));
        policies.put(UNIFORM, SimPolicy::uniform);
        for (NudgeVariant variant : NudgeVariant.values()) {
            policies.put(FIXED + variant.id(), random -> SimPolicy.fixed(variant));
        }
        policies.put(ORACLE, random -> SimPolicy.oracle(model));

        Map<String, Row> rows = new LinkedHashMap<>();
        int index = 0;
        for (Map.Entry<String, Function<UniformRandomProvider, SimPolicy>> policy : policies.entrySet()) {
            Row row = new Row(policy.getKey(), new SummaryStatistics(), new SummaryStatistics(), new SummaryStatistics(),
                    new ArrayList<>());
            for (int seed = 1; seed <= settings.seeds(); seed++) {
                UniformRandomProvider random = RandomSource.XO_RO_SHI_RO_128_PP.create(seed * 1_000L + index);
                Population.Totals totals = new Population(seed, settings.learners(), settings.weeks(), model)
                        .run(policy.getValue().apply(random));
                row.reward().addValue(totals.reward());
                row.rewards().add(totals.reward());
                row.regret().addValue(totals.regret());
                row.subscribed().addValue(totals.subscribedAtEnd());
            }
            rows.put(row.policy(), row);
            index++;
        }
        return new Result(settings, rows);
    }

    public static void print(Result result, PrintStream out) {
        out.println("learning: " + result.settings().describe());
        out.println();
        double baseline = result.reward(FIXED + NudgeVariant.NEXT_STEP.id());
        Row bandit = result.rows().get(BANDIT);
        Table table = new Table("policy", "reward", "± 95 %", "regret", "± 95 %", "vs next-step", "bandit - this",
                "± 95 %", "subscribed at end");
        for (Row row : result.rows().values()) {
            SummaryStatistics gap = bandit.minus(row);
            boolean self = row == bandit;
            table.row(row.policy(), row.reward().getMean(), halfWidth(row.reward()), row.regret().getMean(),
                    halfWidth(row.regret()), percent(row.reward().getMean() / baseline - 1), self ? null : gap.getMean(),
                    self ? null : halfWidth(gap), (int) Math.round(row.subscribed().getMean()));
        }
        table.print(out);
        out.println();
        Row bestFixed = result.bestFixed();
        out.println("best fixed: " + bestFixed.policy() + String.format(java.util.Locale.ROOT,
                "; bandit + recovering vs best fixed %s, vs uniform random %s, vs no recovering %s",
                percent(result.reward(BANDIT) / bestFixed.reward().getMean() - 1),
                percent(result.reward(BANDIT) / result.reward(UNIFORM) - 1),
                percent(result.reward(BANDIT) / result.reward(BANDIT_PLAIN) - 1)));
        out.flush();
    }

    /** Student's t interval over the seeds; null (printed "-") with a single seed. */
    static Double halfWidth(SummaryStatistics stats) {
        if (stats.getN() < 2) {
            return null;
        }
        double t = new TDistribution(stats.getN() - 1).inverseCumulativeProbability(0.975);
        return t * stats.getStandardDeviation() / Math.sqrt(stats.getN());
    }

    private static String percent(double share) {
        return String.format(java.util.Locale.ROOT, "%+.1f %%", share * 100);
    }
}
