package dev.stride.reminder.scheduling;

import dev.stride.pacing.WeeklyPlan;
import dev.stride.reminder.projection.LearnerState;
import dev.stride.reminder.projection.Projections;
import dev.stride.reminder.projection.RoadmapProjection;
import dev.stride.reminder.projection.SubscriptionProjection;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;

import java.time.Clock;
import java.time.LocalDate;
import java.util.Optional;
import java.util.UUID;
import java.util.function.Predicate;

/**
 * Keeps each subscription's one pending ledger row right: computed when it activates, changes plan,
 * resumes, snoozes or skips; cancelled when it pauses, ends or its roadmap retires. Runs in the caller's transaction.
 */
@ApplicationScoped
public class NudgeScheduler {

    private final EntityManager em;
    private final Projections projections;
    private final Clock clock;
    private final ReminderSettings settings;

    public NudgeScheduler(EntityManager em, Projections projections, Clock clock, ReminderSettings settings) {
        this.em = em;
        this.projections = projections;
        this.clock = clock;
        this.settings = settings;
    }

    /**
     * Replaces the pending nudge with the next one due from the current week on (or none, when nothing should be sent).
     * A row already due is never dropped: it is sent with the new state (the dispatcher schedules the week after), or
     * settled with its reason when the learner's action rules that week out. Returns the row that will be sent next.
     */
    @Transactional(Transactional.TxType.MANDATORY)
    public Optional<Nudge> reschedule(SubscriptionProjection subscription) {
        UUID id = subscription.subscriptionId;
        Optional<String> stopped = unschedulable(subscription);
        if (stopped.isPresent()) {
            cancelPending(id, stopped.get());
            return Optional.empty();
        }
        removeNotYetDue(id);
        LearnerState learner = projections.state(id);
        Optional<Nudge> due = dueUnsent(id);
        if (due.isPresent()) {
            Optional<String> ruledOut = ruledOut(due.get(), subscription, learner);
            if (ruledOut.isEmpty()) {
                return due;
            }
            settle(due.get(), ruledOut.get());
        }
        WeeklyPlan plan = Projections.plan(subscription);
        LocalDate today = LocalDate.now(clock.withZone(plan.zone()));
        LocalDate earliest = today.isAfter(subscription.startDate) ? today : subscription.startDate;
        return schedule(subscription, NudgeCalendar.mondayOf(earliest), backingOff(subscription), learner, ledgerHas(id));
    }

    /**
     * The welcome, for a subscription that never had a nudge (its first activation, or its roadmap arriving after it): the
     * current (or start) week's row, due now, so the learner gets that week's sessions at once (a Thursday subscriber would
     * otherwise first hear of week 2). It is that week's one nudge; the rhythm goes on after it.
     */
    @Transactional(Transactional.TxType.MANDATORY)
    public void welcome(SubscriptionProjection subscription) {
        if (!settings.welcome() || !schedulable(subscription) || everNudged(subscription.subscriptionId)) {
            return;
        }
        WeeklyPlan plan = Projections.plan(subscription);
        LocalDate today = LocalDate.now(clock.withZone(plan.zone()));
        LocalDate week = NudgeCalendar.mondayOf(today.isAfter(subscription.startDate) ? today : subscription.startDate);
        Nudge nudge = new Nudge();
        nudge.key = new Nudge.Key(subscription.subscriptionId, week);
        nudge.nudgeId = Nudge.idOf(subscription.subscriptionId, week);
        nudge.dueAt = clock.instant();
        nudge.status = Nudge.Status.PENDING;
        nudge.welcome = true;
        em.persist(nudge);
    }

    /** After week {@code sent} went out (or expired): next week, or the one after when backing off. */
    @Transactional(Transactional.TxType.MANDATORY)
    public Optional<Nudge> scheduleAfter(SubscriptionProjection subscription, LocalDate sent) {
        return scheduleAfter(subscription, sent, projections.state(subscription.subscriptionId), ledgerHas(subscription.subscriptionId));
    }

    /** As above, with the learner's state and the weeks already in the ledger read beforehand for a whole batch. */
    @Transactional(Transactional.TxType.MANDATORY)
    public Optional<Nudge> scheduleAfter(SubscriptionProjection subscription, LocalDate sent, LearnerState learner, Predicate<LocalDate> inLedger) {
        if (!schedulable(subscription)) {
            return Optional.empty();
        }
        boolean fortnightly = backingOff(subscription);
        return schedule(subscription, sent.plusWeeks(fortnightly ? 2 : 1), fortnightly, learner, inLedger);
    }

