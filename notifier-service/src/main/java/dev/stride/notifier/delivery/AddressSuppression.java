package dev.stride.notifier.delivery;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

import java.time.Instant;
import java.util.UUID;

/** An address the mail server refused permanently (a hard bounce): no email goes to it again, for any subscription. */
@Entity
@Table(name = "address_suppression")
public class AddressSuppression {

    public static final String HARD_BOUNCE = "hard-bounce";

    @Id
    public String address;

    @Column(nullable = false)
    public String reason;

    @Column(name = "smtp_code")
    public Integer smtpCode;

    @Column(name = "smtp_reply", nullable = false)
    public String smtpReply;

    @Column(name = "email_id", nullable = false)
    public UUID emailId;

    @Column(name = "suppressed_at", nullable = false)
    public Instant suppressedAt;
}
