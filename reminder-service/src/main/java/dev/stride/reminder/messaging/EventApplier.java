package dev.stride.reminder.messaging;

import dev.stride.contracts.event.DomainEvent;
import dev.stride.contracts.event.EventEnvelope;
import dev.stride.contracts.event.Learner;
import dev.stride.contracts.event.LearnerChanged;
import dev.stride.contracts.event.LearnerErased;
import dev.stride.contracts.event.MeasurementChanged;
import dev.stride.contracts.event.MilestoneProgressed;
import dev.stride.contracts.event.NudgeOutcome;
import dev.stride.contracts.event.PaceReset;
import dev.stride.contracts.event.Paused;
import dev.stride.contracts.event.PlanChanged;
import dev.stride.contracts.event.Resumed;
import dev.stride.contracts.event.RoadmapPublished;
import dev.stride.contracts.event.RoadmapRetired;
import dev.stride.contracts.event.Snoozed;
import dev.stride.contracts.event.StrideEvents;
import dev.stride.contracts.event.SubscriptionActivated;
import dev.stride.contracts.event.Unsubscribed;
import dev.stride.contracts.event.WeekSkipped;
import dev.stride.contracts.event.WeekUnskipped;
import dev.stride.reminder.learning.Posteriors;
import dev.stride.reminder.projection.Projections;
import dev.stride.reminder.projection.RoadmapProjection;
import dev.stride.reminder.projection.SubscriptionProjection;
import dev.stride.reminder.retention.Erasure;
import dev.stride.reminder.scheduling.NudgeScheduler;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;

import java.time.Clock;
import java.time.Instant;
import java.util.UUID;

/**
 * Applies roadmap and subscription events to the projection and keeps the nudge ledger in step. An event id
 * already applied is dropped; state that can arrive out of order (status, plan, milestone progress) takes the
 * newest by event time, and sets (skips, snoozes) are unions, so repeats and reorderings settle the same.
 */
@ApplicationScoped
public class EventApplier {

    /** Thrown for an event that refers to something this service does not know: it goes to the dead-letter topic. */
    public static class UnappliableEventException extends RuntimeException {
        public UnappliableEventException(String message) {
            super(message);
        }
    }

    /** An event for a subscription not seen yet: it waits for the activation ({@link WaitingEvents}). */
    public static class UnknownSubscriptionException extends UnappliableEventException {
        private final UUID subscriptionId;

        public UnknownSubscriptionException(UUID subscriptionId) {
            super("event for unknown subscription " + subscriptionId);
            this.subscriptionId = subscriptionId;
        }

        public UUID subscriptionId() {
            return subscriptionId;
        }
    }

    private final EntityManager em;
    private final Projections projections;
    private final NudgeScheduler scheduler;
    private final WaitingEvents waiting;
    private final Erasure erasure;
    private final Clock clock;
    private final Posteriors posteriors;

    public EventApplier(EntityManager em, Projections projections, NudgeScheduler scheduler, WaitingEvents waiting, Erasure erasure,
                        Clock clock, Posteriors posteriors) {
        this.posteriors = posteriors;
        this.em = em;
        this.projections = projections;
        this.scheduler = scheduler;
        this.waiting = waiting;
        this.erasure = erasure;
        this.clock = clock;
    }

