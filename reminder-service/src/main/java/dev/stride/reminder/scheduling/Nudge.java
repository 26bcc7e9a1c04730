package dev.stride.reminder.scheduling;

import dev.stride.contracts.trace.TraceContexts;
import jakarta.persistence.Column;
import jakarta.persistence.Embeddable;
import jakarta.persistence.EmbeddedId;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.PrePersist;
import jakarta.persistence.Table;

import java.io.Serializable;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.LocalDate;
import java.util.UUID;

/** The ledger row of one subscription-week: due when, and whether it went out. */
@Entity
@Table(name = "nudge")
public class Nudge {

    /** PARKED: failed for a reason of its own too often; kept with its error for an operator, not retried. */
    public enum Status { PENDING, SENT, EXPIRED, CANCELLED, PARKED }

    @Embeddable
    public record Key(@Column(name = "subscription_id") UUID subscriptionId, @Column(name = "week_start") LocalDate weekStart)
            implements Serializable {
    }

    @EmbeddedId
    public Key key;

    @Column(name = "nudge_id", nullable = false, unique = true)
    public UUID nudgeId;

    @Column(name = "due_at", nullable = false)
    public Instant dueAt;

    @Enumerated(EnumType.STRING)
    public Status status;

    public boolean fortnightly;

    /** The welcome: the start week's nudge, due at once on activation. */
    public boolean welcome;

    @Column(name = "lease_until")
    public Instant leaseUntil;

    @Column(name = "claimed_by")
    public String claimedBy;

    public int attempts;

    @Column(name = "sent_at")
    public Instant sentAt;

    /** The last failure of this row's own (building or publishing it), for an operator reading parked rows. */
    @Column(name = "last_error")
    public String lastError;

    /** Why a row was settled without an email: skipped, snoozed, paused, unsubscribed, retired, completed. */
    @Column(name = "settled_reason")
    public String settledReason;

    /** The W3C traceparent of the span that scheduled this row; its dispatch links back to it. Null when untraced. */
    @Column(name = "trace_parent")
    public String traceParent;

    /**
     * The content strategy chosen for a weekly nudge ({@code NudgeVariant} id), why ({@code NudgeVariant.Reason} name), whether
     * in the holdout, and the learner state it was chosen in (the posterior its outcome updates); null for welcomes,
     * congratulations and rows from before. A row claimed again keeps its choice.
     */
    public String variant;

    @Column(name = "variant_reason")
    public String variantReason;

    public Boolean holdout;

    public String context;

    /** The reward of the outcome applied to the posterior for this nudge; null until then (a second one is not applied). */
    @Column(name = "outcome_reward")
    public Double outcomeReward;

    @PrePersist
    void keepSchedulingTrace() {
        if (traceParent == null) {
            traceParent = TraceContexts.currentTraceParent().orElse(null);
        }
    }

    /** The same (subscription, week) always gives the same id, so a repeat can be recognised downstream. */
    public static UUID idOf(UUID subscriptionId, LocalDate weekStart) {
        return UUID.nameUUIDFromBytes(("nudge:" + subscriptionId + ":" + weekStart).getBytes(StandardCharsets.UTF_8));
    }
}
