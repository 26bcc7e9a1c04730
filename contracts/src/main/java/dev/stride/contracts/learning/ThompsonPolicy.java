package dev.stride.contracts.learning;

import java.util.EnumMap;
import java.util.EnumSet;
import java.util.Map;
import java.util.OptionalInt;
import java.util.Set;
import org.apache.commons.rng.UniformRandomProvider;
import org.apache.commons.rng.sampling.distribution.ChengBetaSampler;

/**
 * Thompson sampling with sleeping and recovering arms (Yancey &amp; Settles, KDD 2020): for each eligible arm draw
 * θ ~ Beta(α, β) from its posterior, multiply by the recovering factor for the weeks since the arm was last sent to
 * this learner, and pick the highest score. Arms that are not eligible are never sampled. Stateless: the posteriors,
 * the send history and the random source are the caller's.
 */
public final class ThompsonPolicy {

    private final RecoveringPenalty penalty;

    public ThompsonPolicy(RecoveringPenalty penalty) {
        this.penalty = penalty;
    }

    /**
     * @param eligible       the awake arms ({@link Eligibility#of}); {@link NudgeVariant#NEXT_STEP} is added if absent
     * @param posteriors     per arm, in the learner's context; a missing arm has the {@link Posterior#PRIOR}
     * @param weeksSinceSent per arm, weeks since it was last sent to this learner; a missing arm was never sent
     * @param random         the source of the Beta draws (seeded in tests and the simulator)
     */
    public Choice choose(Set<NudgeVariant> eligible, Map<NudgeVariant, Posterior> posteriors,
                         Map<NudgeVariant, Integer> weeksSinceSent, UniformRandomProvider random) {
        EnumSet<NudgeVariant> awake = EnumSet.of(NudgeVariant.NEXT_STEP);
        awake.addAll(eligible);
        Map<NudgeVariant, Double> scores = new EnumMap<>(NudgeVariant.class);
        NudgeVariant best = null;
        for (NudgeVariant arm : awake) {
            Posterior posterior = posteriors.getOrDefault(arm, Posterior.PRIOR);
            double theta = ChengBetaSampler.of(random, posterior.alpha(), posterior.beta()).sample();
            Integer weeks = weeksSinceSent.get(arm);
            double score = theta * penalty.factor(weeks == null ? OptionalInt.empty() : OptionalInt.of(weeks));
            scores.put(arm, score);
            if (best == null || score > scores.get(best)) {
                best = arm;
            }
        }
        NudgeVariant.Reason reason = awake.size() == 1 ? NudgeVariant.Reason.ONLY_ELIGIBLE : NudgeVariant.Reason.SAMPLED;
        return new Choice(best, reason, scores);
    }
}
