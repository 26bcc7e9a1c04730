package dev.stride.roadmap;

import dev.stride.infra.testing.ServiceSpineChecks;
import dev.stride.infra.testing.StrideInfraResource;
import io.quarkus.test.common.TestResourceScope;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;

import java.util.List;

@QuarkusTest
@WithTestResource(value = StrideInfraResource.class, scope = TestResourceScope.GLOBAL)
class RoadmapServiceSpineTest extends ServiceSpineChecks {

    @Override
    protected String schema() {
        return "roadmap";
    }

    @Override
    protected List<String> migratedTables() {
        return List.of("outbox_event");
    }
}
