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
}
