package dev.stride.roadmap.subscription;

import dev.stride.contracts.Topics;
import dev.stride.contracts.event.DomainEvent;
import dev.stride.contracts.event.MilestoneProgressed;
import dev.stride.contracts.event.Paused;
import dev.stride.contracts.event.Resumed;
import dev.stride.contracts.event.Snoozed;
import dev.stride.contracts.event.SubscriptionActivated;
import dev.stride.contracts.event.SubscriptionRequested;
import dev.stride.pacing.ProgressState;
import dev.stride.roadmap.catalog.CatalogService;
import dev.stride.roadmap.catalog.PublishedRoadmap;
import dev.stride.roadmap.catalog.RoadmapDocument;
import dev.stride.roadmap.catalog.RoadmapTexts;
import dev.stride.roadmap.link.Links;
import dev.stride.roadmap.outbox.Outbox;
import dev.stride.roadmap.problem.FieldErrorCode;
import dev.stride.roadmap.problem.Problem;
import dev.stride.roadmap.problem.ProblemException;
import dev.stride.roadmap.subscription.Repositories.PlanBreakRepository;
import dev.stride.roadmap.subscription.Repositories.ProgressRepository;
import dev.stride.roadmap.subscription.Repositories.SubscriptionRepository;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;

import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

/**
 * Subscriptions and everything a learner does with one. Each change and its event are written in one
 * transaction (the outbox), after every input was checked ({@link SubscriptionChecks}): a refused request stores nothing
 * and emits nothing. What a learner sees of one is {@link SubscriptionViews}; unconfirmed ones expire in {@link PendingExpiry}.
 */
@ApplicationScoped
public class SubscriptionService {

    public static final int MAX_SNOOZE_DAYS = 14;

    private final LearnerProfile profile;
    private final NotMe notMe;
    private final SubscriptionRepository subscriptions;
    private final ProgressRepository progress;
    private final PlanBreakRepository breaks;
    private final CatalogService catalog;
    private final Outbox outbox;
    private final Links links;
    private final Leaving leaving;
    private final SubscriptionChecks checks;
    private final SlotClashes clashes;
    private final ProgressRestore restore;
    private final Placement placement;
    private final Clock clock;

    public SubscriptionService(LearnerProfile profile, NotMe notMe, SubscriptionRepository subscriptions, ProgressRepository progress,
                               PlanBreakRepository breaks, CatalogService catalog, Outbox outbox, Links links, SubscriptionChecks checks,
                               Leaving leaving, SlotClashes clashes, ProgressRestore restore, Placement placement, Clock clock) {
        this.profile = profile;
        this.notMe = notMe;
        this.subscriptions = subscriptions;
        this.progress = progress;
        this.breaks = breaks;
        this.catalog = catalog;
        this.outbox = outbox;
        this.links = links;
        this.leaving = leaving;
        this.checks = checks;
        this.clashes = clashes;
        this.restore = restore;
        this.placement = placement;
        this.clock = clock;
    }

    /**
     * A new pending subscription (or the address's pending one, refreshed) and the double opt-in mail through
     * SubscriptionRequested; for an address that already follows the roadmap only a mail saying so, with its manage link;
     * for a suppressed address nothing. The caller cannot tell these apart (no account enumeration): the mail tells the
     * address's owner. Returns the subscription the mail is about, empty for a suppressed address.
     */
    @Transactional
    public Optional<Subscription> subscribe(SubscribeRequest request) {
        SubscriptionChecks.Checked checked = checks.validate(request);
        if (notMe.suppressed(request.email())) {
            return Optional.empty();
        }
        PublishedRoadmap roadmap = checked.roadmap();
        Learner learner = profile.learnerFor(request);
        Optional<Subscription> live = subscriptions.findLive(learner.id, roadmap.id());
        if (live.isPresent() && live.get().status != Subscription.Status.PENDING) {
            Subscription following = live.get();
            emit(following, new SubscriptionRequested(following.id, learnerOf(following), roadmap.id(), roadmap.document().title(),
                    following.plan(), following.startDate, null, null, links.manageUrl(following.id), links.notMeUrl(following.id)));
            return live;
        }
        Subscription subscription = live.orElseGet(() -> newSubscription(learner, request.roadmapId()));
        subscription.roadmapVersion = roadmap.version();
        subscription.setPlan(checked.plan());
        subscription.startDate = checked.startDate();
        subscription.expiresAt = clock.instant().plus(links.validity(dev.stride.contracts.link.LinkPurpose.CONFIRM));
        profile.request(subscription, request);
        subscription.knownPhases = request.knownPhases() == null ? null : request.knownPhases().stream().distinct().toArray(String[]::new);
        subscription.setChoices(request.choices());
        if (live.isEmpty()) {
            subscriptions.persist(subscription);
        }
        emit(subscription, new SubscriptionRequested(subscription.id, learnerOf(subscription), roadmap.id(), roadmap.document().title(),
                checked.plan(), checked.startDate(), links.confirmUrl(subscription.id), subscription.expiresAt,
                links.manageUrl(subscription.id), links.notMeUrl(subscription.id)));
        return Optional.of(subscription);
    }

