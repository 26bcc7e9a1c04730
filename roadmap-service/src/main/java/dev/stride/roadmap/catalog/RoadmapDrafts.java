package dev.stride.roadmap.catalog;

import dev.stride.roadmap.problem.FieldError;
import dev.stride.roadmap.problem.FieldErrorCode;
import dev.stride.roadmap.problem.ProblemException;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;

import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Authoring in steps: a draft is saved as written, even while it breaks the format's rules (work in progress; its
 * errors are shown with it), previewed, and published as the roadmap's next version (or as version 1 of a new
 * roadmap) under the same rules as a direct publish — which then deletes the draft.
 */
@ApplicationScoped
public class RoadmapDrafts {

    /** A draft as saved, with what publishing it would refuse now ({@code errors} empty: it would publish). */
    public record Draft(String roadmapId, Instant savedAt, String savedBy, Integer publishedVersion, RoadmapDocument document,
                        List<FieldError> errors) {
    }

    private final RoadmapDraftRepository drafts;
    private final CatalogService catalog;
    private final Clock clock;

    public RoadmapDrafts(RoadmapDraftRepository drafts, CatalogService catalog, Clock clock) {
        this.drafts = drafts;
        this.catalog = catalog;
        this.clock = clock;
    }

    @Transactional
    public Draft save(String roadmapId, RoadmapDocument document, String operator) {
        requireId(roadmapId);
        if (document.id() != null && !document.id().equals(roadmapId)) {
            throw ProblemException.invalidRoadmap(List.of(FieldError.of("id", FieldErrorCode.ID_OF_DRAFT, Map.of("id", roadmapId))));
        }
        RoadmapDraft draft = new RoadmapDraft();
        draft.roadmapId = roadmapId;
        draft.document = RoadmapJson.toJson(document.withId(roadmapId));
        draft.savedAt = clock.instant();
        draft.savedBy = operator;
        // One statement, so two operators saving the first draft of an id at once cannot collide on the key.
        drafts.getEntityManager().createNativeQuery("""
                        INSERT INTO roadmap_draft (roadmap_id, document, saved_at, saved_by) VALUES (?1, ?2, ?3, ?4)
                        ON CONFLICT (roadmap_id) DO UPDATE SET document = EXCLUDED.document, saved_at = EXCLUDED.saved_at,
                            saved_by = EXCLUDED.saved_by""")
                .setParameter(1, draft.roadmapId).setParameter(2, draft.document).setParameter(3, draft.savedAt)
                .setParameter(4, draft.savedBy).executeUpdate();
        return view(draft);
    }

    /** Every saved draft, by roadmap id, each with what publishing it would refuse. */
    @Transactional
    public List<Draft> list() {
        return drafts.listAll(io.quarkus.panache.common.Sort.by("roadmapId")).stream().map(this::view).toList();
    }

    @Transactional
    public Optional<Draft> find(String roadmapId) {
        return drafts.findByIdOptional(roadmapId).map(this::view);
    }

    /** The draft's roadmap as its page would show it, numbered as the version publishing would make it. */
    @Transactional
    public Optional<PublishedRoadmap> asPage(String roadmapId) {
        return drafts.findByIdOptional(roadmapId).map(draft -> {
            int version = catalog.find(roadmapId).map(PublishedRoadmap::version).orElse(0) + 1;
            return new PublishedRoadmap(roadmapId, version, Roadmap.Status.DRAFT, RoadmapJson.fromJson(draft.document).withVersion(version));
        });
    }

    @Transactional
    public PublishedRoadmap publish(String roadmapId) {
        RoadmapDraft draft = drafts.findForUpdate(roadmapId).orElseThrow(() -> ProblemException.notFound("A draft of roadmap '" + roadmapId + "'"));
        RoadmapDocument document = RoadmapJson.fromJson(draft.document);
        PublishedRoadmap published = catalog.find(roadmapId).isPresent() ? catalog.publish(roadmapId, document) : catalog.create(document);
        drafts.delete(draft);
        return published;
    }

    @Transactional
    public boolean delete(String roadmapId) {
        return drafts.deleteById(roadmapId);
    }

    private Draft view(RoadmapDraft draft) {
        RoadmapDocument document = RoadmapJson.fromJson(draft.document);
        Integer published = catalog.find(draft.roadmapId).map(PublishedRoadmap::version).orElse(null);
        return new Draft(draft.roadmapId, draft.savedAt, draft.savedBy, published, document, catalog.check(document));
    }

    private static void requireId(String roadmapId) {
        if (!FieldChecks.isSlug(roadmapId)) {
            throw ProblemException.invalidRoadmap(List.of(FieldError.of("id", FieldErrorCode.SLUG)));
        }
    }
}
