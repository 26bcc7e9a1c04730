package dev.stride.reminder.scheduling;

import dev.stride.contracts.event.NudgeDue;
import dev.stride.reminder.projection.Projections;
import dev.stride.reminder.projection.RoadmapProjection;
import dev.stride.reminder.projection.SubscriptionProjection;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.runtime.Startup;
import io.quarkus.scheduler.Scheduled;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import org.jboss.logging.Logger;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Sends due nudges. Claims due rows in batches ({@code FOR UPDATE SKIP LOCKED}, with a lease), builds each
 * NudgeDue from the current projection, publishes it, then in one transaction marks it sent and schedules
 * the next week. Any number of instances can run: a row is claimed by one at a time, and a row whose lease
 * ran out (its instance died between publishing and marking) is claimed again and published again with
 * the same nudge id, for the notifier to drop.
 */
@ApplicationScoped
@Startup
public class Dispatcher {

    /** A test seam: runs between publishing and marking, where an instance may die. */
    public interface AfterPublish {
        AfterPublish NOTHING = key -> {
        };

        void run(Nudge.Key key);
    }

    private static final Logger LOG = Logger.getLogger(Dispatcher.class);

    private final EntityManager em;
    private final Projections projections;
    private final NudgeScheduler scheduler;
    private final NudgeBuilder builder;
    private final NudgePublisher publisher;
    private final Clock clock;
    private final ReminderSettings settings;
    private final String instance = "dispatcher-" + UUID.randomUUID();
    private final Counter sent;
    private final Counter expired;
    private final Timer lag;
    private final AtomicLong backlog = new AtomicLong();
    private final AtomicLong scheduled = new AtomicLong();

    public Dispatcher(EntityManager em, Projections projections, NudgeScheduler scheduler, NudgeBuilder builder, NudgePublisher publisher,
                      Clock clock, ReminderSettings settings, MeterRegistry registry) {
        this.em = em;
        this.projections = projections;
        this.scheduler = scheduler;
        this.builder = builder;
        this.publisher = publisher;
        this.clock = clock;
        this.settings = settings;
        this.sent = Counter.builder("stride.nudges.sent").description("Nudges published").register(registry);
        this.expired = Counter.builder("stride.nudges.expired").description("Nudges found too late and not sent").register(registry);
        this.lag = Timer.builder("stride.dispatch.lag").description("Time from a nudge's due instant to its publication")
                .publishPercentileHistogram().register(registry);
        registry.gauge("stride.nudges.due.backlog", backlog);
        // Every pending nudge, due or not: a subscription the projection has taken in shows here (the demo waits on it).
        registry.gauge("stride.nudges.scheduled", scheduled);
    }

    @Scheduled(every = "${stride.reminder.dispatch.every}", delayed = "${stride.reminder.dispatch.delay}",
            concurrentExecution = Scheduled.ConcurrentExecution.SKIP, skipExecutionIf = Scheduled.ApplicationNotRunning.class)
    void tick() {
        dispatchAll(instance, AfterPublish.NOTHING);
    }

    /** Dispatches until nothing is due; returns how many rows it claimed. */
    public int dispatchAll(String dispatcherId, AfterPublish afterPublish) {
        int total = 0;
        int claimed;
        do {
            claimed = dispatchBatch(dispatcherId, afterPublish);
            total += claimed;
        } while (claimed == settings.dispatch().batchSize());
        Object[] pending = QuarkusTransaction.requiringNew().call(() -> (Object[]) em.createNativeQuery(
                "SELECT count(*) FILTER (WHERE due_at <= ?1), count(*) FROM nudge WHERE status = 'PENDING'")
                .setParameter(1, clock.instant()).getSingleResult());
        backlog.set(((Number) pending[0]).longValue());
        scheduled.set(((Number) pending[1]).longValue());
        return total;
    }

    public int dispatchBatch(String dispatcherId, AfterPublish afterPublish) {
        List<Nudge.Key> claimed = QuarkusTransaction.requiringNew().call(() -> claim(dispatcherId));
        for (Nudge.Key key : claimed) {
            try {
                dispatch(key, dispatcherId, afterPublish);
            } catch (RuntimeException e) {
                // The lease runs out and the row is claimed again: published twice at worst, never lost.
                LOG.warnf("Nudge %s/%s not finished (%s); it will be retried after its lease", key.subscriptionId(), key.weekStart(), e.getMessage());
            }
        }
        return claimed.size();
    }

