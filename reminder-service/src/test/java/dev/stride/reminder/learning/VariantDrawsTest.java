package dev.stride.reminder.learning;

import dev.stride.contracts.learning.NudgeVariant;
import dev.stride.contracts.learning.Posterior;
import dev.stride.contracts.learning.RecoveringPenalty;
import dev.stride.contracts.learning.ThompsonPolicy;
import org.junit.jupiter.api.Test;

import java.util.EnumMap;
import java.util.EnumSet;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A nudge claimed again after its lease must be given the choice it was given first, with nothing written before publishing:
 * its draws depend on its id alone. Across nudges they must still explore.
 */
class VariantDrawsTest {

    private static final Set<NudgeVariant> ALL = EnumSet.allOf(NudgeVariant.class);
    private final ThompsonPolicy policy = new ThompsonPolicy(new RecoveringPenalty(0.3, 2));

    @Test
    void theSameNudgeIsGivenTheSameVariantEveryTimeItIsChosen() {
        Map<NudgeVariant, Posterior> posteriors = new EnumMap<>(NudgeVariant.class);
        posteriors.put(NudgeVariant.NEXT_STEP, new Posterior(3, 2));
        posteriors.put(NudgeVariant.FINISH_DATE, new Posterior(2, 2));
        for (int i = 0; i < 1_000; i++) {
            UUID nudge = UUID.randomUUID();
            NudgeVariant first = policy.choose(ALL, posteriors, Map.of(), VariantChooser.draws(nudge)).variant();
            NudgeVariant again = policy.choose(ALL, posteriors, Map.of(), VariantChooser.draws(UUID.fromString(nudge.toString()))).variant();
            assertThat(again).as("nudge %s", nudge).isEqualTo(first);
        }
    }

    @Test
    void differentNudgesExploreEveryEligibleVariant() {
        Map<NudgeVariant, Integer> counts = new EnumMap<>(NudgeVariant.class);
        for (int i = 0; i < 2_000; i++) {
            counts.merge(policy.choose(ALL, Map.of(), Map.of(), VariantChooser.draws(UUID.randomUUID())).variant(), 1, Integer::sum);
        }
        assertThat(counts).as("flat priors: every variant about a fifth of the time").containsOnlyKeys(ALL);
        assertThat(counts.values()).allSatisfy(count -> assertThat(count).isBetween(300, 500));
    }
}
