package dev.stride.roadmap.console;

import dev.stride.roadmap.catalog.RoadmapDocument;

import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

/** What the engagement dashboard shows, and the arithmetic behind it (plain functions; {@link EngagementFigures} does the SQL). */
public final class EngagementDashboard {

    /** z for a two-sided 95 % interval. */
    static final double Z95 = 1.959963984540054;

    private EngagementDashboard() {
    }

    /** Distinct subscriptions active (an engagement or a progress change) in the ISO week starting {@code week}. */
    public record WeekCount(LocalDate week, long learners) {
    }

    /**
     * Closed nudge outcomes of one variant, holdout or not: how many, their mean reward, and the share with any progress
     * (a milestone done or minutes logged within the window) with its 95 % Wilson score interval.
     */
    public record VariantRate(String variant, boolean holdout, long nudges, double meanReward, long progressed, double share, double low,
                              double high) {
        static VariantRate of(String variant, boolean holdout, long nudges, double meanReward, long progressed) {
            double[] interval = wilson(progressed, nudges);
            return new VariantRate(variant, holdout, nudges, meanReward, progressed, nudges == 0 ? 0 : (double) progressed / nudges,
                    interval[0], interval[1]);
        }

        /** "42 % (31–54 %)": the share with progress and its interval, as the dashboard prints it. */
        public String shareText() {
            return String.format(java.util.Locale.ROOT, "%.0f %% (%.0f–%.0f %%)", share * 100, low * 100, high * 100);
        }

        public String meanRewardText() {
            return String.format(java.util.Locale.ROOT, "%.3f", meanReward);
        }
    }

    public record PhaseCount(String phaseId, String title, long finished) {
    }

    /** A roadmap's confirmed subscriptions and, per phase of its current version, how many finished it. */
    public record RoadmapFunnel(String roadmapId, String title, long subscriptions, List<PhaseCount> phases) {
    }

    /** Of a cohort's subscriptions old enough to be {@code weeks} weeks past confirming, how many had not ended by then. */
    public record Share(int weeks, long eligible, long retained) {
        /** Percent retained, or null while no subscription of the cohort is that old. */
        public Long percent() {
            return eligible == 0 ? null : Math.round(100.0 * retained / eligible);
        }
    }

    /** Subscriptions confirmed in the ISO week starting {@code week}. */
    public record Cohort(LocalDate week, long size, List<Share> after) {
    }

    /** The 95 % Wilson score interval of {@code successes} out of {@code trials}, as {low, high}; {0, 0} for no trials. */
    static double[] wilson(long successes, long trials) {
        if (trials == 0) {
            return new double[]{0, 0};
        }
        double n = trials;
        double p = successes / n;
        double z2 = Z95 * Z95;
        double centre = (p + z2 / (2 * n)) / (1 + z2 / n);
        double half = Z95 * Math.sqrt(p * (1 - p) / n + z2 / (4 * n * n)) / (1 + z2 / n);
        return new double[]{Math.max(0, centre - half), Math.min(1, centre + half)};
    }

    /**
     * Whether a subscription with these milestones done or skipped finished the phase: every milestone that is not optional,
     * and for each choose-one group, one of its alternatives. A phase without required milestones is never "finished".
     */
    static boolean finished(RoadmapDocument.Phase phase, Set<String> done) {
        List<RoadmapDocument.Milestone> required = phase.milestones() == null ? List.of()
                : phase.milestones().stream().filter(m -> !Boolean.TRUE.equals(m.optional())).toList();
        if (required.isEmpty()) {
            return false;
        }
        boolean singles = required.stream().filter(m -> m.chooseOne() == null).allMatch(m -> done.contains(m.id()));
        Map<String, List<RoadmapDocument.Milestone>> groups = required.stream().filter(m -> m.chooseOne() != null)
                .collect(Collectors.groupingBy(RoadmapDocument.Milestone::chooseOne));
        return singles && groups.values().stream().allMatch(group -> group.stream().anyMatch(m -> done.contains(m.id())));
    }
}
