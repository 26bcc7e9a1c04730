package dev.stride.roadmap.catalog;

import dev.stride.contracts.Topics;
import dev.stride.contracts.event.RoadmapPublished;
import dev.stride.contracts.event.RoadmapRetired;
import dev.stride.roadmap.outbox.Outbox;
import dev.stride.roadmap.problem.FieldError;
import dev.stride.roadmap.problem.FieldErrorCode;
import dev.stride.roadmap.problem.ProblemException;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;

import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/** Roadmaps and their versions: publishing, retiring, reading. Every change emits its event through the outbox. */
@ApplicationScoped
public class CatalogService {

    private final RoadmapRepository roadmaps;
    private final RoadmapVersionRepository versions;
    private final Outbox outbox;
    private final Clock clock;
    // Versions never change once published, so their parsed documents can be kept.
    private final Map<RoadmapVersion.Key, RoadmapDocument> documents = new ConcurrentHashMap<>();

    public CatalogService(RoadmapRepository roadmaps, RoadmapVersionRepository versions, Outbox outbox, Clock clock) {
        this.roadmaps = roadmaps;
        this.versions = versions;
        this.outbox = outbox;
        this.clock = clock;
    }

    @Transactional
    public List<PublishedRoadmap> published() {
        return roadmaps.published().stream().map(this::current).toList();
    }

    @Transactional
    public List<PublishedRoadmap> all() {
        return roadmaps.listAll(io.quarkus.panache.common.Sort.by("id")).stream().map(this::current).toList();
    }

    @Transactional
    public Optional<PublishedRoadmap> find(String id) {
        return roadmaps.findByIdOptional(id).map(this::current);
    }

    /** A roadmap a learner can subscribe to now: it exists and is not retired. */
    @Transactional
    public PublishedRoadmap requirePublished(String id, String field) {
        PublishedRoadmap roadmap = find(id).orElseThrow(() -> ProblemException.invalid(field, "no roadmap '" + id + "' exists"));
        if (roadmap.retired()) {
            throw ProblemException.invalid(field, "roadmap '" + id + "' is retired and takes no new learners");
        }
        return roadmap;
    }

    /** A specific version's document (subscriptions keep the version they follow). */
    public Optional<RoadmapDocument> document(String id, int version) {
        RoadmapVersion.Key key = new RoadmapVersion.Key(id, version);
        RoadmapDocument cached = documents.get(key);
        if (cached != null) {
            return Optional.of(cached);
        }
        return versions.find(id, version).map(row -> documents.computeIfAbsent(key, k -> RoadmapJson.fromJson(row.document)));
    }

    @Transactional
    public PublishedRoadmap create(RoadmapDocument document) {
        requireValid(document);
        if (roadmaps.findByIdOptional(document.id()).isPresent()) {
            throw ProblemException.conflict("roadmap-exists", "A roadmap with id '" + document.id() + "' exists; publish a new version of it instead.");
        }
        return insert(document.withVersion(1), false);
    }

    /** A new version: milestones added, removed, reordered or re-estimated. Kept milestone ids keep their progress. */
    @Transactional
    public PublishedRoadmap publish(String id, RoadmapDocument document) {
        if (document.id() != null && !document.id().equals(id)) {
            throw ProblemException.invalidRoadmap(List.of(FieldError.of("id", FieldErrorCode.ID_OF_REVISED, Map.of("id", id))));
        }
        RoadmapDocument revised = document.withId(id);
        requireValid(revised);
        Roadmap roadmap = roadmaps.findForUpdate(id).orElseThrow(() -> ProblemException.notFound("Roadmap '" + id + "'"));
        if (roadmap.status == Roadmap.Status.RETIRED) {
            throw ProblemException.conflict("roadmap-retired", "Roadmap '" + id + "' is retired; it takes no new versions.");
        }
        return addVersion(roadmap, revised.withVersion(roadmap.currentVersion + 1));
    }

    @Transactional
    public PublishedRoadmap retire(String id) {
        Roadmap roadmap = roadmaps.findForUpdate(id).orElseThrow(() -> ProblemException.notFound("Roadmap '" + id + "'"));
        if (roadmap.status != Roadmap.Status.RETIRED) {
            roadmap.status = Roadmap.Status.RETIRED;
            roadmap.retiredAt = clock.instant();
            roadmap.updatedAt = roadmap.retiredAt;
            outbox.add(Topics.ROADMAP_EVENTS, id, new RoadmapRetired(id, roadmap.currentVersion));
        }
        return current(roadmap);
    }

    /**
     * Imports a bundled roadmap idempotently: a new one is published, a higher version is published on top,
     * the same or a lower version changes nothing. A retired roadmap stays retired.
     */
    @Transactional
    public ImportResult importBundled(RoadmapDocument document) {
        // Bundled roadmaps may suggest each other in any load order: BundledRoadmaps checks next once all are in.
        List<FieldError> errors = RoadmapValidator.validate(document);
        if (!errors.isEmpty()) {
            throw ProblemException.invalidRoadmap(errors);
        }
        Optional<Roadmap> existing = roadmaps.findForUpdate(document.id());
        if (existing.isEmpty()) {
            insert(document, true);
            return ImportResult.CREATED;
        }
        Roadmap roadmap = existing.get();
        if (roadmap.status == Roadmap.Status.RETIRED || document.version() <= roadmap.currentVersion) {
            return ImportResult.UNCHANGED;
        }
        addVersion(roadmap, document);
        return ImportResult.NEW_VERSION;
    }

