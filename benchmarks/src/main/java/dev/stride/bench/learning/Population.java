package dev.stride.bench.learning;

import dev.stride.contracts.learning.Eligibility;
import dev.stride.contracts.learning.NudgeState;
import dev.stride.contracts.learning.NudgeVariant;
import dev.stride.contracts.learning.Reward;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import org.apache.commons.rng.UniformRandomProvider;
import org.apache.commons.rng.simple.RandomSource;

/**
 * One seed's run of one policy: the population drawn from the seed (the same learners for every policy), then each
 * week every learner still subscribed gets a nudge, the world answers from the true model, the reward is
 * {@link Reward#of}, and the policy learns from the week's outcomes before the next dispatch.
 */
final class Population {

    /** What one policy reached over the run. Regret is expected reward lost against the best arm, on its own path. */
    record Totals(double reward, double regret, long nudges, int subscribedAtEnd) {
    }

    private final List<Learner> learners = new ArrayList<>();
    private final TrueModel model;
    private final UniformRandomProvider world;
    private final int weeks;

    Population(long seed, int size, int weeks, TrueModel model) {
        UniformRandomProvider draw = RandomSource.XO_RO_SHI_RO_128_PP.create(seed);
        for (int i = 0; i < size; i++) {
            learners.add(new Learner(draw));
        }
        this.model = model;
        this.world = RandomSource.XO_RO_SHI_RO_128_PP.create(seed * 31 + 7);
        this.weeks = weeks;
    }

    Totals run(SimPolicy policy) {
        double reward = 0;
        double regret = 0;
        long nudges = 0;
        for (int week = 0; week < weeks; week++) {
            for (Learner learner : learners) {
                if (!learner.active()) {
                    continue;
                }
                NudgeState state = learner.state(week);
                Set<NudgeVariant> eligible = Eligibility.of(state);
                NudgeVariant variant = policy.choose(learner, state, eligible, week);
                NudgeVariant best = SimPolicy.best(model, learner, state, eligible);
                regret += model.expectedReward(learner, state, best) - model.expectedReward(learner, state, variant);

                boolean progress = world.nextDouble() < model.progressChance(learner, state, variant);
                int done = progress ? (int) Math.round(learner.plannedMinutes * (0.6 + world.nextDouble())) : 0;
                boolean unsubscribed = !progress && world.nextDouble() < TrueModel.CHURN_AFTER_IDLE_WEEK;
                double r = Reward.of(done, learner.plannedMinutes, unsubscribed);
                reward += r;
                nudges++;
                policy.observe(state, variant, r);
                learner.after(week, variant, done, unsubscribed, model.memoryKeep());
            }
            policy.endWeek();
        }
        int subscribed = (int) learners.stream().filter(Learner::active).count();
        return new Totals(reward, regret, nudges, subscribed);
    }
}
