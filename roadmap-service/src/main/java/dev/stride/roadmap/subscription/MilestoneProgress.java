package dev.stride.roadmap.subscription;

import dev.stride.pacing.ProgressState;
import jakarta.persistence.Column;
import jakarta.persistence.Embeddable;
import jakarta.persistence.EmbeddedId;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Table;

import java.io.Serializable;
import java.time.Instant;
import java.time.LocalDate;
import java.util.UUID;

/** Where a learner stands on one milestone, by its stable id (so it survives roadmap revisions that keep the id). */
@Entity
@Table(name = "milestone_progress")
public class MilestoneProgress {

    @Embeddable
    public record Key(@Column(name = "subscription_id") UUID subscriptionId, @Column(name = "milestone_id") String milestoneId)
            implements Serializable {
    }

    @EmbeddedId
    public Key key;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    public ProgressState state;

    @Column(name = "updated_at", nullable = false)
    public Instant updatedAt;

    @Column(name = "updated_on", nullable = false)
    public LocalDate updatedOn;

    /** Minutes the learner logged against the milestone, in total. */
    @Column(name = "logged_minutes", nullable = false)
    public int loggedMinutes;
}
