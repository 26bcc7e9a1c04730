package dev.stride.roadmap.catalog;

import io.quarkus.hibernate.orm.panache.PanacheRepositoryBase;
import jakarta.enterprise.context.ApplicationScoped;

import java.util.Optional;

@ApplicationScoped
public class RoadmapVersionRepository implements PanacheRepositoryBase<RoadmapVersion, RoadmapVersion.Key> {

    public Optional<RoadmapVersion> find(String roadmapId, int version) {
        return findByIdOptional(new RoadmapVersion.Key(roadmapId, version));
    }
}
