package dev.stride.notifier.mail;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

import java.time.Instant;
import java.util.UUID;

/** A calendar event UID as last sent: its content hash and SEQUENCE. */
@Entity
@Table(name = "calendar_event")
public class CalendarEvent {

    @Id
    public String uid;

    @Column(name = "subscription_id", nullable = false)
    public UUID subscriptionId;

    @Column(name = "content_hash", nullable = false)
    public String contentHash;

    public int sequence;

    @Column(name = "updated_at", nullable = false)
    public Instant updatedAt;
}
