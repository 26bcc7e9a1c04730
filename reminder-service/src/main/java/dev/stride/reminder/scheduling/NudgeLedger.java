package dev.stride.reminder.scheduling;

import dev.stride.contracts.event.NudgeDue;
import dev.stride.contracts.event.RoadmapPublished;
import dev.stride.contracts.logging.LogContext;
import dev.stride.contracts.privacy.Addresses;
import dev.stride.reminder.learning.VariantChooser;
import dev.stride.reminder.projection.LearnerState;
import dev.stride.reminder.projection.Projections;
import dev.stride.reminder.projection.RoadmapProjection;
import dev.stride.reminder.projection.SubscriptionProjection;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;
import org.jboss.logging.Logger;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * The dispatcher's three transactions over a batch of ledger rows, each set-based: claim due rows with a lease,
 * build their NudgeDue from the projections, and (after Kafka acknowledged them) mark them sent and schedule
 * the next weeks. A fixed number of statements per batch, whatever its size.
 */
@ApplicationScoped
public class NudgeLedger {

    private static final Logger LOG = Logger.getLogger(NudgeLedger.class);

    /** What a batch comes to once prepared: the nudges to publish, how many rows expired, how many were parked. */
    /** {@code scheduledBy}: the distinct traceparents kept with the rows to publish (the dispatch span links to each). */
    public record Prepared(List<NudgeDue> toPublish, int expired, int parked, List<String> scheduledBy) {
    }

    private final EntityManager em;
    private final Projections projections;
    private final NudgeScheduler scheduler;
    private final NudgeBuilder builder;
    private final Clock clock;
    private final ReminderSettings settings;
    private final DigestParts digests;
    private final VariantChooser variants;
    private final SentMarks marks;

    public NudgeLedger(EntityManager em, Projections projections, NudgeScheduler scheduler, NudgeBuilder builder, Clock clock,
                       ReminderSettings settings, DigestParts digests, VariantChooser variants, SentMarks marks) {
        this.digests = digests;
        this.variants = variants;
        this.marks = marks;
        this.em = em;
        this.projections = projections;
        this.scheduler = scheduler;
        this.builder = builder;
        this.clock = clock;
        this.settings = settings;
    }

    @Transactional(Transactional.TxType.REQUIRES_NEW)
    @SuppressWarnings("unchecked")
    /** Claims up to a batch of due rows for {@code dispatcherId}; returns their nudge ids. */
    public List<UUID> claim(String dispatcherId) {
        Instant now = clock.instant();
        List<Object> claimed = em.createNativeQuery("""
                        UPDATE nudge SET lease_until = ?1, claimed_by = ?2, attempts = attempts + 1
                        WHERE (subscription_id, week_start) IN (
                            SELECT subscription_id, week_start FROM nudge
                            WHERE status = 'PENDING' AND due_at <= ?3 AND (lease_until IS NULL OR lease_until < ?3)
                            ORDER BY due_at
                            LIMIT ?4
                            FOR UPDATE SKIP LOCKED)
                        RETURNING nudge_id""")
                .setParameter(1, now.plus(settings.dispatch().lease())).setParameter(2, dispatcherId).setParameter(3, now)
                .setParameter(4, settings.dispatch().batchSize())
                .getResultList();
        return claimed.stream().map(UUID.class::cast).toList();
    }

