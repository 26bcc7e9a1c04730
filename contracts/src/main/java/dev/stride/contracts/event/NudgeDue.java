package dev.stride.contracts.event;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.util.List;
import java.util.UUID;

/**
 * Everything one weekly email needs, computed when it is due from the reminder-service's current
 * projection (fresh progress, not the state when it was scheduled). Key: subscription id.
 * {@code nudgeId} is the same for the same (subscription, week) however often it is sent, so the
 * notifier can drop a repeat.
 */
public record NudgeDue(
        UUID nudgeId,
        UUID subscriptionId,
        Kind kind,
        Learner learner,
        String zone,
        String roadmapId,
        String roadmapTitle,
        int weekNumber,
        LocalDate weekStart,
        LocalDate weekEnd,
        Instant dueAt,
        List<PlannedSession> sessions,
        List<Focus> focus,
        Progress progress,
        int aheadMinutes,
        LocalDate projectedFinish,
        int streakWeeks,
        Cadence cadence,
        NudgeLinks links,
        Digest digest,
        Variant variant) implements DomainEvent {

    public NudgeDue(UUID nudgeId, UUID subscriptionId, Kind kind, Learner learner, String zone, String roadmapId, String roadmapTitle,
                    int weekNumber, LocalDate weekStart, LocalDate weekEnd, Instant dueAt, List<PlannedSession> sessions, List<Focus> focus,
                    Progress progress, int aheadMinutes, LocalDate projectedFinish, int streakWeeks, Cadence cadence, NudgeLinks links,
                    Digest digest) {
        this(nudgeId, subscriptionId, kind, learner, zone, roadmapId, roadmapTitle, weekNumber, weekStart, weekEnd, dueAt, sessions, focus,
                progress, aheadMinutes, projectedFinish, streakWeeks, cadence, links, digest, null);
    }

    public NudgeDue(UUID nudgeId, UUID subscriptionId, Kind kind, Learner learner, String zone, String roadmapId, String roadmapTitle,
                    int weekNumber, LocalDate weekStart, LocalDate weekEnd, Instant dueAt, List<PlannedSession> sessions, List<Focus> focus,
                    Progress progress, int aheadMinutes, LocalDate projectedFinish, int streakWeeks, Cadence cadence, NudgeLinks links) {
        this(nudgeId, subscriptionId, kind, learner, zone, roadmapId, roadmapTitle, weekNumber, weekStart, weekEnd, dueAt, sessions, focus,
                progress, aheadMinutes, projectedFinish, streakWeeks, cadence, links, null, null);
    }

    /** The same nudge as a part of a digest, or as an email of its own when {@code part} is null. */
    public NudgeDue withDigest(Digest part) {
        return new NudgeDue(nudgeId, subscriptionId, kind, learner, zone, roadmapId, roadmapTitle, weekNumber, weekStart, weekEnd, dueAt,
                sessions, focus, progress, aheadMinutes, projectedFinish, streakWeeks, cadence, links, part, variant);
    }

    /** The same nudge with the content strategy chosen for it. */
    public NudgeDue withVariant(Variant chosen) {
        return new NudgeDue(nudgeId, subscriptionId, kind, learner, zone, roadmapId, roadmapTitle, weekNumber, weekStart, weekEnd, dueAt,
                sessions, focus, progress, aheadMinutes, projectedFinish, streakWeeks, cadence, links, digest, chosen);
    }

    /**
     * Which content strategy this email uses ({@link dev.stride.contracts.learning.NudgeVariant#id()}), and why it was
     * chosen: {@code reason} is one of {@link dev.stride.contracts.learning.NudgeVariant.Reason}'s names. {@code holdout}:
     * the learner is in the random holdout that always gets the default, to measure the lift. Null: the default content
     * (learning off, or a nudge from before variants); render it as {@code NEXT_STEP}.
     */
    public record Variant(String id, String reason, boolean holdout) {
    }

    /**
     * This nudge is one part of a learner's weekly digest: {@code key} is the same for every part of the same learner's week
     * (derived from the address and the week, never the address itself), {@code parts} how many nudges the digest holds as the
     * reminder saw it when it published this one. The notifier sends one email once all parts are in (or a hold time ran out).
     * Null: an email of its own (separate emails chosen, a welcome, a congratulation, or a nudge from before digests).
     */
    public record Digest(UUID key, int parts) {

        /**
         * The id of the one email the digest goes out in (what Delivered and DeliveryFailed report as {@code emailId}):
         * derived from the key, so a digest is one email whoever queues it, and a reader of delivery events finds its parts.
         */
        public UUID emailId() {
            return UUID.nameUUIDFromBytes(("stride-digest:" + key).getBytes(java.nio.charset.StandardCharsets.UTF_8));
        }
    }

    /**
     * A weekly nudge; the welcome (the start week's nudge, sent at once on activation: the same content with a welcome);
     * or the last one, congratulating on finishing the roadmap.
     */
    public enum Kind { WEEKLY, COMPLETED, WELCOME }

    /**
     * Weekly, or every other week after several nudges without progress ({@code idleNudges} of them);
     * back to weekly as soon as progress arrives.
     */
    public record Cadence(boolean fortnightly, int idleNudges) {
    }

    /** One study session this week, in the learner's local date and time, and the milestone work laid into it. */
    public record PlannedSession(LocalDate date, LocalTime start, int minutes, List<Work> work) {
    }

    public record Work(String milestoneId, String milestoneTitle, int minutes) {
    }

    /**
     * A milestone worked on this week: what finishes it, where to learn (resources with or without a URL), its signed
     * "mark done" link, and a project recipe's steps ({@code steps}: null in nudges from before it was added).
     */
    public record Focus(String milestoneId, String title, String doneWhen, List<RoadmapPublished.Resource> resources,
                        int minutesThisWeek, int minutesLeft, String markDoneUrl, List<String> steps) {
    }

    public record Progress(int doneMilestones, int totalMilestones, BigDecimal doneHours, BigDecimal totalHours, int percent) {
    }

    /** Signed links for the email's buttons; {@code unsubscribe} takes the RFC 8058 one-click POST. */
    /** {@code replan} ("re-plan from today") only while the learner is behind, else null (and in nudges written before it). */
    public record NudgeLinks(String skipWeek, String snooze, String pause, String manage, String unsubscribe, String calendar, String replan) {
    }
}