    /** Settles every pending row of the subscription without an email, recording why. */
    @Transactional(Transactional.TxType.MANDATORY)
    public void cancelPending(UUID subscriptionId, String reason) {
        em.createQuery("from Nudge where key.subscriptionId = ?1 and status = ?2", Nudge.class)
                .setParameter(1, subscriptionId).setParameter(2, Nudge.Status.PENDING)
                .getResultList().forEach(nudge -> settle(nudge, reason));
    }

    public boolean backingOff(SubscriptionProjection subscription) {
        return subscription.idleNudges >= settings.fatigue().idleNudgesBeforeBackOff();
    }

    private boolean schedulable(SubscriptionProjection subscription) {
        return unschedulable(subscription).isEmpty();
    }

    /** Why nothing should be sent to this subscription now, if so. */
    private Optional<String> unschedulable(SubscriptionProjection subscription) {
        Optional<RoadmapProjection> roadmap = projections.roadmap(subscription.roadmapId);
        if (subscription.status != SubscriptionProjection.Status.ACTIVE) {
            return Optional.of(subscription.status.name().toLowerCase(java.util.Locale.ROOT));
        }
        if (subscription.completed) {
            return Optional.of("completed");
        }
        return roadmap.isEmpty() ? Optional.of("roadmap unknown") : roadmap.get().retired ? Optional.of("retired") : Optional.empty();
    }

    /** Whether the learner's skips or breaks now rule out the week of a due row. */
    private static Optional<String> ruledOut(Nudge due, SubscriptionProjection subscription, LearnerState learner) {
        if (learner.skippedWeeks().contains(due.key.weekStart())) {
            return Optional.of("skipped");
        }
        LocalDate dueDate = due.dueAt.atZone(Projections.plan(subscription).zone()).toLocalDate();
        return learner.breaks().stream().anyMatch(range -> range.contains(dueDate)) ? Optional.of("on a break") : Optional.empty();
    }

    private static void settle(Nudge nudge, String reason) {
        nudge.status = Nudge.Status.CANCELLED;
        nudge.settledReason = reason;
    }

    private Optional<Nudge> dueUnsent(UUID subscriptionId) {
        return em.createQuery("from Nudge where key.subscriptionId = ?1 and status = ?2 and dueAt <= ?3 order by key.weekStart", Nudge.class)
                .setParameter(1, subscriptionId).setParameter(2, Nudge.Status.PENDING).setParameter(3, clock.instant())
                .setMaxResults(1).getResultStream().findFirst();
    }

    private Optional<Nudge> schedule(SubscriptionProjection subscription, LocalDate earliestWeek, boolean fortnightly, LearnerState learner,
                                     Predicate<LocalDate> inLedger) {
        UUID id = subscription.subscriptionId;
        WeeklyPlan plan = Projections.plan(subscription);
        Optional<LocalDate> week = NudgeCalendar.nextWeek(earliestWeek, clock.instant(), plan.nudge(), plan.zone(),
                learner.skippedWeeks(), learner.breaks(), inLedger);
        return week.map(weekStart -> {
            Nudge nudge = new Nudge();
            nudge.key = new Nudge.Key(id, weekStart);
            nudge.nudgeId = Nudge.idOf(id, weekStart);
            nudge.dueAt = NudgeCalendar.dueFor(weekStart, plan.nudge(), plan.zone()).toInstant();
            nudge.status = Nudge.Status.PENDING;
            nudge.fortnightly = fortnightly;
            em.persist(nudge);
            return nudge;
        });
    }

    private boolean everNudged(UUID subscriptionId) {
        return !em.createQuery("select 1 from Nudge where key.subscriptionId = ?1", Integer.class).setParameter(1, subscriptionId)
                .setMaxResults(1).getResultList().isEmpty();
    }

    /** Whether the subscription already has a ledger row for a week (a week is nudged once). */
    private Predicate<LocalDate> ledgerHas(UUID subscriptionId) {
        return week -> em.find(Nudge.class, new Nudge.Key(subscriptionId, week)) != null;
    }

    /**
     * Pending and cancelled rows not due yet give way to the new one. Rows already due stay: sent, expired and settled
     * weeks are history (a week is nudged once), and a due pending row is still to be sent.
     */
    private void removeNotYetDue(UUID subscriptionId) {
        em.createQuery("from Nudge where key.subscriptionId = ?1 and status in ?2 and dueAt > ?3", Nudge.class)
                .setParameter(1, subscriptionId).setParameter(2, java.util.List.of(Nudge.Status.PENDING, Nudge.Status.CANCELLED))
                .setParameter(3, clock.instant())
                .getResultList().forEach(em::remove);
        em.flush();
    }
}
