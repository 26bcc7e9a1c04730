package dev.stride.bench.dispatch;

import dev.stride.contracts.event.RoadmapPublished;
import dev.stride.pacing.NudgeMoment;
import dev.stride.pacing.StudySlot;
import dev.stride.pacing.WeeklyPlan;
import dev.stride.contracts.event.EventCodec;

import java.math.BigDecimal;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.DayOfWeek;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.util.List;
import java.util.stream.IntStream;

/**
 * N learners as reminder-service's own tables hold them once their events were applied: one roadmap the size of the
 * bundled 12-month one, and per learner a subscription with a three-session weekly plan, a few milestones done,
 * days with progress, and this week's ledger row due now. Written with set-based SQL, outside the clock.
 */
public final class StrideFixture {

    public static final String ROADMAP_ID = "bench-ai-ml-engineer";
    /** Three sessions a week, 5.5 h, in a zone with DST; nudges on Monday 07:30. */
    public static final WeeklyPlan PLAN = new WeeklyPlan(ZoneId.of("Europe/Berlin"), List.of(
            new StudySlot(DayOfWeek.TUESDAY, LocalTime.of(18, 30), 90),
            new StudySlot(DayOfWeek.THURSDAY, LocalTime.of(18, 30), 90),
            new StudySlot(DayOfWeek.SATURDAY, LocalTime.of(9, 0), 150)), NudgeMoment.DEFAULT);

    private StrideFixture() {
    }

    /** A roadmap of 40 milestones with titles, "done when" and two resources each, like the bundled ones. */
    public static RoadmapPublished roadmap() {
        List<RoadmapPublished.Milestone> milestones = IntStream.rangeClosed(1, 40).mapToObj(i -> new RoadmapPublished.Milestone(
                "m" + i, "Milestone " + i + ": a concrete study goal of the AI/ML path", "What to learn and build in step " + i,
                "phase-" + (i / 8 + 1), "Phase " + (i / 8 + 1), "learn", BigDecimal.valueOf(6 + i % 5),
                "You can explain and apply step " + i + " on a small data set of your own", List.of(),
                List.of(new RoadmapPublished.Resource("Course chapter " + i, "https://example.org/course/" + i),
                        new RoadmapPublished.Resource("Reading " + i, "https://example.org/reading/" + i)))).toList();
        return new RoadmapPublished(ROADMAP_ID, 1, "AI/ML engineer (benchmark)", "Benchmark roadmap", 12, 10, 12, milestones);
    }

    /** Writes the roadmap and {@code n} learners whose nudge for the week of {@code week} is due at {@code due}. */
    public static void seed(Connection db, int n, LocalDate week, Instant due) throws SQLException {
        db.setAutoCommit(false);
        try (PreparedStatement roadmap = db.prepareStatement("""
                INSERT INTO reminder.roadmap_projection (roadmap_id, version, title, retired, milestones, updated_at)
                VALUES (?, 1, ?, false, ?, now())""")) {
            RoadmapPublished published = roadmap();
            roadmap.setString(1, ROADMAP_ID);
            roadmap.setString(2, published.title());
            roadmap.setString(3, json(published.milestones()));
            roadmap.executeUpdate();
        }
        try (PreparedStatement subscriptions = db.prepareStatement("""
                INSERT INTO reminder.subscription_projection (subscription_id, email, display_name, locale, roadmap_id, status, status_at,
                                                              plan, plan_at, start_date, last_progress_at)
                SELECT gen_random_uuid(), 'learner-' || g || '@bench.example.org', 'Learner ' || g, 'en', ?, 'ACTIVE', now(), ?, now(), ?, now()
                FROM generate_series(1, ?) AS g""")) {
            subscriptions.setString(1, ROADMAP_ID);
            subscriptions.setString(2, json(PLAN));
            subscriptions.setObject(3, week.minusWeeks(3));
            subscriptions.setInt(4, n);
            subscriptions.executeUpdate();
        }
        try (PreparedStatement progress = db.prepareStatement("""
                INSERT INTO reminder.milestone_state (subscription_id, milestone_id, state, at)
                SELECT subscription_id, 'm' || k, CASE WHEN k < 4 THEN 'DONE' ELSE 'IN_PROGRESS' END, now()
                FROM reminder.subscription_projection, generate_series(1, 4) AS k""");
             PreparedStatement days = db.prepareStatement("""
                INSERT INTO reminder.progress_day (subscription_id, on_date)
                SELECT subscription_id, ?::date + d FROM reminder.subscription_projection, generate_series(0, 2) AS d""");
             PreparedStatement nudges = db.prepareStatement("""
                INSERT INTO reminder.nudge (subscription_id, week_start, nudge_id, due_at, status)
                SELECT subscription_id, ?, gen_random_uuid(), ?, 'PENDING' FROM reminder.subscription_projection""")) {
            progress.executeUpdate();
            days.setObject(1, week.minusWeeks(1));
            days.executeUpdate();
            nudges.setObject(1, week);
            nudges.setTimestamp(2, Timestamp.from(due));
            nudges.executeUpdate();
        }
        db.commit();
        db.setAutoCommit(true);
        if (!Boolean.parseBoolean(System.getProperty("analyze", "true"))) {
            return;
        }
        try (PreparedStatement analyze = db.prepareStatement(
                "ANALYZE reminder.subscription_projection, reminder.nudge, reminder.milestone_state, reminder.progress_day")) {
            // Statistics as autovacuum keeps them on a live system, where a Monday's rows were written during the week before.
            // Without them the planner guesses on tables it has never seen: the digest's sibling queries then walk every
            // pending row (300 ms instead of 9 ms per batch), until autovacuum's first pass, whose moment decides the figure.
            analyze.execute();
        }
    }

    private static String json(Object value) {
        try {
            return EventCodec.objectMapper().writeValueAsString(value);
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }
}