    @SuppressWarnings("unchecked")
    private List<Nudge.Key> claim(String dispatcherId) {
        Instant now = clock.instant();
        List<Object[]> rows = em.createNativeQuery("""
                        UPDATE nudge SET lease_until = ?1, claimed_by = ?2, attempts = attempts + 1
                        WHERE (subscription_id, week_start) IN (
                            SELECT subscription_id, week_start FROM nudge
                            WHERE status = 'PENDING' AND due_at <= ?3 AND (lease_until IS NULL OR lease_until < ?3)
                            ORDER BY due_at
                            LIMIT ?4
                            FOR UPDATE SKIP LOCKED)
                        RETURNING subscription_id, week_start""")
                .setParameter(1, now.plus(settings.dispatch().lease())).setParameter(2, dispatcherId).setParameter(3, now)
                .setParameter(4, settings.dispatch().batchSize())
                .getResultList();
        return rows.stream().map(row -> new Nudge.Key((UUID) row[0], toDate(row[1]))).toList();
    }

    private void dispatch(Nudge.Key key, String dispatcherId, AfterPublish afterPublish) {
        Optional<NudgeDue> due = QuarkusTransaction.requiringNew().call(() -> prepare(key));
        if (due.isEmpty()) {
            return;
        }
        publisher.publish(due.get());
        lag.record(Duration.between(due.get().dueAt(), clock.instant()));
        afterPublish.run(key);
        QuarkusTransaction.requiringNew().run(() -> markSent(key, dispatcherId, due.get()));
    }

    /** The NudgeDue to send, or empty when the row was settled instead (expired, or nothing to send any more). */
    private Optional<NudgeDue> prepare(Nudge.Key key) {
        Nudge nudge = em.find(Nudge.class, key);
        if (nudge == null || nudge.status != Nudge.Status.PENDING) {
            return Optional.empty();
        }
        SubscriptionProjection subscription = projections.subscription(key.subscriptionId()).orElse(null);
        Optional<RoadmapProjection> roadmap = subscription == null ? Optional.empty() : projections.roadmap(subscription.roadmapId);
        if (subscription == null || roadmap.isEmpty() || roadmap.get().retired || subscription.status != SubscriptionProjection.Status.ACTIVE) {
            nudge.status = Nudge.Status.CANCELLED;
            return Optional.empty();
        }
        if (Duration.between(nudge.dueAt, clock.instant()).compareTo(settings.dispatch().grace()) > 0) {
            nudge.status = Nudge.Status.EXPIRED;
            expired.increment();
            scheduler.scheduleAfter(subscription, key.weekStart());
            LOG.infof("Nudge for %s week %s expired (due %s); scheduling the next week", key.subscriptionId(), key.weekStart(), nudge.dueAt);
            return Optional.empty();
        }
        return Optional.of(builder.build(nudge, subscription, roadmap.get()));
    }

    private void markSent(Nudge.Key key, String dispatcherId, NudgeDue due) {
        Nudge nudge = em.find(Nudge.class, key);
        if (nudge == null || nudge.status != Nudge.Status.PENDING || !dispatcherId.equals(nudge.claimedBy)) {
            return;
        }
        nudge.status = Nudge.Status.SENT;
        nudge.sentAt = clock.instant();
        sent.increment();
        SubscriptionProjection subscription = projections.subscription(key.subscriptionId()).orElseThrow();
        boolean progressedSinceLastNudge = subscription.lastProgressAt != null
                && (subscription.lastNudgeAt == null || subscription.lastProgressAt.isAfter(subscription.lastNudgeAt));
        // Counts the nudges sent since the learner last made progress, this one included.
        subscription.idleNudges = progressedSinceLastNudge ? 0 : subscription.idleNudges + 1;
        subscription.lastNudgeAt = nudge.sentAt;
        if (due.kind() == NudgeDue.Kind.COMPLETED) {
            subscription.completed = true;
            return;
        }
        scheduler.scheduleAfter(subscription, key.weekStart());
    }

    private static LocalDate toDate(Object value) {
        return value instanceof java.sql.Date sql ? sql.toLocalDate() : (LocalDate) value;
    }
}