    /**
     * The double opt-in's second half. Confirming twice is harmless; an expired or ended one cannot come back. Slots that
     * clash with the learner's other running plans are a 409 ({@link SlotClashes}): checked here, where the address's owner
     * acts, not when anyone subscribes an address (that would tell a stranger what the address follows). A roadmap left
     * lately comes back with its progress ({@link ProgressRestore}); the phases the learner said they know start SKIPPED ({@link Placement}).
     */
    @Transactional
    public Subscription confirm(UUID subscriptionId) {
        Subscription subscription = require(subscriptionId);
        switch (subscription.status) {
            case ACTIVE, PAUSED -> {
                return subscription;
            }
            case EXPIRED, UNSUBSCRIBED -> throw new ProblemException(Problem.of(410, "subscription-ended", "Subscription ended",
                    "This subscription " + (subscription.status == Subscription.Status.EXPIRED ? "was not confirmed in time" : "was cancelled")
                            + ". Subscribe again from the roadmap's page: " + links.roadmapUrl(subscription.roadmapId)));
            default -> {
            }
        }
        if (!clock.instant().isBefore(subscription.expiresAt)) {
            subscription.expire(clock.instant());
            throw new ProblemException(Problem.of(410, "confirmation-expired", "Confirmation expired",
                    "This subscription was not confirmed in time. Subscribe again from " + links.roadmapUrl(subscription.roadmapId)));
        }
        clashes.check(subscription.learner, subscription.id, subscription.plan(), "plan.");
        subscription.status = Subscription.Status.ACTIVE;
        subscription.confirmedAt = clock.instant();
        subscription.expiresAt = null;
        profile.confirmed(subscription);
        emit(subscription, new SubscriptionActivated(subscription.id, learnerOf(subscription), subscription.roadmapId,
                subscription.roadmapVersion, subscription.plan(), subscription.startDate, subscription.confirmedAt, subscription.choices()));
        restore.restore(subscription);
        placement.apply(subscription);
        return subscription;
    }

    @Transactional
    public Subscription progress(UUID subscriptionId, String milestoneId, ProgressState state) {
        Subscription subscription = requireFollowing(subscriptionId);
        if (state == null) {
            throw ProblemException.invalid("state", FieldErrorCode.STATE_ONE_OF);
        }
        MilestoneProgress row = progressRow(subscription, milestoneId);
        if (row.state == state) {
            return subscription;
        }
        changed(subscription, row, state);
        emit(subscription, new MilestoneProgressed(subscriptionId, milestoneId, state, row.updatedOn, row.updatedAt, row.loggedMinutes));
        return subscription;
    }

    /** The learner's row for one milestone of the roadmap they follow, a new (unsaved, stateless) one if there is none yet. */
    MilestoneProgress progressRow(Subscription subscription, String milestoneId) {
        RoadmapDocument roadmap = currentRoadmap(subscription);
        if (roadmap.milestones().stream().noneMatch(m -> m.id().equals(milestoneId))) {
            throw ProblemException.invalid("milestoneId", FieldErrorCode.MILESTONE_UNKNOWN,
                    Map.of("milestone", String.valueOf(milestoneId), "roadmap", RoadmapTexts.worded(roadmap, "title", roadmap.title())));
        }
        return progress.findByIdOptional(new MilestoneProgress.Key(subscription.id, milestoneId)).orElseGet(() -> {
            MilestoneProgress created = new MilestoneProgress();
            created.key = new MilestoneProgress.Key(subscription.id, milestoneId);
            return created;
        });
    }

    /** Stores the row's new state (stamped now, on the learner's date); the caller emits the event. */
    void changed(Subscription subscription, MilestoneProgress row, ProgressState state) {
        boolean isNew = row.state == null;
        row.state = state;
        row.updatedAt = clock.instant();
        row.updatedOn = today(subscription.zoneId());
        if (isNew) {
            progress.persist(row);
        }
    }

