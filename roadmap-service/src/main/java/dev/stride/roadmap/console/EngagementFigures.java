package dev.stride.roadmap.console;

import dev.stride.contracts.learning.NudgeVariant;
import dev.stride.roadmap.catalog.CatalogService;
import dev.stride.roadmap.catalog.PublishedRoadmap;
import dev.stride.roadmap.catalog.RoadmapDocument;
import jakarta.enterprise.context.ApplicationScoped;

import java.sql.Array;
import java.time.Clock;
import java.time.DayOfWeek;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.temporal.TemporalAdjusters;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * The engagement dashboard's figures, all SQL in one place; weeks are ISO weeks (Monday to Sunday) in UTC, "now" is the
 * injected clock. See {@link EngagementDashboard} for what each figure means and the arithmetic behind it.
 */
@ApplicationScoped
public class EngagementFigures {

    /** How many ISO weeks the activity and retention figures look back over, the current week included. */
    static final int WEEKS = 8;
    static final List<Integer> RETENTION_AFTER_WEEKS = List.of(1, 2, 4, 8);

    public record Figures(Instant at, List<EngagementDashboard.WeekCount> activeLearners, List<EngagementDashboard.VariantRate> variants,
                          List<EngagementDashboard.RoadmapFunnel> funnels, List<EngagementDashboard.Cohort> cohorts) {
    }

    private final Rows rows;
    private final CatalogService catalog;
    private final Clock clock;

    public EngagementFigures(Rows rows, CatalogService catalog, Clock clock) {
        this.rows = rows;
        this.catalog = catalog;
        this.clock = clock;
    }

    public Figures now() {
        Instant now = clock.instant();
        LocalDate thisWeek = LocalDate.ofInstant(now, ZoneOffset.UTC).with(TemporalAdjusters.previousOrSame(DayOfWeek.MONDAY));
        LocalDate first = thisWeek.minusWeeks(WEEKS - 1);
        return new Figures(now, activeLearners(first, now), variants(), funnels(), cohorts(first, now));
    }

    /** Distinct subscriptions with an engagement or a progress change (a milestone's state or logged time) per week. */
    public List<EngagementDashboard.WeekCount> activeLearners(LocalDate first, Instant now) {
        Instant from = first.atStartOfDay(ZoneOffset.UTC).toInstant();
        Map<LocalDate, Long> counts = rows.list("""
                        SELECT (date_trunc('week', a.at AT TIME ZONE 'UTC'))::date AS week, count(DISTINCT a.subscription_id) AS learners
                        FROM (SELECT subscription_id, at FROM engagement WHERE at >= ? AND at <= ?
                              UNION ALL
                              SELECT subscription_id, updated_at FROM milestone_progress
                              WHERE updated_at >= ? AND updated_at <= ? AND (state <> 'TODO' OR logged_minutes > 0)) a
                        GROUP BY 1""",
                row -> Map.entry(Rows.date(row, "week"), row.getLong("learners")), from, now, from, now)
                .stream().collect(Collectors.toMap(Map.Entry::getKey, Map.Entry::getValue));
        List<EngagementDashboard.WeekCount> weeks = new ArrayList<>();
        for (int i = 0; i < WEEKS; i++) {
            LocalDate week = first.plusWeeks(i);
            weeks.add(new EngagementDashboard.WeekCount(week, counts.getOrDefault(week, 0L)));
        }
        return weeks;
    }

    /** Nudges whose 7-day outcome is closed, per variant (none recorded: the default) and holdout. */
    public List<EngagementDashboard.VariantRate> variants() {
        return rows.list("""
                        SELECT coalesce(variant, ?) AS variant, holdout, count(*) AS nudges, coalesce(avg(reward), 0) AS mean_reward,
                               count(*) FILTER (WHERE coalesce(milestones_done, 0) > 0 OR coalesce(minutes_logged, 0) > 0) AS progressed
                        FROM nudge_log WHERE outcome_closed_at IS NOT NULL
                        GROUP BY 1, 2 ORDER BY 1, 2""",
                row -> EngagementDashboard.VariantRate.of(row.getString("variant"), row.getBoolean("holdout"), row.getLong("nudges"),
                        row.getDouble("mean_reward"), row.getLong("progressed")), NudgeVariant.NEXT_STEP.id());
    }

