package dev.stride.reminder.projection;

import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.stride.contracts.event.EventCodec;
import dev.stride.contracts.event.RoadmapPublished;
import dev.stride.pacing.DateRange;
import dev.stride.pacing.ProgressState;
import dev.stride.pacing.WeeklyPlan;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.sql.Date;
import java.time.LocalDate;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;

/** Reads and writes the projection tables; JSON columns use the events' own JSON. */
@ApplicationScoped
public class Projections {

    private static final ObjectMapper JSON = EventCodec.objectMapper();
    private static final TypeReference<List<RoadmapPublished.Milestone>> MILESTONES = new TypeReference<>() {
    };

    private final EntityManager em;

    public Projections(EntityManager em) {
        this.em = em;
    }

    public Optional<RoadmapProjection> roadmap(String roadmapId) {
        return Optional.ofNullable(em.find(RoadmapProjection.class, roadmapId));
    }

    public Optional<SubscriptionProjection> subscription(UUID subscriptionId) {
        return Optional.ofNullable(em.find(SubscriptionProjection.class, subscriptionId));
    }

    public List<SubscriptionProjection> subscriptionsOf(String roadmapId) {
        return em.createQuery("from SubscriptionProjection where roadmapId = ?1", SubscriptionProjection.class)
                .setParameter(1, roadmapId).getResultList();
    }

    public void persist(Object entity) {
        em.persist(entity);
    }

    public static List<RoadmapPublished.Milestone> milestones(RoadmapProjection roadmap) {
        try {
            return JSON.readValue(roadmap.milestones, MILESTONES);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public static WeeklyPlan plan(SubscriptionProjection subscription) {
        try {
            return JSON.readValue(subscription.plan, WeeklyPlan.class);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public static String json(Object value) {
        try {
            return JSON.writeValueAsString(value);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Applies a milestone's new state unless a newer one is already recorded; true when it changed something. */
    public boolean recordProgress(UUID subscriptionId, String milestoneId, ProgressState state, java.time.Instant at, LocalDate on) {
        int changed = em.createNativeQuery("""
                        INSERT INTO milestone_state (subscription_id, milestone_id, state, at) VALUES (?1, ?2, ?3, ?4)
                        ON CONFLICT (subscription_id, milestone_id) DO UPDATE SET state = excluded.state, at = excluded.at
                        WHERE milestone_state.at < excluded.at""")
                .setParameter(1, subscriptionId).setParameter(2, milestoneId).setParameter(3, state.name()).setParameter(4, at)
                .executeUpdate();
        if (state == ProgressState.DONE || state == ProgressState.IN_PROGRESS) {
            em.createNativeQuery("INSERT INTO progress_day (subscription_id, on_date) VALUES (?1, ?2) ON CONFLICT DO NOTHING")
                    .setParameter(1, subscriptionId).setParameter(2, on).executeUpdate();
        }
        return changed > 0;
    }

    @SuppressWarnings("unchecked")
    public Map<String, ProgressState> progress(UUID subscriptionId) {
        Map<String, ProgressState> states = new LinkedHashMap<>();
        List<Object[]> rows = em.createNativeQuery("SELECT milestone_id, state FROM milestone_state WHERE subscription_id = ?1")
                .setParameter(1, subscriptionId).getResultList();
        rows.forEach(row -> states.put((String) row[0], ProgressState.valueOf((String) row[1])));
        return states;
    }

    @SuppressWarnings("unchecked")
    public List<LocalDate> progressDays(UUID subscriptionId) {
        List<Object> rows = em.createNativeQuery("SELECT on_date FROM progress_day WHERE subscription_id = ?1 ORDER BY on_date")
                .setParameter(1, subscriptionId).getResultList();
        return rows.stream().map(Projections::date).toList();
    }

    public void skipWeek(UUID subscriptionId, LocalDate weekStart) {
        em.createNativeQuery("INSERT INTO skipped_week (subscription_id, week_start) VALUES (?1, ?2) ON CONFLICT DO NOTHING")
                .setParameter(1, subscriptionId).setParameter(2, weekStart).executeUpdate();
    }

    @SuppressWarnings("unchecked")
    public Set<LocalDate> skippedWeeks(UUID subscriptionId) {
        List<Object> rows = em.createNativeQuery("SELECT week_start FROM skipped_week WHERE subscription_id = ?1")
                .setParameter(1, subscriptionId).getResultList();
        return new HashSet<>(rows.stream().map(Projections::date).toList());
    }

    public void addBreak(UUID subscriptionId, String kind, LocalDate startsOn, LocalDate endsBefore) {
        em.createNativeQuery("""
                        INSERT INTO plan_break (subscription_id, kind, starts_on, ends_before) VALUES (?1, ?2, ?3, ?4)
                        ON CONFLICT (subscription_id, kind, starts_on) DO NOTHING""")
                .setParameter(1, subscriptionId).setParameter(2, kind).setParameter(3, startsOn).setParameter(4, endsBefore).executeUpdate();
    }

    /** Closes the pause that was open on {@code on}. */
    public void endPause(UUID subscriptionId, LocalDate on) {
        em.createNativeQuery("""
                        UPDATE plan_break SET ends_before = greatest(?2, starts_on)
                        WHERE subscription_id = ?1 AND kind = 'PAUSE' AND ends_before IS NULL AND starts_on <= ?2""")
                .setParameter(1, subscriptionId).setParameter(2, on).executeUpdate();
    }

    @SuppressWarnings("unchecked")
    public List<DateRange> breaks(UUID subscriptionId) {
        List<Object[]> rows = em.createNativeQuery("SELECT starts_on, ends_before FROM plan_break WHERE subscription_id = ?1 ORDER BY starts_on")
                .setParameter(1, subscriptionId).getResultList();
        // A pause resumed the day it began holds no date at all.
        return rows.stream()
                .filter(row -> row[1] == null || date(row[1]).isAfter(date(row[0])))
                .map(row -> new DateRange(date(row[0]), row[1] == null ? null : date(row[1]))).toList();
    }

    private static LocalDate date(Object value) {
        return value instanceof Date sql ? sql.toLocalDate() : (LocalDate) value;
    }
}