    /**
     * The NudgeDue of each claimed row still pending. A row whose subscription or roadmap ended is cancelled; one found more
     * than the grace past due (the service was down) expires and the next week is scheduled. A weekly nudge of a learner who
     * gets a digest brings the learner's other parts of that week along ({@link DigestParts}): claimed here for
     * {@code dispatcherId}, built and published now, each naming the digest.
     */
    @Transactional(Transactional.TxType.REQUIRES_NEW)
    public Prepared prepare(String dispatcherId, List<UUID> claimed) {
        Batch batch = new Batch();
        build(claimed, batch, false);
        Set<DigestParts.Week> weeks = new HashSet<>();
        batch.built.forEach(built -> digestWeek(built).ifPresent(weeks::add));
        if (!weeks.isEmpty()) {
            Instant now = clock.instant();
            build(digests.claimSiblings(dispatcherId, weeks, now, now.plus(settings.dispatch().lease())), batch, true);
        }
        chooseVariants(batch);
        Map<DigestParts.Week, Set<UUID>> unsent = digests.unsent(weeks);
        // A row of this batch that is not a weekly digest nudge (cancelled, expired, failed, a congratulation) is no part.
        Set<UUID> noParts = new HashSet<>(batch.handled);
        batch.built.forEach(built -> digestWeek(built).ifPresent(week -> noParts.remove(built.nudge.nudgeId)));
        List<NudgeDue> toPublish = batch.built.stream().map(built -> digestWeek(built).map(week -> {
            Set<UUID> open = new HashSet<>(unsent.getOrDefault(week, Set.of()));
            open.removeAll(noParts);
            return open.size() > 1 ? built.due.withDigest(new NudgeDue.Digest(week.key(), open.size())) : built.due;
        }).orElse(built.due)).toList();
        List<String> scheduledBy = batch.built.stream().map(built -> built.nudge.traceParent).filter(java.util.Objects::nonNull).distinct().toList();
        return new Prepared(toPublish, batch.expired, batch.parked, scheduledBy);
    }

    /** Each weekly nudge of the batch (siblings included) gets its content strategy ({@link VariantChooser}); markSent writes it. */
    private void chooseVariants(Batch batch) {
        List<NudgeDue> chosen = variants.choose(batch.built.stream()
                .map(built -> new VariantChooser.Candidate(built.nudge, built.subscription, built.due)).toList());
        for (int i = 0; i < chosen.size(); i++) {
            Built built = batch.built.get(i);
            batch.built.set(i, new Built(built.nudge, built.subscription, chosen.get(i)));
        }
    }

    /** What a batch built so far: each row's NudgeDue, every row it handled, and how many expired or were parked. */
    private static final class Batch {
        final List<Built> built = new ArrayList<>();
        final Set<UUID> handled = new HashSet<>();
        /** Each roadmap's JSON parsed once per batch, not once per nudge. */
        final Map<String, RoadmapParts> roadmaps = new HashMap<>();
        int expired;
        int parked;
    }

    private record Built(Nudge nudge, SubscriptionProjection subscription, NudgeDue due) {
    }

    /** A roadmap projection's milestones, habits, weekly mix and translations, as read from its JSON columns. */
    private record RoadmapParts(List<RoadmapPublished.Milestone> milestones, List<RoadmapPublished.Habit> habits, Map<String, Integer> weeklyMix,
                                Map<String, Map<String, String>> translations) {

        static RoadmapParts of(RoadmapProjection roadmap) {
            return new RoadmapParts(Projections.milestones(roadmap), Projections.habits(roadmap), Projections.weeklyMix(roadmap),
                    Projections.translations(roadmap));
        }
    }

    /** The week of the digest {@code built} is a part of; empty for a welcome, a congratulation or separate emails. */
    private static Optional<DigestParts.Week> digestWeek(Built built) {
        return built.due.kind() == NudgeDue.Kind.WEEKLY && !built.subscription.separateEmails
                ? Optional.of(DigestParts.Week.of(built.subscription.email, built.nudge.key.weekStart())) : Optional.empty();
    }

