package dev.stride.roadmap.subscription;

import dev.stride.contracts.Topics;
import dev.stride.contracts.event.MilestoneProgressed;
import dev.stride.pacing.ProgressState;
import dev.stride.roadmap.catalog.CatalogService;
import dev.stride.roadmap.catalog.RoadmapDocument;
import dev.stride.roadmap.catalog.RoadmapTexts;
import dev.stride.roadmap.outbox.Outbox;
import dev.stride.roadmap.problem.FieldError;
import dev.stride.roadmap.problem.FieldErrorCode;
import dev.stride.roadmap.subscription.Repositories.ProgressRepository;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;

import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Placement at subscribe: "I already know …" per phase. A phase may be marked known only together with every phase holding a
 * milestone it requires (so no milestone is skipped while what it builds on is still to do). At confirmation the milestones
 * of the known phases become SKIPPED, each with a {@link MilestoneProgressed}, unless progress was restored for them.
 */
@ApplicationScoped
public class Placement {

    private final ProgressRepository progress;
    private final CatalogService catalog;
    private final Outbox outbox;
    private final Clock clock;

    public Placement(ProgressRepository progress, CatalogService catalog, Outbox outbox, Clock clock) {
        this.progress = progress;
        this.catalog = catalog;
        this.outbox = outbox;
        this.clock = clock;
    }

    /** What is wrong with the known phases for this roadmap, each named {@code knownPhases[i]}; empty when they hold. */
    public static List<FieldError> errors(RoadmapDocument document, List<String> knownPhases) {
        if (knownPhases == null || knownPhases.isEmpty()) {
            return List.of();
        }
        Map<String, RoadmapDocument.Phase> phases = new HashMap<>();
        Map<String, RoadmapDocument.Phase> phaseOf = new HashMap<>();
        Map<String, String> titles = new HashMap<>();
        for (RoadmapDocument.Phase phase : document.phases()) {
            phases.put(phase.id(), phase);
            for (RoadmapDocument.Milestone m : milestones(phase)) {
                phaseOf.put(m.id(), phase);
                titles.put(m.id(), m.title());
            }
        }
        Set<String> known = new HashSet<>(knownPhases);
        List<FieldError> errors = new ArrayList<>();
        for (int i = 0; i < knownPhases.size(); i++) {
            String field = "knownPhases[" + i + "]";
            RoadmapDocument.Phase phase = phases.get(knownPhases.get(i));
            if (phase == null) {
                errors.add(FieldError.of(field, FieldErrorCode.PHASE_UNKNOWN,
                        Map.of("phase", knownPhases.get(i), "roadmap", RoadmapTexts.worded(document, "title", document.title()))));
                continue;
            }
            for (RoadmapDocument.Milestone m : milestones(phase)) {
                for (String required : m.requires() == null ? List.<String>of() : m.requires()) {
                    RoadmapDocument.Phase before = phaseOf.get(required);
                    if (before != null && !known.contains(before.id())) {
                        errors.add(FieldError.of(field, FieldErrorCode.PHASE_NEEDS, Map.of(
                                "phase", RoadmapTexts.worded(document, "phase." + phase.id() + ".title", phase.title()),
                                "milestone", RoadmapTexts.worded(document, "milestone." + required + ".title", titles.get(required)),
                                "before", RoadmapTexts.worded(document, "phase." + before.id() + ".title", before.title()))));
                    }
                }
            }
        }
        return errors.stream().distinct().toList();
    }

    /** Marks the milestones of the subscription's known phases SKIPPED where it has no progress yet; the number marked. */
    @Transactional(Transactional.TxType.MANDATORY)
    public int apply(Subscription confirmed) {
        if (confirmed.knownPhases == null || confirmed.knownPhases.length == 0) {
            return 0;
        }
        Set<String> known = Set.of(confirmed.knownPhases);
        RoadmapDocument document = catalog.document(confirmed.roadmapId, confirmed.roadmapVersion).orElseThrow();
        LocalDate today = LocalDate.now(clock.withZone(confirmed.zoneId()));
        int marked = 0;
        for (RoadmapDocument.Phase phase : document.phases()) {
            if (!known.contains(phase.id())) {
                continue;
            }
            for (RoadmapDocument.Milestone m : milestones(phase)) {
                MilestoneProgress.Key key = new MilestoneProgress.Key(confirmed.id, m.id());
                if (progress.findByIdOptional(key).isPresent()) {
                    continue;
                }
                MilestoneProgress row = new MilestoneProgress();
                row.key = key;
                row.state = ProgressState.SKIPPED;
                row.updatedAt = clock.instant();
                row.updatedOn = today;
                progress.persist(row);
                outbox.add(Topics.SUBSCRIPTION_EVENTS, confirmed.id.toString(),
                        new MilestoneProgressed(confirmed.id, m.id(), row.state, row.updatedOn, row.updatedAt, null));
                marked++;
            }
        }
        return marked;
    }

    private static List<RoadmapDocument.Milestone> milestones(RoadmapDocument.Phase phase) {
        return phase.milestones() == null ? List.of() : phase.milestones();
    }
}
