package dev.stride.reminder.scheduling;

import dev.stride.contracts.event.NudgeDue;
import dev.stride.reminder.projection.Projections;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Collection;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

/**
 * The weekly digest's rows: a learner (one address, compared lower-cased) who did not choose separate emails gets the week's
 * nudges of all their live subscriptions together. When the dispatcher sends one of them it also claims the others of that
 * week ({@link #claimSiblings}), even those due later, and every part names the same {@link NudgeDue.Digest}. Welcomes and
 * congratulations are never parts. Each method is one statement for a whole batch.
 */
@ApplicationScoped
public class DigestParts {

    /** One learner's week: the address lower-cased and the week's Monday. */
    public record Week(String address, LocalDate weekStart) {

        public static Week of(String email, LocalDate weekStart) {
            return new Week(email.toLowerCase(Locale.ROOT), weekStart);
        }

        /** The same for every part of the week and never the address itself. */
        public UUID key() {
            return UUID.nameUUIDFromBytes(("digest:" + address + ":" + weekStart).getBytes(StandardCharsets.UTF_8));
        }

        private String tag() {
            return address + " " + weekStart;
        }
    }

    /** A week-W row of a live digest subscription of these weeks: pending, not a welcome. */
    private static final String PARTS_OF_WEEKS = """
            FROM nudge n JOIN subscription_projection s ON s.subscription_id = n.subscription_id
            WHERE n.status = 'PENDING' AND NOT n.welcome AND s.status = 'ACTIVE' AND NOT s.separate_emails AND NOT s.completed
              AND lower(s.email) IN (:addresses) AND n.week_start IN (:weeks)
              AND lower(s.email) || ' ' || to_char(n.week_start, 'YYYY-MM-DD') IN (:tags)""";

    private final EntityManager em;

    public DigestParts(EntityManager em) {
        this.em = em;
    }

    /**
     * Claims for {@code dispatcherId}, as the batch claim does ({@code FOR UPDATE SKIP LOCKED}, the same lease), the pending
     * rows of these weeks that no one holds: the same learner's other parts, due now or later. Returns their nudge ids.
     */
    @SuppressWarnings("unchecked")
    public List<UUID> claimSiblings(String dispatcherId, Set<Week> weeks, Instant now, Instant leaseUntil) {
        if (weeks.isEmpty()) {
            return List.of();
        }
        List<Object[]> claimed = bind(em.createNativeQuery("""
                        UPDATE nudge SET lease_until = :leaseUntil, claimed_by = :dispatcher, attempts = attempts + 1
                        WHERE (subscription_id, week_start) IN (
                            SELECT n.subscription_id, n.week_start %s
                              AND (n.lease_until IS NULL OR n.lease_until < :now)
                            FOR UPDATE OF n SKIP LOCKED)
                        RETURNING subscription_id, week_start, nudge_id""".formatted(PARTS_OF_WEEKS)), weeks)
                .setParameter("leaseUntil", leaseUntil).setParameter("dispatcher", dispatcherId).setParameter("now", now)
                .getResultList();
        return claimed.stream().map(row -> (UUID) row[2]).toList();
    }

    /**
     * The nudge ids of each week's rows not yet sent (held by this batch, by another lane, or by nobody yet): every one will
     * be published as a part of that week's digest, by whoever holds it.
     */
    @SuppressWarnings("unchecked")
    public Map<Week, Set<UUID>> unsent(Set<Week> weeks) {
        Map<Week, Set<UUID>> parts = new HashMap<>();
        if (weeks.isEmpty()) {
            return parts;
        }
        List<Object[]> rows = bind(em.createNativeQuery("SELECT lower(s.email), n.week_start, n.nudge_id " + PARTS_OF_WEEKS), weeks)
                .getResultList();
        rows.forEach(row -> parts.computeIfAbsent(new Week((String) row[0], Projections.date(row[1])), week -> new HashSet<>())
                .add((UUID) row[2]));
        return parts;
    }

    /** {@code nudge} as a part of a digest, or as an email of its own when {@code digest} is null; its variant stays. */
    public static NudgeDue as(NudgeDue nudge, NudgeDue.Digest digest) {
        return new NudgeDue(nudge.nudgeId(), nudge.subscriptionId(), nudge.kind(), nudge.learner(), nudge.zone(), nudge.roadmapId(),
                nudge.roadmapTitle(), nudge.weekNumber(), nudge.weekStart(), nudge.weekEnd(), nudge.dueAt(), nudge.sessions(), nudge.focus(),
                nudge.progress(), nudge.aheadMinutes(), nudge.projectedFinish(), nudge.streakWeeks(), nudge.cadence(), nudge.links(), digest,
                nudge.variant());
    }

    private static jakarta.persistence.Query bind(jakarta.persistence.Query query, Collection<Week> weeks) {
        return query.setParameter("addresses", weeks.stream().map(Week::address).distinct().toList())
                .setParameter("weeks", weeks.stream().map(Week::weekStart).distinct().toList())
                .setParameter("tags", weeks.stream().map(Week::tag).toList());
    }
}