    /**
     * Builds the pending rows among {@code ids} into {@code batch}, reading their subscriptions and states with one query per
     * table. A {@code sibling} found to be the congratulation is let go again: it is no digest part and goes at its own moment.
     */
    private void build(List<UUID> ids, Batch batch, boolean siblings) {
        if (ids.isEmpty()) {
            return;
        }
        List<Nudge> nudges = em.createQuery("from Nudge where nudgeId in ?1 and status = ?2", Nudge.class)
                .setParameter(1, ids).setParameter(2, Nudge.Status.PENDING).getResultList();
        Map<UUID, SubscriptionProjection> subscriptions = projections.subscriptions(nudges.stream().map(n -> n.key.subscriptionId()).toList());
        Map<UUID, LearnerState> states = projections.states(subscriptions.keySet());
        for (Nudge nudge : nudges) {
            batch.handled.add(nudge.nudgeId);
            SubscriptionProjection subscription = subscriptions.get(nudge.key.subscriptionId());
            RoadmapProjection roadmap = subscription == null ? null : projections.roadmap(subscription.roadmapId).orElse(null);
            if (subscription == null || roadmap == null || roadmap.retired || subscription.status != SubscriptionProjection.Status.ACTIVE) {
                nudge.status = Nudge.Status.CANCELLED;
            } else if (Duration.between(nudge.dueAt, clock.instant()).compareTo(settings.dispatch().grace()) > 0) {
                nudge.status = Nudge.Status.EXPIRED;
                batch.expired++;
                scheduler.scheduleAfter(subscription, nudge.key.weekStart());
                try (LogContext context = LogContext.nudge(nudge.key.subscriptionId(), nudge.nudgeId)) {
                    LOG.infof("Nudge for %s week %s expired (due %s); scheduling the next week", nudge.key.subscriptionId(), nudge.key.weekStart(), nudge.dueAt);
                }
            } else {
                try {
                    RoadmapParts parts = batch.roadmaps.computeIfAbsent(roadmap.roadmapId, id -> RoadmapParts.of(roadmap));
                    NudgeDue due = builder.build(nudge, subscription, roadmap, parts.milestones(), parts.habits(), parts.weeklyMix(),
                            parts.translations(), states.getOrDefault(subscription.subscriptionId, LearnerState.EMPTY));
                    if (siblings && due.kind() != NudgeDue.Kind.WEEKLY) {
                        nudge.leaseUntil = null;
                        nudge.claimedBy = null;
                    } else {
                        batch.built.add(new Built(nudge, subscription, due));
                    }
                } catch (RuntimeException e) {
                    // One row that cannot be built does not hold back the batch: it fails alone, and is parked if it keeps failing.
                    batch.parked += fail(nudge, subscription, e, true) ? 1 : 0;
                }
            }
        }
    }

    /**
     * Marks the acknowledged nudges sent, if this dispatcher still holds their rows, and schedules each subscription's next
     * week (or records the completion). Returns how many rows it marked.
     */
    @Transactional(Transactional.TxType.REQUIRES_NEW)
    public int markSent(String dispatcherId, List<NudgeDue> acknowledged) {
        if (acknowledged.isEmpty()) {
            return 0;
        }
        Instant now = clock.instant();
        Map<UUID, NudgeDue> byNudge = acknowledged.stream().collect(Collectors.toMap(NudgeDue::nudgeId, Function.identity()));
        List<SentMarks.Marked> marked = marks.mark(dispatcherId, now, acknowledged);
        if (marked.isEmpty()) {
            return 0;
        }
        variants.sent(marked.stream().map(row -> byNudge.get(row.nudgeId())).toList());
        List<UUID> ids = marked.stream().map(SentMarks.Marked::subscriptionId).toList();
        // The welcome is not a reminder the learner let pass: it counts neither toward the back-off nor as the last nudge.
        marks.recordNudged(marked.stream().filter(row -> byNudge.get(row.nudgeId()).kind() != NudgeDue.Kind.WELCOME).map(SentMarks.Marked::subscriptionId).toList(),
                marked.stream().filter(row -> byNudge.get(row.nudgeId()).kind() == NudgeDue.Kind.COMPLETED).map(SentMarks.Marked::subscriptionId).toList(), now);
        Map<UUID, SubscriptionProjection> subscriptions = projections.subscriptions(ids);
        Map<UUID, LearnerState> states = projections.states(ids);
        Set<Nudge.Key> ledger = ledgerWeeks(ids, marked.stream().map(SentMarks.Marked::weekStart).min(LocalDate::compareTo).orElseThrow());
        for (SentMarks.Marked row : marked) {
            SubscriptionProjection subscription = subscriptions.get(row.subscriptionId());
            if (byNudge.get(row.nudgeId()).kind() != NudgeDue.Kind.COMPLETED) {
                scheduler.scheduleAfter(subscription, row.weekStart(), states.getOrDefault(subscription.subscriptionId, LearnerState.EMPTY),
                        candidate -> ledger.contains(new Nudge.Key(subscription.subscriptionId, candidate)));
            }
        }
        return marked.size();
    }

