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
import org.hibernate.jpa.HibernateHints;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.sql.Date;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.function.Function;
import java.util.stream.Collectors;

/** Reads and writes the projection tables; JSON columns use the events' own JSON. */
@ApplicationScoped
public class Projections {

    private static final ObjectMapper JSON = EventCodec.objectMapper();
    private static final TypeReference<List<RoadmapPublished.Milestone>> MILESTONES = new TypeReference<>() {
    };
    private static final TypeReference<List<RoadmapPublished.Habit>> HABITS = new TypeReference<>() {
    };
    private static final TypeReference<Map<String, Integer>> MIX = new TypeReference<>() {
    };
    private static final TypeReference<Map<String, Map<String, String>>> TRANSLATIONS = new TypeReference<>() {
    };
    private static final TypeReference<List<String>> IDS = new TypeReference<>() {
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
        return read(roadmap.milestones, MILESTONES);
    }

    /** The roadmap's habits; null when its event had none. */
    public static List<RoadmapPublished.Habit> habits(RoadmapProjection roadmap) {
        return roadmap.habits == null ? null : read(roadmap.habits, HABITS);
    }

    /** The roadmap's weekly mix; null when its event had none (strictly in order). */
    public static Map<String, Integer> weeklyMix(RoadmapProjection roadmap) {
        return roadmap.weeklyMix == null ? null : read(roadmap.weeklyMix, MIX);
    }

    /** The roadmap's translations (language -> key -> text); null when its event had none (the authored texts). */
    public static Map<String, Map<String, String>> translations(RoadmapProjection roadmap) {
        return roadmap.translations == null ? null : read(roadmap.translations, TRANSLATIONS);
    }

    /** The learner's choices; empty when none. */
    public static List<String> choices(SubscriptionProjection subscription) {
        return subscription.choices == null ? List.of() : read(subscription.choices, IDS);
    }

    /** Stores the learner's choices; null leaves them as they are (an event from before learners could choose). */
    public static void setChoices(SubscriptionProjection subscription, List<String> choices) {
        if (choices != null) {
            subscription.choices = choices.isEmpty() ? null : json(choices);
        }
    }

