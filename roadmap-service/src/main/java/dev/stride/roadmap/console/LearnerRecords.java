package dev.stride.roadmap.console;

import dev.stride.roadmap.subscription.Learner;
import dev.stride.roadmap.subscription.Suppressions;
import jakarta.enterprise.context.ApplicationScoped;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

/**
 * What support sees of one learner (one address): their subscriptions with plan and progress, each subscription's
 * nudges ({@code nudge_log}) and email deliveries ({@code delivery_log}), and their recent engagement. Read-only.
 */
@ApplicationScoped
public class LearnerRecords {

    /** How many nudges, deliveries and engagements a page shows, newest first. */
    static final int RECENT = 20;

    public record Record(UUID learnerId, String name, String locale, String address, Suppressions.Suppression suppression,
                         Instant bouncedAt, String bounceReason, List<SubscriptionRow> subscriptions, List<EngagementRow> engagement) {
        public boolean suppressed() {
            return suppression != null;
        }
    }

    /** {@code resendable}: the latest sent nudge, which the console may send again; null if none was sent. */
    public record SubscriptionRow(UUID id, String roadmapId, int roadmapVersion, String status, String plan, int milestonesDone,
                                  int minutesLogged, boolean measured, List<NudgeRow> nudges, List<DeliveryRow> deliveries, UUID resendable) {
    }

    public record NudgeRow(UUID nudgeId, String kind, LocalDate week, Instant due, String variant, String reason, boolean holdout,
                           Instant sent, Instant closed, Integer milestonesDone, Integer minutesLogged, Double reward) {
    }

    public record DeliveryRow(UUID emailId, String kind, String outcome, String reason, boolean permanent, int attempts, Instant at) {
    }

    public record EngagementRow(UUID subscriptionId, String action, Instant at, UUID nudgeId, String detail) {
    }

    private final Rows rows;
    private final Suppressions suppressions;

    public LearnerRecords(Rows rows, Suppressions suppressions) {
        this.rows = rows;
        this.suppressions = suppressions;
    }

    public Record of(Learner learner) {
        List<SubscriptionRow> subscriptions = rows.list("""
                        SELECT s.id, s.roadmap_id, s.roadmap_version, s.status, s.nudge_day, s.nudge_time, s.zone, s.measured,
                               (SELECT count(*) FROM study_slot t WHERE t.subscription_id = s.id) AS slots,
                               (SELECT coalesce(sum(t.minutes), 0) FROM study_slot t WHERE t.subscription_id = s.id) AS slot_minutes,
                               (SELECT count(*) FROM milestone_progress p WHERE p.subscription_id = s.id AND p.state = 'DONE') AS done,
                               (SELECT coalesce(sum(p.logged_minutes), 0) FROM milestone_progress p WHERE p.subscription_id = s.id) AS logged
                        FROM subscription s WHERE s.learner_id = ? ORDER BY s.created_at DESC""",
                row -> new SubscriptionRow(Rows.uuid(row, "id"), row.getString("roadmap_id"), row.getInt("roadmap_version"),
                        row.getString("status"), row.getString("nudge_day") + " " + row.getString("nudge_time").substring(0, 5) + " "
                        + row.getString("zone") + "; " + row.getInt("slots") + " slot(s), " + row.getInt("slot_minutes") + " min a week",
                        row.getInt("done"), row.getInt("logged"), row.getBoolean("measured"), List.of(), List.of(), null), learner.id)
                .stream().map(this::withLogs).toList();
        List<EngagementRow> engagement = rows.list("""
                        SELECT e.subscription_id, e.action, e.at, e.nudge_id, e.detail FROM engagement e
                        JOIN subscription s ON s.id = e.subscription_id WHERE s.learner_id = ? ORDER BY e.at DESC, e.id DESC LIMIT ?""",
                row -> new EngagementRow(Rows.uuid(row, "subscription_id"), row.getString("action"), Rows.instant(row, "at"),
                        Rows.uuid(row, "nudge_id"), row.getString("detail")), learner.id, RECENT);
        return new Record(learner.id, learner.displayName, learner.locale, learner.email, suppressions.of(learner.email).orElse(null),
                learner.bouncedAt, learner.bounceReason, subscriptions, engagement);
    }

    /**
     * The email the subscription's latest sent nudge went out in, if any: the one "resend this week's email" sends again
     * (the nudge's own id, or the weekly digest's email id when the nudge was a part of one).
     */
    public java.util.Optional<UUID> latestSentEmail(UUID subscriptionId) {
        return rows.list("SELECT email_id FROM nudge_log WHERE subscription_id = ? AND sent_at IS NOT NULL ORDER BY due_at DESC LIMIT 1",
                row -> Rows.uuid(row, "email_id"), subscriptionId).stream().findFirst();
    }

    private SubscriptionRow withLogs(SubscriptionRow row) {
        List<NudgeRow> nudges = nudges(row.id());
        UUID resendable = nudges.stream().filter(nudge -> nudge.sent() != null).findFirst().map(NudgeRow::nudgeId).orElse(null);
        return new SubscriptionRow(row.id(), row.roadmapId(), row.roadmapVersion(), row.status(), row.plan(), row.milestonesDone(),
                row.minutesLogged(), row.measured(), nudges, deliveries(row.id()), resendable);
    }

    private List<NudgeRow> nudges(UUID subscriptionId) {
        return rows.list("""
                        SELECT nudge_id, kind, week_start, due_at, variant, variant_reason, holdout, sent_at, outcome_closed_at,
                               milestones_done, minutes_logged, reward
                        FROM nudge_log WHERE subscription_id = ? ORDER BY due_at DESC LIMIT ?""",
                row -> new NudgeRow(Rows.uuid(row, "nudge_id"), row.getString("kind"), Rows.date(row, "week_start"), Rows.instant(row, "due_at"),
                        row.getString("variant"), row.getString("variant_reason"), row.getBoolean("holdout"), Rows.instant(row, "sent_at"),
                        Rows.instant(row, "outcome_closed_at"), Rows.integer(row, "milestones_done"), Rows.integer(row, "minutes_logged"),
                        Rows.decimal(row, "reward")), subscriptionId, RECENT);
    }

    private List<DeliveryRow> deliveries(UUID subscriptionId) {
        return rows.list("""
                        SELECT email_id, kind, outcome, reason, permanent, attempts, at FROM delivery_log
                        WHERE subscription_id = ? OR email_id IN (SELECT email_id FROM nudge_log WHERE subscription_id = ?)
                        ORDER BY at DESC LIMIT ?""",
                row -> new DeliveryRow(Rows.uuid(row, "email_id"), row.getString("kind"), row.getString("outcome"), row.getString("reason"),
                        row.getBoolean("permanent"), row.getInt("attempts"), Rows.instant(row, "at")), subscriptionId, subscriptionId, RECENT);
    }
}