    /** Returns false when the event was applied before. */
    @Transactional
    public boolean apply(EventEnvelope<? extends DomainEvent> envelope) {
        int fresh = em.createNativeQuery("INSERT INTO processed_event (event_id, event_type, processed_at) VALUES (?1, ?2, ?3) ON CONFLICT DO NOTHING")
                .setParameter(1, envelope.eventId()).setParameter(2, envelope.type()).setParameter(3, clock.instant()).executeUpdate();
        if (fresh == 0) {
            return false;
        }
        Instant at = envelope.occurredAt();
        DomainEvent event = envelope.data();
        if (event instanceof LearnerErased erased) {
            erasure.erase(erased.subscriptionIds());
        } else if (erasure.erased(envelope.aggregateId())) {
            // A late event of an erased subscription: applied as nothing.
            return true;
        } else if (event instanceof RoadmapPublished published) {
            roadmapPublished(published, at);
        } else if (event instanceof RoadmapRetired retired) {
            roadmapRetired(retired, at);
        } else if (event instanceof SubscriptionActivated activated) {
            activated(activated, at);
        } else if (event instanceof PlanChanged changed) {
            SubscriptionProjection subscription = require(changed.subscriptionId());
            if (!at.isBefore(subscription.planAt)) {
                subscription.plan = Projections.json(changed.plan());
                // Null in a change written before baselines existed: the plan counts from the start date, as it did then.
                subscription.setBaseline(changed.baseline());
                // Null in a change written before learners could choose: the choices stay as they were.
                Projections.setChoices(subscription, changed.choices());
                subscription.planAt = at;
                scheduler.reschedule(subscription);
            }
        } else if (event instanceof PaceReset reset) {
            SubscriptionProjection subscription = require(reset.subscriptionId());
            if (!at.isBefore(subscription.planAt)) {
                subscription.setBaseline(reset.baseline());
                subscription.planAt = at;
                scheduler.reschedule(subscription);
            }
        } else if (event instanceof MilestoneProgressed progressed) {
            SubscriptionProjection subscription = require(progressed.subscriptionId());
            if (projections.recordProgress(progressed.subscriptionId(), progressed.milestoneId(), progressed.state(), progressed.at(), progressed.on(),
                    progressed.loggedMinutes())) {
                if (subscription.lastProgressAt == null || progressed.at().isAfter(subscription.lastProgressAt)) {
                    subscription.lastProgressAt = progressed.at();
                }
                // Progress ends a back-off at once, and may complete the roadmap: the next nudge is recomputed.
                subscription.idleNudges = 0;
                scheduler.reschedule(subscription);
            }
        } else if (event instanceof WeekSkipped skipped) {
            SubscriptionProjection subscription = require(skipped.subscriptionId());
            projections.skipWeek(skipped.subscriptionId(), skipped.weekStart());
            scheduler.reschedule(subscription);
        } else if (event instanceof WeekUnskipped unskipped) {
            SubscriptionProjection subscription = require(unskipped.subscriptionId());
            projections.unskipWeek(unskipped.subscriptionId(), unskipped.weekStart());
            scheduler.reschedule(subscription);
        } else if (event instanceof Snoozed snoozed) {
            SubscriptionProjection subscription = require(snoozed.subscriptionId());
            projections.addBreak(snoozed.subscriptionId(), "SNOOZE", snoozed.from(), snoozed.until());
            scheduler.reschedule(subscription);
        } else if (event instanceof Paused paused) {
            SubscriptionProjection subscription = require(paused.subscriptionId());
            projections.addBreak(paused.subscriptionId(), "PAUSE", paused.since(), null);
            status(subscription, SubscriptionProjection.Status.PAUSED, at);
        } else if (event instanceof Resumed resumed) {
            SubscriptionProjection subscription = require(resumed.subscriptionId());
            projections.endPause(resumed.subscriptionId(), resumed.on());
            status(subscription, SubscriptionProjection.Status.ACTIVE, at);
        } else if (event instanceof Unsubscribed unsubscribed) {
            status(require(unsubscribed.subscriptionId()), SubscriptionProjection.Status.UNSUBSCRIBED, at);
        } else if (event instanceof NudgeOutcome outcome) {
            // What followed a nudge: its strategy's posterior learns from it (a holdout outcome does not). Per roadmap, so
            // it needs no subscription here.
            posteriors.apply(outcome);
        } else if (event instanceof MeasurementChanged changed) {
            SubscriptionProjection subscription = require(changed.subscriptionId());
            if (subscription.measuredAt == null || !changed.at().isBefore(subscription.measuredAt)) {
                subscription.measured = changed.measured();
                subscription.measuredAt = changed.at();
            }
        } else if (event instanceof LearnerChanged changed) {
            // A new name, language, verified address or digest choice: the next nudge is built with them (nothing to reschedule).
            learner(require(changed.subscriptionId()), changed.learner());
        }
        return true;
    }