    @Transactional
    public Subscription snooze(UUID subscriptionId, int days) {
        Subscription subscription = requireFollowing(subscriptionId);
        if (days < 1 || days > MAX_SNOOZE_DAYS) {
            throw ProblemException.invalid("days", FieldErrorCode.FROM_ONE_TO, Map.of("max", MAX_SNOOZE_DAYS));
        }
        LocalDate from = today(subscription.zoneId());
        PlanBreak snooze = new PlanBreak();
        snooze.subscriptionId = subscriptionId;
        snooze.kind = PlanBreak.Kind.SNOOZE;
        snooze.startsOn = from;
        snooze.endsBefore = from.plusDays(days);
        breaks.persist(snooze);
        emit(subscription, new Snoozed(subscriptionId, from, snooze.endsBefore, days));
        return subscription;
    }

    @Transactional
    public Subscription pause(UUID subscriptionId) {
        Subscription subscription = requireFollowing(subscriptionId);
        if (subscription.status == Subscription.Status.PAUSED) {
            return subscription;
        }
        PlanBreak pause = new PlanBreak();
        pause.subscriptionId = subscriptionId;
        pause.kind = PlanBreak.Kind.PAUSE;
        pause.startsOn = today(subscription.zoneId());
        breaks.persist(pause);
        subscription.status = Subscription.Status.PAUSED;
        subscription.pausedAt = clock.instant();
        emit(subscription, new Paused(subscriptionId, pause.startsOn));
        return subscription;
    }

    @Transactional
    public Subscription resume(UUID subscriptionId) {
        Subscription subscription = requireFollowing(subscriptionId);
        if (subscription.status != Subscription.Status.PAUSED) {
            return subscription;
        }
        LocalDate today = today(subscription.zoneId());
        breaks.openPause(subscriptionId).ifPresent(pause -> pause.endsBefore = today.isAfter(pause.startsOn) ? today : pause.startsOn);
        subscription.status = Subscription.Status.ACTIVE;
        subscription.pausedAt = null;
        emit(subscription, new Resumed(subscriptionId, today));
        return subscription;
    }

    /** Ends the subscription for good ({@link Leaving}): one goodbye email follows, nothing after it. Unsubscribing twice changes nothing. */
    @Transactional
    public Subscription unsubscribe(UUID subscriptionId) {
        Subscription subscription = require(subscriptionId);
        leaving.end(subscription, null);
        return subscription;
    }

    /** The learner's subscriptions that have not ended, pending ones included. */
    @Transactional
    public List<Subscription> liveOf(UUID learnerId) {
        return subscriptions.liveOf(learnerId);
    }

    /** "Stop all Stride email": this subscription and every other live one of its learner end ({@link Leaving#endAll}). */
    @Transactional
    public List<Subscription> unsubscribeAll(UUID subscriptionId) {
        return leaving.endAll(require(subscriptionId));
    }

    @Transactional
    public Subscription require(UUID subscriptionId) {
        return subscriptions.findByIdOptional(subscriptionId)
                .orElseThrow(() -> ProblemException.notFound("Subscription " + subscriptionId));
    }

    /** Progress and plan changes need a confirmed, not cancelled subscription. */
    Subscription requireFollowing(UUID subscriptionId) {
        Subscription subscription = require(subscriptionId);
        if (subscription.status != Subscription.Status.ACTIVE && subscription.status != Subscription.Status.PAUSED) {
            throw ProblemException.conflict("subscription-not-active", switch (subscription.status) {
                case PENDING -> "This subscription is not confirmed yet: use the link in the confirmation email first.";
                default -> "This subscription has ended; subscribe again from " + links.roadmapUrl(subscription.roadmapId) + ".";
            });
        }
        return subscription;
    }

    /** The roadmap a subscription follows, as published now. */
    RoadmapDocument currentRoadmap(Subscription subscription) {
        return catalog.find(subscription.roadmapId).map(r -> r.document())
                .orElseThrow(() -> new IllegalStateException("subscription " + subscription.id + " follows a missing roadmap"));
    }

    void emit(Subscription subscription, DomainEvent event) {
        outbox.add(Topics.SUBSCRIPTION_EVENTS, subscription.id.toString(), event);
    }

    private Subscription newSubscription(Learner learner, String roadmapId) {
        Subscription subscription = new Subscription();
        subscription.id = UUID.randomUUID();
        subscription.learner = learner;
        subscription.roadmapId = roadmapId;
        subscription.status = Subscription.Status.PENDING;
        subscription.createdAt = clock.instant();
        return subscription;
    }

    /** While a request is pending its events name the learner's own name (none for a new one) in the requested language. */
    static dev.stride.contracts.event.Learner learnerOf(Subscription subscription) {
        return subscription.learner.asEvent(LearnerProfile.localeOf(subscription));
    }

    private LocalDate today(ZoneId zone) {
        return LocalDate.now(clock.withZone(zone));
    }
}
