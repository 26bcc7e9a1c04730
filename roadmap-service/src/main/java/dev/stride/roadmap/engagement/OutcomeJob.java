package dev.stride.roadmap.engagement;

import dev.stride.contracts.Topics;
import dev.stride.contracts.event.NudgeDue;
import dev.stride.contracts.event.NudgeOutcome;
import dev.stride.contracts.learning.Reward;
import dev.stride.roadmap.NativeColumns;
import dev.stride.roadmap.catalog.CatalogService;
import dev.stride.roadmap.catalog.RoadmapDocument;
import dev.stride.roadmap.outbox.Outbox;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.scheduler.Scheduled;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import org.jboss.logging.Logger;

import java.math.BigDecimal;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.stream.Collectors;

/**
 * Closes each sent nudge's measurement window ({@link Reward#WINDOW} from its delivery) once it has passed: what followed
 * (milestones marked done, minutes of progress, engagements, an unsubscribe) is written on the nudge log row and, for a
 * subscription still measured, published as {@link NudgeOutcome} through the outbox in the same transaction. A row is
 * closed once ({@code outcome_closed_at}); replicas split the work ({@code FOR UPDATE SKIP LOCKED}). An unmeasured or
 * erased subscription's nudges are closed without an outcome.
 */
@ApplicationScoped
public class OutcomeJob {

    private static final Logger LOG = Logger.getLogger(OutcomeJob.class);
    private static final BigDecimal SIXTY = BigDecimal.valueOf(60);

    private final EntityManager em;
    private final Outbox outbox;
    private final CatalogService catalog;
    private final EngagementSettings settings;
    private final Clock clock;

    public OutcomeJob(EntityManager em, Outbox outbox, CatalogService catalog, EngagementSettings settings, Clock clock) {
        this.em = em;
        this.outbox = outbox;
        this.catalog = catalog;
        this.settings = settings;
        this.clock = clock;
    }

    @Scheduled(every = "${stride.engagement.outcome-every}",
            concurrentExecution = Scheduled.ConcurrentExecution.SKIP, skipExecutionIf = Scheduled.ApplicationNotRunning.class)
    void scheduled() {
        run();
    }

    /** Closes every window that has passed, a batch per transaction; returns the outcomes published. */
    public int run() {
        Instant now = clock.instant();
        int published = 0;
        while (true) {
            int[] batch = QuarkusTransaction.requiringNew().call(() -> closeBatch(now));
            published += batch[1];
            if (batch[0] < settings.outcomeBatchSize()) {
                break;
            }
        }
        if (published > 0) {
            LOG.infof("Published %d nudge outcome(s)", published);
        }
        return published;
    }

    /** {closed, published} */
    private int[] closeBatch(Instant now) {
        @SuppressWarnings("unchecked")
        List<Object[]> rows = em.createNativeQuery("""
                        SELECT n.nudge_id, n.subscription_id, n.roadmap_id, n.variant, n.holdout, n.sent_at, n.planned_minutes,
                               s.measured, s.roadmap_version, s.status, s.ended_at, n.kind
                        FROM nudge_log n LEFT JOIN subscription s ON s.id = n.subscription_id
                        WHERE n.outcome_closed_at IS NULL AND n.sent_at IS NOT NULL AND n.sent_at <= ?1
                        ORDER BY n.sent_at LIMIT ?2 FOR UPDATE OF n SKIP LOCKED""")
                .setParameter(1, Timestamp.from(now.minus(Reward.WINDOW)))
                .setParameter(2, settings.outcomeBatchSize())
                .getResultList();
        int published = 0;
        for (Object[] row : rows) {
            published += close(row, now) ? 1 : 0;
        }
        return new int[] {rows.size(), published};
    }

