package dev.stride.notifier.delivery;

import dev.stride.contracts.event.EmailKind;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

import java.time.Instant;
import java.util.UUID;

/** One email in the delivery ledger: what to render, to whom, and how sending it went. */
@Entity
@Table(name = "email_delivery")
public class EmailDelivery {

    @Id
    @Column(name = "email_id")
    public UUID emailId;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    public EmailKind kind;

    @Column(name = "subscription_id", nullable = false)
    public UUID subscriptionId;

    @Column(nullable = false)
    public String recipient;

    @Column(name = "event_type", nullable = false)
    public String eventType;

    @Column(nullable = false)
    public String payload;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    public DeliveryState state;

    public int attempts;

    @Column(name = "next_attempt_at", nullable = false)
    public Instant nextAttemptAt;

    @Column(name = "last_error")
    public String lastError;

    /** The W3C traceparent of the span that queued this email; the SMTP span is its child. Null when untraced. */
    @Column(name = "trace_parent")
    public String traceParent;

    @Column(name = "smtp_code")
    public Integer smtpCode;

    @Column(name = "permanent_failure")
    public boolean permanentFailure;

    @Column(name = "message_id")
    public String messageId;

    @Column(name = "created_at", nullable = false)
    public Instant createdAt;

    @Column(name = "updated_at", nullable = false)
    public Instant updatedAt;

    @Column(name = "finished_at")
    public Instant finishedAt;

    @Column(name = "outcome_event_id")
    public UUID outcomeEventId;

    @Column(name = "outcome_published_at")
    public Instant outcomePublishedAt;

    /** SUPPRESSED only: {@code unsubscribed} or {@code hard-bounce}. */
    @Column(name = "suppression_reason")
    public String suppressionReason;

    /** RETRYING because the mail server could not be reached: due at once when it answers again. */
    @Column(name = "outage_backoff")
    public boolean outageBackoff;

    /** An operator's resend: the email this one sends again (V10); null for an email sent the first time. */
    @Column(name = "resend_of")
    public UUID resendOf;
}