    /**
     * Offers the rows Kafka did not acknowledge again shortly (not after their whole lease), or parks a row that failed
     * for a reason of its own ({@link PublishFailures#permanent}) too often. Returns how many it parked.
     */
    @Transactional(Transactional.TxType.REQUIRES_NEW)
    public int release(String dispatcherId, Map<UUID, Throwable> failed) {
        if (failed.isEmpty()) {
            return 0;
        }
        List<Nudge> nudges = em.createQuery("from Nudge where nudgeId in ?1 and status = ?2 and claimedBy = ?3", Nudge.class)
                .setParameter(1, failed.keySet()).setParameter(2, Nudge.Status.PENDING).setParameter(3, dispatcherId).getResultList();
        Map<UUID, SubscriptionProjection> subscriptions = projections.subscriptions(nudges.stream().map(n -> n.key.subscriptionId()).toList());
        int parked = 0;
        for (Nudge nudge : nudges) {
            Throwable failure = failed.get(nudge.nudgeId);
            parked += fail(nudge, subscriptions.get(nudge.key.subscriptionId()), failure, PublishFailures.permanent(failure)) ? 1 : 0;
        }
        return parked;
    }

    /** Records a row's own failure; parks it (and schedules the week after) once a failure that would recur reached the attempt limit. */
    private boolean fail(Nudge nudge, SubscriptionProjection subscription, Throwable failure, boolean permanent) {
        String error = String.valueOf(failure);
        nudge.lastError = error.length() > 2000 ? error.substring(0, 2000) : error;
        try (LogContext context = LogContext.nudge(nudge.key.subscriptionId(), nudge.nudgeId)) {
            if (permanent && nudge.attempts >= settings.dispatch().maxAttempts()) {
                nudge.status = Nudge.Status.PARKED;
                LOG.errorf("Parked the nudge %s of %s week %s after %d attempts: %s", nudge.nudgeId, nudge.key.subscriptionId(),
                        nudge.key.weekStart(), nudge.attempts, Addresses.redact(nudge.lastError));
                if (subscription != null && readablePlan(subscription)) {
                    scheduler.scheduleAfter(subscription, nudge.key.weekStart());
                }
                return true;
            }
            if (permanent) {
                LOG.warnf(failure, "The nudge %s failed (attempt %d of %d)", nudge.nudgeId, nudge.attempts, settings.dispatch().maxAttempts());
            }
        }
        nudge.leaseUntil = clock.instant().plus(settings.dispatch().retryAfter());
        return false;
    }

    /** Checked before scheduling: a failure inside the scheduler's transactional method would roll back the whole batch. */
    private static boolean readablePlan(SubscriptionProjection subscription) {
        try {
            Projections.plan(subscription);
            return true;
        } catch (RuntimeException e) {
            try (LogContext context = LogContext.subscription(subscription.subscriptionId)) {
                LOG.errorf("No week can be scheduled for %s: its plan cannot be read (%s)", subscription.subscriptionId, e);
            }
            return false;
        }
    }

    /** Every (subscription, week) after {@code after} already in the ledger for these subscriptions: a week is nudged once. */
    @SuppressWarnings("unchecked")
    private Set<Nudge.Key> ledgerWeeks(List<UUID> subscriptionIds, LocalDate after) {
        if (subscriptionIds.isEmpty()) {
            return Set.of();
        }
        List<Object[]> rows = em.createNativeQuery("SELECT subscription_id, week_start FROM nudge WHERE subscription_id IN (?1) AND week_start > ?2")
                .setParameter(1, subscriptionIds).setParameter(2, after).getResultList();
        Set<Nudge.Key> keys = new HashSet<>();
        rows.forEach(row -> keys.add(new Nudge.Key((UUID) row[0], Projections.date(row[1]))));
        return keys;
    }
}
