package dev.stride.contracts.learning;

import static dev.stride.contracts.learning.NudgeVariant.CATCH_UP;
import static dev.stride.contracts.learning.NudgeVariant.FINISH_DATE;
import static dev.stride.contracts.learning.NudgeVariant.NEXT_STEP;
import static dev.stride.contracts.learning.NudgeVariant.PROGRESS_STREAK;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.EnumMap;
import java.util.EnumSet;
import java.util.Map;
import java.util.Set;
import org.apache.commons.rng.UniformRandomProvider;
import org.apache.commons.rng.simple.RandomSource;
import org.junit.jupiter.api.Test;

class ThompsonPolicyTest {

    private static final int DRAWS = 2_000;

    private final UniformRandomProvider random = RandomSource.XO_RO_SHI_RO_128_PP.create(19L);
    private final ThompsonPolicy plain = new ThompsonPolicy(RecoveringPenalty.OFF);

    @Test
    void aSleepingArmIsNeverPickedNorScoredEvenWithTheBestPosterior() {
        Map<NudgeVariant, Posterior> posteriors = Map.of(CATCH_UP, new Posterior(500, 1), NEXT_STEP, new Posterior(1, 50));
        Set<NudgeVariant> awake = EnumSet.of(NEXT_STEP, FINISH_DATE);
        for (int i = 0; i < DRAWS; i++) {
            Choice choice = plain.choose(awake, posteriors, Map.of(), random);
            assertThat(choice.variant()).isIn(NEXT_STEP, FINISH_DATE);
            assertThat(choice.scores()).containsOnlyKeys(NEXT_STEP, FINISH_DATE);
            assertThat(choice.reason()).isEqualTo(NudgeVariant.Reason.SAMPLED);
        }
    }

    @Test
    void onlyTheDefaultAwakeIsOnlyEligible() {
        Choice choice = plain.choose(EnumSet.of(NEXT_STEP), Map.of(), Map.of(), random);
        assertThat(choice.variant()).isEqualTo(NEXT_STEP);
        assertThat(choice.reason()).isEqualTo(NudgeVariant.Reason.ONLY_ELIGIBLE);
        assertThat(choice.scores()).containsOnlyKeys(NEXT_STEP);
    }

    @Test
    void theDefaultIsAwakeEvenWhenTheCallerLeftItOut() {
        Choice choice = plain.choose(EnumSet.noneOf(NudgeVariant.class), Map.of(), Map.of(), random);
        assertThat(choice.variant()).isEqualTo(NEXT_STEP);
        assertThat(choice.reason()).isEqualTo(NudgeVariant.Reason.ONLY_ELIGIBLE);
    }

    @Test
    void aClearlyBetterPosteriorIsPickedMostOfTheTime() {
        Map<NudgeVariant, Posterior> posteriors = new EnumMap<>(NudgeVariant.class);
        posteriors.put(NEXT_STEP, new Posterior(20, 80));        // mean 0.2
        posteriors.put(PROGRESS_STREAK, new Posterior(60, 40));  // mean 0.6
        posteriors.put(FINISH_DATE, new Posterior(30, 70));      // mean 0.3
        Map<NudgeVariant, Integer> picks = countPicks(plain, posteriors, Map.of());
        assertThat(picks.getOrDefault(PROGRESS_STREAK, 0)).isGreaterThan(DRAWS * 95 / 100);
    }

    @Test
    void withEqualPosteriorsTheScoreIsTheDrawTimesTheFactor() {
        ThompsonPolicy penalised = new ThompsonPolicy(new RecoveringPenalty(0.3, 2.0));
        UniformRandomProvider a = RandomSource.XO_RO_SHI_RO_128_PP.create(5L);
        UniformRandomProvider b = RandomSource.XO_RO_SHI_RO_128_PP.create(5L);
        Set<NudgeVariant> awake = EnumSet.of(NEXT_STEP, PROGRESS_STREAK);
        Choice unpenalised = plain.choose(awake, Map.of(), Map.of(), a);
        Choice justSent = penalised.choose(awake, Map.of(), Map.of(PROGRESS_STREAK, 0), b);
        assertThat(justSent.scores().get(PROGRESS_STREAK)).isEqualTo(unpenalised.scores().get(PROGRESS_STREAK) * 0.7);
        assertThat(justSent.scores().get(NEXT_STEP)).isEqualTo(unpenalised.scores().get(NEXT_STEP));
    }

    @Test
    void thePenaltyMovesPicksAwayFromAJustSentArmAndFadesAsItRecovers() {
        Map<NudgeVariant, Posterior> posteriors = new EnumMap<>(NudgeVariant.class);
        posteriors.put(NEXT_STEP, new Posterior(45, 55));        // mean 0.45
        posteriors.put(PROGRESS_STREAK, new Posterior(55, 45));  // mean 0.55: the favourite when nothing was sent
        ThompsonPolicy penalised = new ThompsonPolicy(new RecoveringPenalty(0.3, 2.0));

        int unpenalised = countPicks(plain, posteriors, Map.of(PROGRESS_STREAK, 0)).getOrDefault(PROGRESS_STREAK, 0);
        int justSent = countPicks(penalised, posteriors, Map.of(PROGRESS_STREAK, 0)).getOrDefault(PROGRESS_STREAK, 0);
        int longAgo = countPicks(penalised, posteriors, Map.of(PROGRESS_STREAK, 20)).getOrDefault(PROGRESS_STREAK, 0);

        assertThat(unpenalised).isGreaterThan(DRAWS * 3 / 4);
        assertThat(justSent).isLessThan(DRAWS / 4);
        assertThat(longAgo).isGreaterThan(DRAWS * 3 / 4);
    }

    private Map<NudgeVariant, Integer> countPicks(ThompsonPolicy policy, Map<NudgeVariant, Posterior> posteriors,
                                                  Map<NudgeVariant, Integer> weeksSinceSent) {
        Map<NudgeVariant, Integer> picks = new EnumMap<>(NudgeVariant.class);
        for (int i = 0; i < DRAWS; i++) {
            NudgeVariant picked = policy.choose(posteriors.keySet(), posteriors, weeksSinceSent, random).variant();
            picks.merge(picked, 1, Integer::sum);
        }
        return picks;
    }
}