    /** Per published roadmap: its confirmed subscriptions, and how many finished each phase of its current version. */
    public List<EngagementDashboard.RoadmapFunnel> funnels() {
        Map<String, List<Set<String>>> finishedBySubscription = new HashMap<>();
        rows.list("""
                        SELECT s.roadmap_id, array_remove(array_agg(p.milestone_id), NULL) AS finished
                        FROM subscription s LEFT JOIN milestone_progress p ON p.subscription_id = s.id AND p.state IN ('DONE', 'SKIPPED')
                        WHERE s.confirmed_at IS NOT NULL GROUP BY s.roadmap_id, s.id""",
                row -> Map.entry(row.getString("roadmap_id"), strings(row.getArray("finished"))))
                .forEach(entry -> finishedBySubscription.computeIfAbsent(entry.getKey(), id -> new ArrayList<>()).add(entry.getValue()));
        List<EngagementDashboard.RoadmapFunnel> funnels = new ArrayList<>();
        for (PublishedRoadmap roadmap : catalog.published()) {
            List<Set<String>> subscriptions = finishedBySubscription.getOrDefault(roadmap.id(), List.of());
            List<EngagementDashboard.PhaseCount> phases = new ArrayList<>();
            for (RoadmapDocument.Phase phase : Objects.requireNonNullElse(roadmap.document().phases(), List.<RoadmapDocument.Phase>of())) {
                long finished = subscriptions.stream().filter(done -> EngagementDashboard.finished(phase, done)).count();
                phases.add(new EngagementDashboard.PhaseCount(phase.id(), phase.title(), finished));
            }
            funnels.add(new EngagementDashboard.RoadmapFunnel(roadmap.id(), roadmap.document().title(), subscriptions.size(), phases));
        }
        return funnels;
    }

    /** Subscriptions by the ISO week they were confirmed in; per horizon, of those old enough, how many had not ended by then. */
    public List<EngagementDashboard.Cohort> cohorts(LocalDate first, Instant now) {
        StringBuilder columns = new StringBuilder();
        for (int weeks : RETENTION_AFTER_WEEKS) {
            String after = "confirmed_at + interval '" + weeks + " weeks'";
            columns.append(", count(*) FILTER (WHERE ").append(after).append(" <= ?) AS eligible").append(weeks)
                    .append(", count(*) FILTER (WHERE ").append(after).append(" <= ? AND (ended_at IS NULL OR ended_at > ").append(after)
                    .append(")) AS retained").append(weeks);
        }
        Object[] parameters = new Object[RETENTION_AFTER_WEEKS.size() * 2 + 2];
        Arrays.fill(parameters, now);
        parameters[parameters.length - 2] = first.atStartOfDay(ZoneOffset.UTC).toInstant();
        return rows.list("SELECT (date_trunc('week', confirmed_at AT TIME ZONE 'UTC'))::date AS cohort, count(*) AS size" + columns
                        + " FROM subscription WHERE confirmed_at >= ? AND confirmed_at <= ? GROUP BY 1 ORDER BY 1",
                row -> {
                    List<EngagementDashboard.Share> after = new ArrayList<>();
                    for (int weeks : RETENTION_AFTER_WEEKS) {
                        after.add(new EngagementDashboard.Share(weeks, row.getLong("eligible" + weeks), row.getLong("retained" + weeks)));
                    }
                    return new EngagementDashboard.Cohort(Rows.date(row, "cohort"), row.getLong("size"), after);
                }, parameters);
    }

    private static Set<String> strings(Array array) throws java.sql.SQLException {
        return array == null ? Set.of() : new java.util.HashSet<>(Arrays.asList((String[]) array.getArray()));
    }
}
