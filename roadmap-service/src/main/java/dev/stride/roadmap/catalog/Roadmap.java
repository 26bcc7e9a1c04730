package dev.stride.roadmap.catalog;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

import java.time.Instant;

@Entity
@Table(name = "roadmap")
public class Roadmap {

    /** {@code DRAFT} is never stored here: it marks a draft shown through the roadmap page (the admin's preview). */
    public enum Status { PUBLISHED, RETIRED, DRAFT }

    @Id
    public String id;

    @Column(name = "current_version", nullable = false)
    public int currentVersion;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    public Status status;

    public boolean bundled;

    @Column(name = "created_at", nullable = false)
    public Instant createdAt;

    @Column(name = "updated_at", nullable = false)
    public Instant updatedAt;

    @Column(name = "retired_at")
    public Instant retiredAt;
}
