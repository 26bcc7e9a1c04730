package dev.stride.bench.learning;

import dev.stride.contracts.learning.NudgeState;
import dev.stride.contracts.learning.NudgeVariant;

import java.util.EnumMap;
import java.util.Map;
import org.apache.commons.rng.UniformRandomProvider;

/**
 * One synthetic learner: a fixed propensity to make progress in a week and a weekly plan, and the state that evolves
 * with what they do (minutes ahead of the plan, streak, recent weeks, where in the study/project cycle they are) and
 * with what they are sent (each variant's fading memory, for novelty; the week each was last sent, for the policy).
 */
final class Learner {

    /** The roadmap alternates four study weeks with two weeks on a project milestone with recipe steps. */
    static final int PHASE_CYCLE_WEEKS = 6;
    static final int PROJECT_WEEKS = 2;
    /** Re-planning keeps how far off the plan a learner is from growing without bound: 60 % carries to next week. */
    static final double AHEAD_CARRY = 0.6;

    final double base;
    final int plannedMinutes;
    private final int phaseOffset;
    private int aheadMinutes;
    private int streakWeeks;
    private int recentWeeks;          // bit i: progress i + 1 weeks ago
    private boolean active = true;
    private final double[] memory = new double[NudgeVariant.values().length];
    private final Map<NudgeVariant, Integer> lastSentWeek = new EnumMap<>(NudgeVariant.class);

    Learner(UniformRandomProvider random) {
        base = 0.35 + 0.40 * random.nextDouble();
        plannedMinutes = 120 + 30 * random.nextInt(7);
        phaseOffset = random.nextInt(PHASE_CYCLE_WEEKS);
        aheadMinutes = (int) Math.round((random.nextDouble() - 0.5) * plannedMinutes);
    }

    NudgeState state(int week) {
        boolean finishProjected = Integer.bitCount(recentWeeks & 0b1111) >= 2;
        boolean projectWeek = (week + phaseOffset) % PHASE_CYCLE_WEEKS >= PHASE_CYCLE_WEEKS - PROJECT_WEEKS;
        return new NudgeState(aheadMinutes, streakWeeks, finishProjected, projectWeek);
    }

    boolean active() {
        return active;
    }

    /** How much of {@code variant} this learner still remembers: +1 per send, halving every few weeks. */
    double memory(NudgeVariant variant) {
        return memory[variant.ordinal()];
    }

    /** Weeks since each variant was last sent to this learner (absent: never), as the reminder will read its log. */
    Map<NudgeVariant, Integer> weeksSinceSent(int week) {
        Map<NudgeVariant, Integer> weeks = new EnumMap<>(NudgeVariant.class);
        lastSentWeek.forEach((variant, sent) -> weeks.put(variant, week - sent));
        return weeks;
    }

    /** The week happened: {@code variant} was sent, the learner did {@code doneMinutes}, maybe left. */
    void after(int week, NudgeVariant variant, int doneMinutes, boolean unsubscribed, double memoryKeep) {
        for (int i = 0; i < memory.length; i++) {
            memory[i] *= memoryKeep;
        }
        memory[variant.ordinal()] += 1.0;
        lastSentWeek.put(variant, week);
        boolean progress = doneMinutes > 0;
        streakWeeks = progress ? streakWeeks + 1 : 0;
        recentWeeks = (recentWeeks << 1) | (progress ? 1 : 0);
        aheadMinutes = (int) Math.round(AHEAD_CARRY * aheadMinutes + doneMinutes - plannedMinutes);
        active = !unsubscribed;
    }
}
