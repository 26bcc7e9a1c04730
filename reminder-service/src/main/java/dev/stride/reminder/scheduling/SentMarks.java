package dev.stride.reminder.scheduling;

import dev.stride.contracts.event.NudgeDue;
import dev.stride.contracts.learning.NudgeState;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import org.hibernate.Session;

import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.UUID;

/**
 * The mark-sent statement of a dispatch batch: one UPDATE for every acknowledged nudge this dispatcher still holds, which
 * also writes each weekly nudge's content strategy (variant, reason, holdout, the learner state it was chosen in) on its
 * row. Writing the choice here, not before publishing, saves a write per row on the hot path; a choice already on a row
 * (an older version wrote it before publishing) is kept. And the count of nudges on each subscription that goes with it.
 */
@ApplicationScoped
class SentMarks {

    /** A row marked sent. */
    record Marked(UUID subscriptionId, LocalDate weekStart, UUID nudgeId) {
    }

    private static final String MARK = """
            UPDATE nudge n SET status = 'SENT', sent_at = ?,
                variant = coalesce(n.variant, c.variant), variant_reason = coalesce(n.variant_reason, c.reason),
                holdout = coalesce(n.holdout, c.holdout), context = coalesce(n.context, c.context)
            FROM unnest(?::uuid[], ?::text[], ?::text[], ?::boolean[], ?::text[]) AS c (nudge_id, variant, reason, holdout, context)
            WHERE n.nudge_id = c.nudge_id AND n.status = 'PENDING' AND n.claimed_by = ?
            RETURNING n.subscription_id, n.week_start, n.nudge_id""";

    private final EntityManager em;

    SentMarks(EntityManager em) {
        this.em = em;
    }

    /** Marks the acknowledged nudges {@code dispatcherId} still holds as sent at {@code now}; returns the rows it marked. */
    List<Marked> mark(String dispatcherId, Instant now, Collection<NudgeDue> acknowledged) {
        int size = acknowledged.size();
        UUID[] ids = new UUID[size];
        String[] variants = new String[size];
        String[] reasons = new String[size];
        Boolean[] holdouts = new Boolean[size];
        String[] contexts = new String[size];
        int i = 0;
        for (NudgeDue due : acknowledged) {
            ids[i] = due.nudgeId();
            if (due.variant() != null) {
                variants[i] = due.variant().id();
                reasons[i] = due.variant().reason();
                holdouts[i] = due.variant().holdout();
                contexts[i] = NudgeState.of(due).context();
            }
            i++;
        }
        return em.unwrap(Session.class).doReturningWork(connection -> {
            try (PreparedStatement update = connection.prepareStatement(MARK)) {
                update.setObject(1, OffsetDateTime.ofInstant(now, ZoneOffset.UTC));
                update.setArray(2, connection.createArrayOf("uuid", ids));
                update.setArray(3, connection.createArrayOf("text", variants));
                update.setArray(4, connection.createArrayOf("text", reasons));
                update.setArray(5, connection.createArrayOf("boolean", holdouts));
                update.setArray(6, connection.createArrayOf("text", contexts));
                update.setString(7, dispatcherId);
                return read(update);
            }
        });
    }

    /**
     * Counts the weekly (and completion) nudge on each subscription in one statement, in the database, so an event
     * applied meanwhile is not overwritten: the nudges sent since the learner last made progress (none when there was
     * progress since the last nudge), the time of this one, and whether the roadmap is complete.
     */
    void recordNudged(List<UUID> subscriptionIds, List<UUID> completed, Instant now) {
        if (!subscriptionIds.isEmpty()) {
            em.createNativeQuery("""
                        UPDATE subscription_projection SET
                            idle_nudges = CASE WHEN last_progress_at IS NOT NULL AND (last_nudge_at IS NULL OR last_progress_at > last_nudge_at)
                                               THEN 0 ELSE idle_nudges + 1 END,
                            last_nudge_at = ?1, version = version + 1
                        WHERE subscription_id IN (?2)""")
                    .setParameter(1, now).setParameter(2, subscriptionIds).executeUpdate();
        }
        if (!completed.isEmpty()) {
            em.createNativeQuery("UPDATE subscription_projection SET completed = true, version = version + 1 WHERE subscription_id IN (?1)")
                    .setParameter(1, completed).executeUpdate();
        }
    }

    private static List<Marked> read(PreparedStatement update) throws SQLException {
        List<Marked> marked = new ArrayList<>();
        try (ResultSet rows = update.executeQuery()) {
            while (rows.next()) {
                marked.add(new Marked(rows.getObject(1, UUID.class), rows.getObject(2, LocalDate.class), rows.getObject(3, UUID.class)));
            }
        }
        return marked;
    }
}
