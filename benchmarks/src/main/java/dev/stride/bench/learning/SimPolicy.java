package dev.stride.bench.learning;

import dev.stride.contracts.learning.NudgeState;
import dev.stride.contracts.learning.NudgeVariant;
import dev.stride.contracts.learning.Posterior;
import dev.stride.contracts.learning.RecoveringPenalty;
import dev.stride.contracts.learning.ThompsonPolicy;

import java.util.ArrayList;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.apache.commons.rng.UniformRandomProvider;

/** A way to pick each learner's variant for the week; the simulator runs each on the same synthetic population. */
interface SimPolicy {

    NudgeVariant choose(Learner learner, NudgeState state, Set<NudgeVariant> eligible, int week);

    /** A nudge's reward is known (7 days after it); policies that learn keep it until the week's end. */
    default void observe(NudgeState state, NudgeVariant variant, double reward) {
    }

    /** Every nudge of the week is measured: what the reminder's posterior table would hold before the next dispatch. */
    default void endWeek() {
    }

    /** The learning policy as the reminder runs it: ThompsonPolicy with posteriors kept per context. */
    static SimPolicy bandit(RecoveringPenalty penalty, UniformRandomProvider random) {
        return new Bandit(new ThompsonPolicy(penalty), random);
    }

    static SimPolicy uniform(UniformRandomProvider random) {
        return (learner, state, eligible, week) -> {
            List<NudgeVariant> awake = List.copyOf(eligible);
            return awake.get(random.nextInt(awake.size()));
        };
    }

    /** Always {@code variant}; the default when it sleeps. */
    static SimPolicy fixed(NudgeVariant variant) {
        return (learner, state, eligible, week) -> eligible.contains(variant) ? variant : NudgeVariant.NEXT_STEP;
    }

    /** Knows the true model: the best expected arm for this learner this week (myopic; the regret's yardstick). */
    static SimPolicy oracle(TrueModel model) {
        return (learner, state, eligible, week) -> best(model, learner, state, eligible);
    }

    static NudgeVariant best(TrueModel model, Learner learner, NudgeState state, Set<NudgeVariant> eligible) {
        NudgeVariant best = NudgeVariant.NEXT_STEP;
        for (NudgeVariant variant : eligible) {
            if (model.expectedReward(learner, state, variant) > model.expectedReward(learner, state, best)) {
                best = variant;
            }
        }
        return best;
    }

    final class Bandit implements SimPolicy {
        private record Outcome(String context, NudgeVariant variant, double reward) {
        }

        private final ThompsonPolicy policy;
        private final UniformRandomProvider random;
        private final Map<String, Map<NudgeVariant, Posterior>> posteriors = new HashMap<>();
        private final List<Outcome> pending = new ArrayList<>();

        Bandit(ThompsonPolicy policy, UniformRandomProvider random) {
            this.policy = policy;
            this.random = random;
        }

        @Override
        public NudgeVariant choose(Learner learner, NudgeState state, Set<NudgeVariant> eligible, int week) {
            return policy.choose(eligible, inContext(state.context()), learner.weeksSinceSent(week), random).variant();
        }

        @Override
        public void observe(NudgeState state, NudgeVariant variant, double reward) {
            pending.add(new Outcome(state.context(), variant, reward));
        }

        @Override
        public void endWeek() {
            for (Outcome outcome : pending) {
                inContext(outcome.context()).merge(outcome.variant(), Posterior.PRIOR.update(outcome.reward()),
                        (current, ignored) -> current.update(outcome.reward()));
            }
            pending.clear();
        }

        private Map<NudgeVariant, Posterior> inContext(String context) {
            return posteriors.computeIfAbsent(context, c -> new EnumMap<>(NudgeVariant.class));
        }
    }
}