    private void roadmapPublished(RoadmapPublished published, Instant at) {
        lockRoadmap(published.roadmapId());
        RoadmapProjection roadmap = projections.roadmap(published.roadmapId()).orElseGet(() -> {
            RoadmapProjection created = new RoadmapProjection();
            created.roadmapId = published.roadmapId();
            created.version = 0;
            return created;
        });
        if (published.version() < roadmap.version) {
            return;
        }
        boolean isNew = roadmap.version == 0;
        roadmap.version = published.version();
        roadmap.title = published.title();
        roadmap.milestones = Projections.json(published.milestones());
        roadmap.habits = published.habits() == null ? null : Projections.json(published.habits());
        roadmap.weeklyMix = published.weeklyMix() == null ? null : Projections.json(published.weeklyMix());
        roadmap.translations = published.translations() == null ? null : Projections.json(published.translations());
        roadmap.updatedAt = at;
        if (isNew) {
            projections.persist(roadmap);
        }
        // Subscriptions that arrived before their roadmap get their first nudge now; a revision changes
        // what remains for everyone on it, so their pending nudges are recomputed.
        projections.subscriptionsOf(roadmap.roadmapId).forEach(subscription -> {
            scheduler.welcome(subscription);
            scheduler.reschedule(subscription);
        });
    }

    private void roadmapRetired(RoadmapRetired retired, Instant at) {
        RoadmapProjection roadmap = projections.roadmap(retired.roadmapId())
                .orElseThrow(() -> new UnappliableEventException("retirement of unknown roadmap " + retired.roadmapId()));
        roadmap.retired = true;
        roadmap.updatedAt = at;
        projections.subscriptionsOf(roadmap.roadmapId).forEach(subscription -> scheduler.cancelPending(subscription.subscriptionId, "retired"));
    }

    /** The roadmap's own topic may not have been read yet: the subscription waits for it (see roadmapPublished). */
    private void activated(SubscriptionActivated activated, Instant at) {
        lockRoadmap(activated.roadmapId());
        SubscriptionProjection subscription = projections.subscription(activated.subscriptionId()).orElse(null);
        boolean isNew = subscription == null;
        if (isNew) {
            subscription = new SubscriptionProjection();
            subscription.subscriptionId = activated.subscriptionId();
            subscription.status = SubscriptionProjection.Status.ACTIVE;
            subscription.statusAt = at;
            subscription.plan = Projections.json(activated.plan());
            subscription.planAt = at;
            Projections.setChoices(subscription, activated.choices());
        }
        learner(subscription, activated.learner());
        subscription.roadmapId = activated.roadmapId();
        subscription.startDate = activated.startDate();
        if (isNew) {
            projections.persist(subscription);
        }
        scheduler.welcome(subscription);
        scheduler.reschedule(subscription);
        // Events that came before the activation (or while it sat in the dead-letter topic) apply now, in their order.
        waiting.release(subscription.subscriptionId).forEach(record -> apply(StrideEvents.CODEC.decode(record)));
    }

    /**
     * A roadmap and a subscription to it arrive on different topics, applied concurrently: this lock makes the
     * second see the first, so a subscription never waits for a roadmap that is already there.
     */
    private void lockRoadmap(String roadmapId) {
        em.createNativeQuery("SELECT pg_advisory_xact_lock(hashtext(?1))").setParameter(1, "roadmap:" + roadmapId).getSingleResult();
    }

    private void status(SubscriptionProjection subscription, SubscriptionProjection.Status status, Instant at) {
        if (subscription.status == SubscriptionProjection.Status.UNSUBSCRIBED || at.isBefore(subscription.statusAt)) {
            return;
        }
        subscription.status = status;
        subscription.statusAt = at;
        scheduler.reschedule(subscription);
    }

    /** Who the nudges go to, in which language, and whether in the learner's weekly digest (null in older events: yes). */
    private static void learner(SubscriptionProjection subscription, Learner learner) {
        subscription.email = learner.email();
        subscription.displayName = learner.displayName();
        subscription.locale = learner.locale();
        subscription.separateEmails = !learner.wantsDigest();
    }

    private SubscriptionProjection require(UUID subscriptionId) {
        return projections.subscription(subscriptionId).orElseThrow(() -> new UnknownSubscriptionException(subscriptionId));
    }
}
