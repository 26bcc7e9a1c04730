package dev.stride.reminder;

import dev.stride.infra.testing.ServiceSpineChecks;
import dev.stride.infra.testing.StrideInfraResource;
import io.quarkus.test.common.TestResourceScope;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;

import java.util.List;

@QuarkusTest
@WithTestResource(value = StrideInfraResource.class, scope = TestResourceScope.GLOBAL)
class ReminderServiceSpineTest extends ServiceSpineChecks {

    @Override
    protected String schema() {
        return "reminder";
    }

    @Override
    protected List<String> migratedTables() {
        return List.of("processed_event");
    }
}
