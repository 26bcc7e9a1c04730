package dev.stride.roadmap.subscription;

import dev.stride.pacing.ProgressState;
import dev.stride.roadmap.catalog.RoadmapDocument;
import dev.stride.roadmap.problem.FieldError;
import dev.stride.roadmap.problem.FieldErrorCode;
import dev.stride.roadmap.problem.ProblemException;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;

/**
 * The whole checklist in one go (the manage page's one form): each milestone's state and minutes studied on it, applied in
 * one transaction through the very actions a single milestone takes ({@link SubscriptionService#progress},
 * {@link PaceChanges#logMinutes}), so the events are the same. Every entry is checked before anything is written: bad input
 * is one 400 naming each field ({@code state.<milestoneId>}, {@code minutes.<milestoneId>}), and nothing changes.
 * <p>
 * A milestone marked done before what it {@code requires} is allowed: the checklist records what the learner did, and they
 * may have learnt the prerequisite elsewhere. The answer names those milestones ({@link #unmet}) so the page can say so.
 */
@ApplicationScoped
public class Checklist {

    /** One row of the form as sent: the state (blank: unchanged) and minutes to add (blank: none). */
    public record Entry(String milestoneId, String state, String minutes) {
    }

    private final SubscriptionService subscriptions;
    private final PaceChanges pace;
    private final Repositories.ProgressRepository progress;

    public Checklist(SubscriptionService subscriptions, PaceChanges pace, Repositories.ProgressRepository progress) {
        this.subscriptions = subscriptions;
        this.pace = pace;
        this.progress = progress;
    }

    /** Applies every entry, or none; returns the milestones now done whose prerequisites are not (ids, in the roadmap's order). */
    @Transactional
    public List<String> apply(UUID subscriptionId, List<Entry> entries) {
        Subscription subscription = subscriptions.requireFollowing(subscriptionId);
        RoadmapDocument roadmap = subscriptions.currentRoadmap(subscription);
        Map<String, ProgressState> before = states(subscription, roadmap);
        List<FieldError> errors = new ArrayList<>();
        Map<String, ProgressState> changed = new HashMap<>();
        Map<String, Integer> minutes = new HashMap<>();
        Set<String> seen = new LinkedHashSet<>();
        for (Entry entry : entries) {
            String id = entry.milestoneId();
            if (!before.containsKey(id)) {
                errors.add(FieldError.of("state." + id, FieldErrorCode.MILESTONE_UNKNOWN, Map.of("milestone", id, "roadmap", roadmap.title())));
                continue;
            }
            if (!seen.add(id)) {
                errors.add(FieldError.of("state." + id, FieldErrorCode.LISTED_TWICE, Map.of("value", id)));
                continue;
            }
            ProgressState state = parseState(entry.state(), "state." + id, errors);
            if (state != null && state != before.get(id)) {
                changed.put(id, state);
            }
            Integer added = parseMinutes(entry.minutes(), "minutes." + id, errors);
            if (added != null) {
                if (before.get(id) == ProgressState.DONE || before.get(id) == ProgressState.SKIPPED) {
                    errors.add(FieldError.of("minutes." + id, FieldErrorCode.MINUTES_NOT_OPEN));
                } else {
                    minutes.put(id, added);
                }
            }
        }
        if (!errors.isEmpty()) {
            throw ProblemException.invalid(errors);
        }
        for (RoadmapDocument.Milestone m : roadmap.milestones()) {
            if (minutes.containsKey(m.id())) {
                pace.logMinutes(subscriptionId, m.id(), minutes.get(m.id()));
            }
            if (changed.containsKey(m.id())) {
                subscriptions.progress(subscriptionId, m.id(), changed.get(m.id()));
            }
        }
        Map<String, ProgressState> after = new HashMap<>(before);
        after.putAll(changed);
        return unmet(roadmap, after, changed.keySet());
    }

    /**
     * Of {@code milestoneIds}, those done while a milestone they require is neither done nor skipped (skipped counts: placement
     * skips what the learner already knows).
     */
    public static List<String> unmet(RoadmapDocument roadmap, Map<String, ProgressState> states, Set<String> milestoneIds) {
        return roadmap.milestones().stream()
                .filter(m -> milestoneIds.contains(m.id()) && states.get(m.id()) == ProgressState.DONE)
                .filter(m -> !openRequirements(m, states).isEmpty())
                .map(RoadmapDocument.Milestone::id).toList();
    }

    /** What {@code milestone} requires that is neither done nor skipped (a state missing from {@code states}: to do). */
    public static List<String> openRequirements(RoadmapDocument.Milestone milestone, Map<String, ProgressState> states) {
        return milestone.requires() == null ? List.of() : milestone.requires().stream()
                .filter(required -> {
                    ProgressState state = states.getOrDefault(required, ProgressState.TODO);
                    return state != ProgressState.DONE && state != ProgressState.SKIPPED;
                }).toList();
    }

    private Map<String, ProgressState> states(Subscription subscription, RoadmapDocument roadmap) {
        Map<String, ProgressState> stored = progress.of(subscription.id).stream()
                .collect(Collectors.toMap(row -> row.key.milestoneId(), row -> row.state));
        return roadmap.milestones().stream().collect(Collectors.toMap(RoadmapDocument.Milestone::id,
                m -> stored.getOrDefault(m.id(), ProgressState.TODO), (a, b) -> a, java.util.LinkedHashMap::new));
    }

    private static ProgressState parseState(String value, String field, List<FieldError> errors) {
        if (value == null || value.isBlank()) {
            return null;
        }
        return parse(() -> ProgressState.valueOf(value.strip()), FieldError.of(field, FieldErrorCode.STATE_ONE_OF), errors);
    }

    private static Integer parseMinutes(String value, String field, List<FieldError> errors) {
        if (value == null || value.isBlank()) {
            return null;
        }
        FieldError error = FieldError.of(field, FieldErrorCode.LOGGED_MINUTES, Map.of("max", PaceChanges.MAX_LOGGED_MINUTES));
        Integer minutes = parse(() -> Integer.valueOf(value.strip()), error, errors);
        if (minutes != null && (minutes < 1 || minutes > PaceChanges.MAX_LOGGED_MINUTES)) {
            errors.add(error);
            return null;
        }
        return minutes;
    }

    private static <T> T parse(java.util.function.Supplier<T> parser, FieldError error, List<FieldError> errors) {
        try {
            return parser.get();
        } catch (IllegalArgumentException e) {
            errors.add(error);
            return null;
        }
    }
}