    private static <T> T read(String json, TypeReference<T> type) {
        try {
            return JSON.readValue(json, type);
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

    /**
     * Applies a milestone's new state (and the total minutes logged against it, when the event says) unless a newer one is
     * already recorded; true when it changed something.
     */
    public boolean recordProgress(UUID subscriptionId, String milestoneId, ProgressState state, java.time.Instant at, LocalDate on,
                                  Integer loggedMinutes) {
        // An event written before logged minutes existed says nothing about them: the stored total stays.
        String logged = loggedMinutes == null ? "milestone_state.logged_minutes" : "excluded.logged_minutes";
        int changed = em.createNativeQuery("""
                        INSERT INTO milestone_state (subscription_id, milestone_id, state, at, logged_minutes) VALUES (?1, ?2, ?3, ?4, ?5)
                        ON CONFLICT (subscription_id, milestone_id) DO UPDATE SET state = excluded.state, at = excluded.at, logged_minutes = %s
                        WHERE milestone_state.at < excluded.at""".formatted(logged))
                .setParameter(1, subscriptionId).setParameter(2, milestoneId).setParameter(3, state.name()).setParameter(4, at)
                .setParameter(5, loggedMinutes == null ? 0 : loggedMinutes)
                .executeUpdate();
        if (state == ProgressState.DONE || state == ProgressState.IN_PROGRESS) {
            em.createNativeQuery("INSERT INTO progress_day (subscription_id, on_date) VALUES (?1, ?2) ON CONFLICT DO NOTHING")
                    .setParameter(1, subscriptionId).setParameter(2, on).executeUpdate();
        }
        return changed > 0;
    }

    public void skipWeek(UUID subscriptionId, LocalDate weekStart) {
        em.createNativeQuery("INSERT INTO skipped_week (subscription_id, week_start) VALUES (?1, ?2) ON CONFLICT DO NOTHING")
                .setParameter(1, subscriptionId).setParameter(2, weekStart).executeUpdate();
    }

    public void unskipWeek(UUID subscriptionId, LocalDate weekStart) {
        em.createNativeQuery("DELETE FROM skipped_week WHERE subscription_id = ?1 AND week_start = ?2")
                .setParameter(1, subscriptionId).setParameter(2, weekStart).executeUpdate();
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

    public LearnerState state(UUID subscriptionId) {
        return states(List.of(subscriptionId)).getOrDefault(subscriptionId, LearnerState.EMPTY);
    }

    /** The learner state of each subscription, read with one query per table whatever the number of subscriptions. */
    @SuppressWarnings("unchecked")
    public Map<UUID, LearnerState> states(Collection<UUID> subscriptionIds) {
        Map<UUID, LearnerState> states = new HashMap<>();
        if (subscriptionIds.isEmpty()) {
            return states;
        }
        Function<UUID, LearnerState> blank = id -> new LearnerState(new LinkedHashMap<>(), new ArrayList<>(), new HashSet<>(), new ArrayList<>(),
                new HashMap<>());
        List<Object[]> progress = em.createNativeQuery("""
                        SELECT subscription_id, milestone_id, state, logged_minutes FROM milestone_state WHERE subscription_id IN (?1)""")
                .setParameter(1, subscriptionIds).getResultList();
        progress.forEach(row -> {
            LearnerState state = states.computeIfAbsent((UUID) row[0], blank);
            state.progress().put((String) row[1], ProgressState.valueOf((String) row[2]));
            state.loggedMinutes().put((String) row[1], ((Number) row[3]).intValue());
        });
        List<Object[]> days = em.createNativeQuery("SELECT subscription_id, on_date FROM progress_day WHERE subscription_id IN (?1) ORDER BY on_date")
                .setParameter(1, subscriptionIds).getResultList();
        days.forEach(row -> states.computeIfAbsent((UUID) row[0], blank).progressDays().add(date(row[1])));
        List<Object[]> skipped = em.createNativeQuery("SELECT subscription_id, week_start FROM skipped_week WHERE subscription_id IN (?1)")
                .setParameter(1, subscriptionIds).getResultList();
        skipped.forEach(row -> states.computeIfAbsent((UUID) row[0], blank).skippedWeeks().add(date(row[1])));
        List<Object[]> breaks = em.createNativeQuery("""
                        SELECT subscription_id, starts_on, ends_before FROM plan_break WHERE subscription_id IN (?1) ORDER BY starts_on""")
                .setParameter(1, subscriptionIds).getResultList();
        // A pause resumed the day it began holds no date at all.
        breaks.stream()
                .filter(row -> row[2] == null || date(row[2]).isAfter(date(row[1])))
                .forEach(row -> states.computeIfAbsent((UUID) row[0], blank).breaks()
                        .add(new DateRange(date(row[1]), row[2] == null ? null : date(row[2]))));
        return states;
    }

    /**
     * The subscriptions among {@code subscriptionIds} this service knows, by id, in one query, read-only: the dispatcher
     * reads a batch of them and changes them with set-based statements, so Hibernate keeps no snapshot to compare.
     */
    public Map<UUID, SubscriptionProjection> subscriptions(Collection<UUID> subscriptionIds) {
        if (subscriptionIds.isEmpty()) {
            return Map.of();
        }
        return em.createQuery("from SubscriptionProjection where subscriptionId in ?1", SubscriptionProjection.class)
                .setParameter(1, subscriptionIds).setHint(HibernateHints.HINT_READ_ONLY, true).getResultStream()
                .collect(Collectors.toMap(subscription -> subscription.subscriptionId, Function.identity()));
    }

    /** A date column as the driver hands it over in a native query (java.sql.Date or LocalDate). */
    public static LocalDate date(Object value) {
        return value instanceof Date sql ? sql.toLocalDate() : (LocalDate) value;
    }
}
