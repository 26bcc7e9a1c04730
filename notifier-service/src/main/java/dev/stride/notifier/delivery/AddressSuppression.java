package dev.stride.notifier.delivery;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

import java.time.Instant;
import java.util.UUID;

/**
 * An address that gets no email of any kind, for any subscription: the mail server refused it permanently (a hard bounce,
 * with the address and the reply), or its owner said "this wasn't me" (only the hash is known). Keyed by the address's hash.
 */
@Entity
@Table(name = "address_suppression")
public class AddressSuppression {

    public static final String HARD_BOUNCE = "hard-bounce";
    public static final String NOT_ME = "not-me";

    @Id
    @Column(name = "address_hash")
    public String addressHash;

    public String address;

    @Column(nullable = false)
    public String reason;

    @Column(name = "smtp_code")
    public Integer smtpCode;

    @Column(name = "smtp_reply")
    public String smtpReply;

    @Column(name = "email_id")
    public UUID emailId;

    @Column(name = "suppressed_at", nullable = false)
    public Instant suppressedAt;
}
