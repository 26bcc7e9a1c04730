package dev.stride.roadmap.catalog;

import jakarta.persistence.Column;
import jakarta.persistence.Embeddable;
import jakarta.persistence.EmbeddedId;
import jakarta.persistence.Entity;
import jakarta.persistence.Table;

import java.io.Serializable;
import java.time.Instant;

/** One published version: the authored document as JSON, never changed after publishing. */
@Entity
@Table(name = "roadmap_version")
public class RoadmapVersion {

    @Embeddable
    public record Key(@Column(name = "roadmap_id") String roadmapId, @Column(name = "version") int version) implements Serializable {
    }

    @EmbeddedId
    public Key key;

    @Column(nullable = false)
    public String document;

    @Column(name = "content_hash", nullable = false)
    public String contentHash;

    @Column(name = "published_at", nullable = false)
    public Instant publishedAt;
}
