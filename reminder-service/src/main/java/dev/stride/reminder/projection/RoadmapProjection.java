package dev.stride.reminder.projection;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

import java.time.Instant;

/**
 * The latest published version of a roadmap: its ordered milestones, its habits and its weekly mix as RoadmapPublished's JSON
 * (habits and mix null when the event had none), and its translations (language -> key -> text; null: none).
 */
@Entity
@Table(name = "roadmap_projection")
public class RoadmapProjection {

    @Id
    @Column(name = "roadmap_id")
    public String roadmapId;

    public int version;

    public String title;

    public boolean retired;

    public String milestones;

    public String habits;

    @Column(name = "weekly_mix")
    public String weeklyMix;

    public String translations;

    @Column(name = "updated_at")
    public Instant updatedAt;
}
