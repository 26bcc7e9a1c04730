package dev.stride.roadmap.catalog;

import io.quarkus.hibernate.orm.panache.PanacheRepositoryBase;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.LockModeType;

import java.util.List;
import java.util.Optional;

@ApplicationScoped
public class RoadmapRepository implements PanacheRepositoryBase<Roadmap, String> {

    public List<Roadmap> published() {
        return list("status = ?1 order by id", Roadmap.Status.PUBLISHED);
    }

    public Optional<Roadmap> findForUpdate(String id) {
        return findByIdOptional(id, LockModeType.PESSIMISTIC_WRITE);
    }
}