    private boolean close(Object[] row, Instant now) {
        UUID nudgeId = (UUID) row[0];
        UUID subscriptionId = (UUID) row[1];
        if (!Boolean.TRUE.equals(row[7])) {
            em.createNativeQuery("UPDATE nudge_log SET outcome_closed_at = ?2 WHERE nudge_id = ?1")
                    .setParameter(1, nudgeId).setParameter(2, Timestamp.from(now)).executeUpdate();
            return false;
        }
        String roadmapId = (String) row[2];
        Instant sentAt = NativeColumns.instant(row[5]);
        Instant windowEnd = sentAt.plus(Reward.WINDOW);
        int planned = ((Number) row[6]).intValue();
        List<String> done = doneIn(subscriptionId, sentAt, windowEnd);
        int doneMinutes = minutesOf(roadmapId, ((Number) row[8]).intValue(), done);
        int logged = count("SELECT COALESCE(SUM(CAST(detail AS integer)), 0) FROM engagement WHERE subscription_id = ?1 AND action = 'LOG_MINUTES' "
                + "AND at >= ?2 AND at < ?3", subscriptionId, sentAt, windowEnd);
        int engagements = count("SELECT COUNT(*) FROM engagement WHERE subscription_id = ?1 AND at >= ?2 AND at < ?3", subscriptionId, sentAt, windowEnd);
        Instant endedAt = row[10] == null ? null : NativeColumns.instant(row[10]);
        boolean unsubscribed = "UNSUBSCRIBED".equals(row[9]) && endedAt != null && !endedAt.isBefore(sentAt) && endedAt.isBefore(windowEnd);
        double reward = Reward.of(doneMinutes + logged, planned, unsubscribed);
        em.createNativeQuery("""
                        UPDATE nudge_log SET outcome_closed_at = ?2, milestones_done = ?3, minutes_logged = ?4, engagements = ?5,
                                             unsubscribed = ?6, reward = ?7
                        WHERE nudge_id = ?1""")
                .setParameter(1, nudgeId).setParameter(2, Timestamp.from(now)).setParameter(3, done.size()).setParameter(4, logged)
                .setParameter(5, engagements).setParameter(6, unsubscribed).setParameter(7, reward)
                .executeUpdate();
        if (!NudgeDue.Kind.WEEKLY.name().equals(row[11])) {
            // Welcomes and congratulations carry no variant: what follows them is shown to operators, never learned from.
            return false;
        }
        outbox.add(Topics.SUBSCRIPTION_EVENTS, subscriptionId.toString(), new NudgeOutcome(nudgeId, subscriptionId, roadmapId, (String) row[3],
                Boolean.TRUE.equals(row[4]), sentAt, windowEnd, done.size(), logged, planned, engagements, unsubscribed, reward));
        return true;
    }

    @SuppressWarnings("unchecked")
    private List<String> doneIn(UUID subscriptionId, Instant from, Instant to) {
        return em.createNativeQuery("SELECT milestone_id FROM milestone_progress WHERE subscription_id = ?1 AND state = 'DONE' "
                        + "AND updated_at >= ?2 AND updated_at < ?3")
                .setParameter(1, subscriptionId).setParameter(2, Timestamp.from(from)).setParameter(3, Timestamp.from(to))
                .getResultList();
    }

    /** The minutes of the milestones marked done, by the roadmap version the learner follows (a milestone it lacks counts 0). */
    private int minutesOf(String roadmapId, int version, List<String> milestoneIds) {
        if (milestoneIds.isEmpty()) {
            return 0;
        }
        Map<String, BigDecimal> hours = catalog.document(roadmapId, version).map(RoadmapDocument::milestones).orElse(List.of()).stream()
                .filter(m -> m.hours() != null)
                .collect(Collectors.toMap(RoadmapDocument.Milestone::id, RoadmapDocument.Milestone::hours, (a, b) -> a));
        return milestoneIds.stream().map(hours::get).filter(java.util.Objects::nonNull)
                .mapToInt(h -> h.multiply(SIXTY).intValue()).sum();
    }

    private int count(String sql, UUID subscriptionId, Instant from, Instant to) {
        Object value = em.createNativeQuery(sql).setParameter(1, subscriptionId).setParameter(2, Timestamp.from(from))
                .setParameter(3, Timestamp.from(to)).getSingleResult();
        return ((Number) value).intValue();
    }
}
