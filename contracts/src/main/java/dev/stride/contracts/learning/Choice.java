package dev.stride.contracts.learning;

import java.util.Collections;
import java.util.EnumMap;
import java.util.Map;

/**
 * The policy's pick and why.
 *
 * @param variant the arm to send
 * @param reason  {@link NudgeVariant.Reason#SAMPLED} or {@link NudgeVariant.Reason#ONLY_ELIGIBLE}
 * @param scores  every eligible arm's score (sampled θ times the recovering factor), in declaration order; sleeping
 *                arms are absent
 */
public record Choice(NudgeVariant variant, NudgeVariant.Reason reason, Map<NudgeVariant, Double> scores) {

    public Choice {
        EnumMap<NudgeVariant, Double> copy = new EnumMap<>(NudgeVariant.class);
        copy.putAll(scores);
        scores = Collections.unmodifiableMap(copy);
    }
}
