package dev.stride.reminder.projection;

import dev.stride.pacing.PaceBaseline;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import jakarta.persistence.Version;

import java.time.Instant;
import java.time.LocalDate;
import java.util.UUID;

/** An active (or paused, or ended) subscription as the reminder-service needs it. */
@Entity
@Table(name = "subscription_projection")
public class SubscriptionProjection {

    public enum Status { ACTIVE, PAUSED, UNSUBSCRIBED }

    @Id
    @Column(name = "subscription_id")
    public UUID subscriptionId;

    public String email;

    @Column(name = "display_name")
    public String displayName;

    public String locale;

    /** The learner chose one email per roadmap; false (the default): the week's nudges of all their roadmaps form one digest. */
    @Column(name = "separate_emails")
    public boolean separateEmails;

    @Column(name = "roadmap_id")
    public String roadmapId;

    @Enumerated(EnumType.STRING)
    public Status status;

    /** When the status last changed (event time): an older status event is ignored. */
    @Column(name = "status_at")
    public Instant statusAt;

    /** The weekly plan as JSON (the pacing WeeklyPlan). */
    public String plan;

    @Column(name = "plan_at")
    public Instant planAt;

    /** The optional milestones and "choose one of" members the learner chose, as a JSON list; null: none. */
    public String choices;

    @Column(name = "start_date")
    public LocalDate startDate;

    /** Nudges sent in a row without progress in between: drives the fortnightly back-off. */
    @Column(name = "idle_nudges")
    public int idleNudges;

    @Column(name = "last_progress_at")
    public Instant lastProgressAt;

    @Column(name = "last_nudge_at")
    public Instant lastNudgeAt;

    /** Where the pace counts from ({@link PaceBaseline}); both null while it counts from the start date. */
    @Column(name = "pace_from")
    public LocalDate paceFrom;

    @Column(name = "pace_expected_minutes")
    public Integer paceExpectedMinutes;

    /** The learner lets what follows their nudges be measured (manage page, MeasurementChanged); false: default content only. */
    public boolean measured = true;

    /** When {@link #measured} was last set (event time): an older MeasurementChanged is ignored. */
    @Column(name = "measured_at")
    public Instant measuredAt;

    /** The congratulation went out; nothing more is scheduled. */
    public boolean completed;

    /**
     * Optimistic lock: the event applier writes this row through the entity, the dispatcher in SQL (raising it too), in
     * separate transactions; the later writer of a stale row fails and its consumer retries, so neither overwrites the other.
     */
    @Version
    public long version;

    public PaceBaseline baseline() {
        return PaceBaseline.ofNullable(paceFrom, paceExpectedMinutes);
    }

    public void setBaseline(PaceBaseline baseline) {
        paceFrom = baseline == null ? null : baseline.from();
        paceExpectedMinutes = baseline == null ? null : baseline.expectedMinutes();
    }
}