    public enum ImportResult { CREATED, NEW_VERSION, UNCHANGED }

    private PublishedRoadmap insert(RoadmapDocument document, boolean bundled) {
        Roadmap roadmap = new Roadmap();
        roadmap.id = document.id();
        roadmap.status = Roadmap.Status.PUBLISHED;
        roadmap.bundled = bundled;
        roadmap.createdAt = clock.instant();
        roadmap.updatedAt = roadmap.createdAt;
        roadmap.currentVersion = 0;
        roadmaps.persist(roadmap);
        return addVersion(roadmap, document);
    }

    private PublishedRoadmap addVersion(Roadmap roadmap, RoadmapDocument document) {
        RoadmapVersion version = new RoadmapVersion();
        version.key = new RoadmapVersion.Key(roadmap.id, document.version());
        version.document = RoadmapJson.toJson(document);
        version.contentHash = RoadmapJson.contentHash(document);
        version.publishedAt = clock.instant();
        versions.persist(version);
        roadmap.currentVersion = document.version();
        roadmap.updatedAt = version.publishedAt;
        documents.put(version.key, document);
        outbox.add(Topics.ROADMAP_EVENTS, roadmap.id, publishedEvent(document));
        return new PublishedRoadmap(roadmap.id, roadmap.currentVersion, roadmap.status, document);
    }

    private PublishedRoadmap current(Roadmap roadmap) {
        RoadmapDocument document = document(roadmap.id, roadmap.currentVersion)
                .orElseThrow(() -> new IllegalStateException("roadmap " + roadmap.id + " lost version " + roadmap.currentVersion));
        return new PublishedRoadmap(roadmap.id, roadmap.currentVersion, roadmap.status, document);
    }

    /** Everything publishing would refuse in a document: the format's rules and, in {@code next}, roadmaps the catalog lacks. */
    @Transactional
    public List<FieldError> check(RoadmapDocument document) {
        List<FieldError> errors = new ArrayList<>(RoadmapValidator.validate(document));
        errors.addAll(unknownNext(document, Set.of()));
        return errors;
    }

    /**
     * The {@code next} entries naming no roadmap here, or a retired one (it takes no new learners); ids in
     * {@code alsoKnown} count as present (bundled roadmaps being imported together).
     */
    @Transactional
    public List<FieldError> unknownNext(RoadmapDocument document, Set<String> alsoKnown) {
        List<FieldError> errors = new ArrayList<>();
        for (int i = 0; document.next() != null && i < document.next().size(); i++) {
            String next = document.next().get(i);
            if (!FieldChecks.isSlug(next) || next.equals(document.id()) || alsoKnown.contains(next)) {
                continue;
            }
            Optional<Roadmap> found = roadmaps.findByIdOptional(next);
            if (found.isEmpty()) {
                errors.add(FieldError.of("next[" + i + "]", FieldErrorCode.ROADMAP_UNKNOWN, Map.of("id", String.valueOf(next))));
            } else if (found.get().status == Roadmap.Status.RETIRED) {
                errors.add(FieldError.of("next[" + i + "]", FieldErrorCode.ROADMAP_RETIRED, Map.of("id", String.valueOf(next))));
            }
        }
        return errors;
    }

    private void requireValid(RoadmapDocument document) {
        List<FieldError> errors = check(document);
        if (!errors.isEmpty()) {
            throw ProblemException.invalidRoadmap(errors);
        }
    }

    static RoadmapPublished publishedEvent(RoadmapDocument document) {
        List<RoadmapPublished.Milestone> milestones = document.phases().stream()
                .flatMap(phase -> phase.milestones().stream().map(milestone -> new RoadmapPublished.Milestone(
                        milestone.id(), milestone.title(), milestone.description(), phase.id(), phase.title(),
                        milestone.kind().toLowerCase(Locale.ROOT), milestone.hours(), milestone.doneWhen(),
                        milestone.steps() == null ? List.of() : milestone.steps(),
                        milestone.resources() == null ? List.of() : milestone.resources().stream()
                                .map(resource -> new RoadmapPublished.Resource(resource.title(), resource.url(), resource.type())).toList(),
                        milestone.optional(), milestone.chooseOne(), milestone.recommended(),
                        milestone.requires() == null ? List.of() : milestone.requires())))
                .toList();
        List<RoadmapPublished.Habit> habits = document.phases().stream()
                .flatMap(phase -> phase.habits() == null ? java.util.stream.Stream.empty() : phase.habits().stream()
                        .map(habit -> new RoadmapPublished.Habit(habit.id(), habit.title(), phase.id(), habit.minutesPerWeek())))
                .toList();
        return new RoadmapPublished(document.id(), document.version(), document.title(), document.summary(), document.durationMonths(),
                document.suggestedWeeklyHours().min(), document.suggestedWeeklyHours().max(), milestones, habits, document.weeklyMix(),
                document.translations());
    }
}
