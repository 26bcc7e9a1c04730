package dev.stride.roadmap.subscription;

import dev.stride.pacing.StudySlot;
import dev.stride.pacing.WeeklyPlan;
import dev.stride.roadmap.catalog.CatalogService;
import dev.stride.roadmap.catalog.RoadmapTexts;
import dev.stride.roadmap.problem.FieldError;
import dev.stride.roadmap.problem.FieldErrorCode;
import dev.stride.roadmap.problem.Problem;
import dev.stride.roadmap.problem.ProblemException;
import dev.stride.roadmap.problem.Worded;
import dev.stride.roadmap.subscription.Repositories.SubscriptionRepository;
import jakarta.enterprise.context.ApplicationScoped;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * A learner studies one thing at a time: a plan's study slots may not overlap the slots of the learner's other running
 * (active or paused) subscriptions. Plans may be in different zones, so slots are compared as instants in the current
 * week (a week either side of the other plan's, for slots across midnight and zones). A clash is a 409 naming each slot.
 */
@ApplicationScoped
public class SlotClashes {

    private final SubscriptionRepository subscriptions;
    private final CatalogService catalog;
    private final Clock clock;

    public SlotClashes(SubscriptionRepository subscriptions, CatalogService catalog, Clock clock) {
        this.subscriptions = subscriptions;
        this.catalog = catalog;
        this.clock = clock;
    }

    /**
     * Throws a 409 problem when a slot of {@code plan} (for subscription {@code self}) overlaps a slot of another running
     * subscription of {@code learner}; fields are {@code <prefix>slots[i]}, as the request names them.
     */
    public void check(Learner learner, UUID self, WeeklyPlan plan, String prefix) {
        List<FieldError> errors = new ArrayList<>();
        for (Subscription other : subscriptions.followedBy(learner.id)) {
            if (other.id.equals(self)) {
                continue;
            }
            WeeklyPlan theirs = other.plan();
            for (int i = 0; i < plan.slots().size(); i++) {
                StudySlot slot = plan.slots().get(i);
                for (StudySlot their : theirs.slots()) {
                    if (overlap(slot, plan.zone(), their, theirs.zone())) {
                        errors.add(FieldError.of(prefix + "slots[" + i + "]", FieldErrorCode.SLOT_CLASHES, Map.of("day", their.day(), "time", their.start(),
                                "minutes", their.minutes(), "zone", theirs.zone().getId(), "roadmap", title(other))));
                    }
                }
            }
        }
        if (!errors.isEmpty()) {
            throw new ProblemException(Problem.conflict("slot-clash", "Study slots clash",
                    "You cannot study two roadmaps at the same time: move the slots named below, or change your other plan first.", errors));
        }
    }

    private boolean overlap(StudySlot slot, ZoneId zone, StudySlot their, ZoneId theirZone) {
        Instant start = start(slot, zone, 0);
        Instant end = start.plusSeconds(slot.minutes() * 60L);
        for (int week = -1; week <= 1; week++) {
            Instant theirStart = start(their, theirZone, week);
            if (theirStart.isBefore(end) && start.isBefore(theirStart.plusSeconds(their.minutes() * 60L))) {
                return true;
            }
        }
        return false;
    }

    /** The slot's occurrence in the current week of its zone, shifted by {@code weeks}, resolved for its own date. */
    private Instant start(StudySlot slot, ZoneId zone, int weeks) {
        LocalDate monday = SkippedWeeks.mondayOf(LocalDate.now(clock.withZone(zone))).plusWeeks(weeks);
        return ZonedDateTime.of(slot.dateIn(monday), slot.start(), zone).toInstant();
    }

    private Worded title(Subscription subscription) {
        return catalog.document(subscription.roadmapId, subscription.roadmapVersion).map(doc -> RoadmapTexts.worded(doc, "title", doc.title()))
                .orElse(new Worded(subscription.roadmapId, Map.of()));
    }
}
