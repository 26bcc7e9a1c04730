package dev.stride.roadmap.catalog;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

import java.time.Instant;

/** A roadmap document being authored, stored as written (valid or not) until it is published or deleted. */
@Entity
@Table(name = "roadmap_draft")
public class RoadmapDraft {

    @Id
    @Column(name = "roadmap_id")
    public String roadmapId;

    @Column(nullable = false)
    public String document;

    @Column(name = "saved_at", nullable = false)
    public Instant savedAt;

    @Column(name = "saved_by", nullable = false)
    public String savedBy;
}
