package dev.stride.roadmap.subscription;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

import java.time.Instant;
import java.util.UUID;

@Entity
@Table(name = "learner")
public class Learner {

    @Id
    public UUID id;

    @Column(nullable = false)
    public String email;

    @Column(name = "display_name", nullable = false)
    public String displayName;

    @Column(nullable = false)
    public String locale;

    @Column(name = "created_at", nullable = false)
    public Instant createdAt;

    /** When the address last refused delivery for good (a hard bounce); null while it never did. */
    @Column(name = "bounced_at")
    public Instant bouncedAt;

    /** The mail server's words for that refusal. */
    @Column(name = "bounce_reason")
    public String bounceReason;

    /** An address the learner asked to use instead, until the link sent to it is followed ({@link LearnerProfile}); else null. */
    @Column(name = "pending_email")
    public String pendingEmail;

    @Column(name = "pending_email_at")
    public Instant pendingEmailAt;

    /** One email per roadmap (true) instead of one weekly digest across all of them (false, the default). */
    @Column(name = "separate_emails", nullable = false)
    public boolean separateEmails;

    /** The learner as every event names them: the one place that builds it from this row. */
    public dev.stride.contracts.event.Learner asEvent() {
        return asEvent(locale);
    }

    /** As {@link #asEvent()}, in {@code locale} (a pending request's language, {@link LearnerProfile#localeOf}). */
    public dev.stride.contracts.event.Learner asEvent(String locale) {
        return new dev.stride.contracts.event.Learner(email, displayName, locale, separateEmails);
    }
}
