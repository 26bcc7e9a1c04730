package dev.stride.roadmap.catalog;

import io.quarkus.hibernate.orm.panache.PanacheRepositoryBase;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.LockModeType;

import java.util.Optional;

@ApplicationScoped
public class RoadmapDraftRepository implements PanacheRepositoryBase<RoadmapDraft, String> {

    public Optional<RoadmapDraft> findForUpdate(String roadmapId) {
        return findByIdOptional(roadmapId, LockModeType.PESSIMISTIC_WRITE);
    }
}
