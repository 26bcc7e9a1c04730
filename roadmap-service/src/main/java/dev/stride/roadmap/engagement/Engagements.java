package dev.stride.roadmap.engagement;

import dev.stride.contracts.learning.Reward;
import dev.stride.roadmap.NativeColumns;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;

import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import java.util.function.Supplier;

/**
 * The one home of recording what a learner did through a signed link or a page (table {@code engagement}), with the nudge
 * that led to it: the nudge the link named ({@code n}, {@link dev.stride.contracts.link.LinkUrls#NUDGE_PARAM}) when that
 * nudge is the same subscription's, else the latest nudge sent to the subscription within {@link Reward#WINDOW} before
 * now, else none. Nothing is recorded for a subscription that opted out of measurement, and nothing that identifies the
 * learner beyond the subscription: no address, no token, no IP. No pixel, no opens: only actions in Stride.
 */
@ApplicationScoped
public class Engagements {

    /** What the learner did. {@code LOG_MINUTES} carries the minutes logged as its detail (the outcome job sums them). */
    public enum Action {
        MARK_DONE, PROGRESS, LOG_MINUTES, CHECKLIST_SAVE, CHOICES_CHANGE, SKIP_WEEK, UNSKIP_WEEK, AWAY, SNOOZE, PAUSE, RESUME,
        REPLAN, PLAN_CHANGE, MANAGE_OPEN, CALENDAR_DOWNLOAD, UNSUBSCRIBE
    }

    /** One recorded action, as the learner's data export lists it. */
    public record Row(UUID subscriptionId, String action, Instant at, UUID nudgeId, String detail) {
    }

    private final EntityManager em;
    private final Clock clock;

    public Engagements(EntityManager em, Clock clock) {
        this.em = em;
        this.clock = clock;
    }

    /** The nudge a link's {@code n} parameter names; empty when absent or not a UUID (a mangled link still works). */
    public static Optional<UUID> nudgeParam(String n) {
        if (n == null || n.isBlank()) {
            return Optional.empty();
        }
        try {
            return Optional.of(UUID.fromString(n.strip()));
        } catch (IllegalArgumentException e) {
            return Optional.empty();
        }
    }

    /** The query string that carries a link's nudge on to the page's form ({@code ?n=...}), or "" without one. */
    public static String nudgeQuery(Optional<UUID> nudge) {
        return nudge.map(id -> "?" + dev.stride.contracts.link.LinkUrls.NUDGE_PARAM + "=" + id).orElse("");
    }

    /**
     * Records one action, in the caller's transaction where there is one. Returns the nudge it was attributed to; empty
     * also when nothing was recorded (subscription unknown or not measured).
     */
    @Transactional
    public Optional<UUID> record(UUID subscriptionId, Action action, Optional<UUID> nudgeFromLink, String detail) {
        if (subscriptionId == null || !measured(subscriptionId)) {
            return Optional.empty();
        }
        Instant now = clock.instant();
        Optional<UUID> nudge = nudgeFromLink.filter(id -> belongsTo(id, subscriptionId)).or(() -> latestSent(subscriptionId, now));
        em.createNativeQuery("INSERT INTO engagement (subscription_id, nudge_id, action, at, detail) VALUES (?1, ?2, ?3, ?4, ?5)")
                .setParameter(1, subscriptionId)
                .setParameter(2, Params.uuid(nudge.orElse(null)))
                .setParameter(3, action.name())
                .setParameter(4, Timestamp.from(now))
                .setParameter(5, Params.text(detail))
                .executeUpdate();
        return nudge;
    }

    /** Does {@code work} and records it as {@code action} in one transaction: both commit, or neither. */
    @Transactional
    public <T> T within(UUID subscriptionId, Action action, Optional<UUID> nudgeFromLink, String detail, Supplier<T> work) {
        T result = work.get();
        record(subscriptionId, action, nudgeFromLink, detail);
        return result;
    }

    /** The subscriptions' recorded actions, oldest first (the data export). */
    @Transactional
    public List<Row> of(List<UUID> subscriptionIds) {
        if (subscriptionIds.isEmpty()) {
            return List.of();
        }
        @SuppressWarnings("unchecked")
        List<Object[]> rows = em.createNativeQuery("SELECT subscription_id, action, at, nudge_id, detail FROM engagement "
                + "WHERE subscription_id IN (:ids) ORDER BY at, id").setParameter("ids", subscriptionIds).getResultList();
        return rows.stream().map(r -> new Row((UUID) r[0], (String) r[1], NativeColumns.instant(r[2]), (UUID) r[3], (String) r[4])).toList();
    }

    /** Erasure: the subscriptions' engagement, nudges and deliveries, in the caller's transaction. */
    @Transactional(Transactional.TxType.MANDATORY)
    public void forget(List<UUID> subscriptionIds) {
        if (subscriptionIds.isEmpty()) {
            return;
        }
        for (String table : List.of("engagement", "nudge_log", "delivery_log")) {
            em.createNativeQuery("DELETE FROM " + table + " WHERE subscription_id IN (:ids)").setParameter("ids", subscriptionIds).executeUpdate();
        }
    }

    /** Whether the subscription is measured (false too for one this service does not know). */
    public boolean measured(UUID subscriptionId) {
        List<?> rows = em.createNativeQuery("SELECT measured FROM subscription WHERE id = ?1").setParameter(1, subscriptionId).getResultList();
        return !rows.isEmpty() && Boolean.TRUE.equals(rows.get(0));
    }

    private boolean belongsTo(UUID nudgeId, UUID subscriptionId) {
        return !em.createNativeQuery("SELECT 1 FROM nudge_log WHERE nudge_id = ?1 AND subscription_id = ?2")
                .setParameter(1, nudgeId).setParameter(2, subscriptionId).getResultList().isEmpty();
    }

    private Optional<UUID> latestSent(UUID subscriptionId, Instant now) {
        List<?> rows = em.createNativeQuery("SELECT nudge_id FROM nudge_log WHERE subscription_id = ?1 AND sent_at > ?2 AND sent_at <= ?3 "
                        + "ORDER BY sent_at DESC, due_at DESC LIMIT 1")
                .setParameter(1, subscriptionId)
                .setParameter(2, Timestamp.from(now.minus(Reward.WINDOW)))
                .setParameter(3, Timestamp.from(now))
                .getResultList();
        return rows.isEmpty() ? Optional.empty() : Optional.of((UUID) rows.get(0));
    }
}
