package dev.stride.roadmap.catalog;

import dev.stride.roadmap.problem.FieldError;
import io.quarkus.runtime.StartupEvent;
import io.quarkus.narayana.jta.QuarkusTransaction;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.persistence.EntityManager;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.jboss.logging.Logger;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * Loads the roadmaps shipped in {@code src/main/resources/roadmaps} at start. Safe to run on every start and on
 * several replicas at once: an advisory lock serialises the import, and a version already present is left alone.
 */
@ApplicationScoped
public class BundledRoadmaps {

    private static final Logger LOG = Logger.getLogger(BundledRoadmaps.class);
    private static final long IMPORT_LOCK = 0x5354524944450001L;

    private final CatalogService catalog;
    private final EntityManager entityManager;
    private final List<String> files;

    public BundledRoadmaps(CatalogService catalog, EntityManager entityManager,
                           @ConfigProperty(name = "stride.catalog.bundled") List<String> files) {
        this.catalog = catalog;
        this.entityManager = entityManager;
        this.files = files;
    }

    void onStart(@Observes StartupEvent start) {
        importAll(files.stream().map(BundledRoadmaps::read).toList());
    }

    void importAll(List<RoadmapDocument> documents) {
        // Bundled roadmaps may suggest one another as next, whatever order they load in: known is the catalog or the bundle.
        Set<String> bundle = documents.stream().map(RoadmapDocument::id).collect(Collectors.toSet());
        for (RoadmapDocument document : documents) {
            List<FieldError> unknown = QuarkusTransaction.requiringNew().call(() -> catalog.unknownNext(document, bundle));
            if (!unknown.isEmpty()) {
                throw new IllegalStateException("bundled roadmap " + document.id() + " suggests roadmaps neither bundled nor in the catalog: " + unknown);
            }
        }
        for (RoadmapDocument document : documents) {
            CatalogService.ImportResult result = QuarkusTransaction.requiringNew().call(() -> {
                entityManager.createNativeQuery("SELECT pg_advisory_xact_lock(" + IMPORT_LOCK + ")").getSingleResult();
                return catalog.importBundled(document);
            });
            LOG.infof("Bundled roadmap %s v%d: %s", document.id(), document.version(), result.name().toLowerCase().replace('_', ' '));
        }
    }

    static RoadmapDocument read(String file) {
        try (InputStream in = Thread.currentThread().getContextClassLoader().getResourceAsStream(file)) {
            if (in == null) {
                throw new IllegalStateException("bundled roadmap " + file + " is not on the classpath");
            }
            return RoadmapJson.fromYaml(in.readAllBytes());
        } catch (IOException e) {
            throw new UncheckedIOException("bundled roadmap " + file + " is not readable: " + e.getMessage(), e);
        }
    }
}
