package dev.stride.roadmap.subscription;

import dev.stride.pacing.NudgeMoment;
import dev.stride.pacing.PaceBaseline;
import dev.stride.pacing.WeeklyPlan;
import jakarta.persistence.CollectionTable;
import jakarta.persistence.Column;
import jakarta.persistence.ElementCollection;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.FetchType;
import jakarta.persistence.Id;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.ManyToOne;
import jakarta.persistence.OrderColumn;
import jakarta.persistence.Table;
import jakarta.persistence.Version;
import org.hibernate.annotations.JdbcTypeCode;
import org.hibernate.type.SqlTypes;

import java.time.DayOfWeek;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.TreeSet;
import java.util.SortedSet;
import java.util.UUID;

/** One learner following one roadmap with a weekly plan in their own zone. */
@Entity
@Table(name = "subscription")
public class Subscription {

    public enum Status {
        PENDING, ACTIVE, PAUSED, UNSUBSCRIBED, EXPIRED;

        public boolean live() {
            return this == PENDING || this == ACTIVE || this == PAUSED;
        }
    }

    @Id
    public UUID id;

    @ManyToOne(fetch = FetchType.EAGER, optional = false)
    @JoinColumn(name = "learner_id")
    public Learner learner;

    @Column(name = "roadmap_id", nullable = false)
    public String roadmapId;

    @Column(name = "roadmap_version", nullable = false)
    public int roadmapVersion;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    public Status status;

    /** False: the learner opted out of measuring what follows their nudges (no engagement recorded, default content). */
    @Column(nullable = false)
    public boolean measured = true;

    @Column(nullable = false)
    public String zone;

    @Column(name = "start_date", nullable = false)
    public LocalDate startDate;

    @Enumerated(EnumType.STRING)
    @Column(name = "nudge_day", nullable = false)
    public DayOfWeek nudgeDay;

    @Column(name = "nudge_time", nullable = false)
    public LocalTime nudgeTime;

    @ElementCollection
    @CollectionTable(name = "study_slot", joinColumns = @JoinColumn(name = "subscription_id"))
    @OrderColumn(name = "position")
    public List<SlotValue> slots = new ArrayList<>();

    @ElementCollection
    @CollectionTable(name = "skipped_week", joinColumns = @JoinColumn(name = "subscription_id"))
    @Column(name = "week_start")
    public SortedSet<LocalDate> skippedWeeks = new TreeSet<>();

    @Column(name = "created_at", nullable = false)
    public Instant createdAt;

    /** The name and language this subscription's request asked for; the learner gets them on confirmation ({@link LearnerProfile}). */
    @Column(name = "requested_name")
    public String requestedName;

    @Column(name = "requested_locale")
    public String requestedLocale;

    @Column(name = "expires_at")
    public Instant expiresAt;

    @Column(name = "confirmed_at")
    public Instant confirmedAt;

    @Column(name = "ended_at")
    public Instant endedAt;

    /** When the open pause began; null unless PAUSED. Retention erases a learner paused too long ({@code stride.retention.paused-learners}). */
    @Column(name = "paused_at")
    public Instant pausedAt;

    /** Calendar feed links issued before this were revoked by the learner; null while the feed was never rotated. */
    @Column(name = "calendar_rotated_at")
    public Instant calendarRotatedAt;

    /** Placement: the phases the learner said they know when subscribing; their milestones are SKIPPED at confirmation. */
    @JdbcTypeCode(SqlTypes.ARRAY)
    @Column(name = "known_phases")
    public String[] knownPhases;

    /** The optional milestones and "choose one of" members the learner chose ({@link Choices}); null: none. */
    @JdbcTypeCode(SqlTypes.ARRAY)
    @Column(name = "choices")
    public String[] choices;

    /** The pace's baseline ({@link PaceBaseline}): both null while the plan counts from the start date. */
    @Column(name = "pace_from")
    public LocalDate paceFrom;

    @Column(name = "pace_expected_minutes")
    public Integer paceExpectedMinutes;

    @Version
    @Column(name = "row_version", nullable = false)
    public long rowVersion;

    /** A request not confirmed in time ends here; retention deletes it later. */
    public void expire(Instant at) {
        status = Status.EXPIRED;
        endedAt = at;
    }

    public ZoneId zoneId() {
        return ZoneId.of(zone);
    }

    public WeeklyPlan plan() {
        return new WeeklyPlan(zoneId(), slots.stream().map(SlotValue::toStudySlot).toList(), new NudgeMoment(nudgeDay, nudgeTime));
    }

    public PaceBaseline baseline() {
        return PaceBaseline.ofNullable(paceFrom, paceExpectedMinutes);
    }

    public void setBaseline(PaceBaseline baseline) {
        paceFrom = baseline == null ? null : baseline.from();
        paceExpectedMinutes = baseline == null ? null : baseline.expectedMinutes();
    }

    /** The learner's choices in the order given; empty when none. */
    public List<String> choices() {
        return choices == null ? List.of() : List.of(choices);
    }

    public void setChoices(List<String> chosen) {
        choices = chosen == null || chosen.isEmpty() ? null : chosen.toArray(String[]::new);
    }

    public void setPlan(WeeklyPlan plan) {
        zone = plan.zone().getId();
        nudgeDay = plan.nudge().day();
        nudgeTime = plan.nudge().time();
        slots.clear();
        plan.slots().forEach(slot -> slots.add(SlotValue.of(slot)));
    }
}
