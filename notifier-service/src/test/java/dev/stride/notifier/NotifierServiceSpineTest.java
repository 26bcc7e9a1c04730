package dev.stride.notifier;

import dev.stride.infra.testing.ServiceSpineChecks;
import dev.stride.infra.testing.StrideInfraResource;
import io.quarkus.test.common.TestResourceScope;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;

import java.util.List;

@QuarkusTest
@WithTestResource(value = StrideInfraResource.class, scope = TestResourceScope.GLOBAL)
class NotifierServiceSpineTest extends ServiceSpineChecks {

    @Override
    protected String schema() {
        return "notifier";
    }

    @Override
    protected List<String> migratedTables() {
        return List.of("processed_event", "email_delivery", "suppression", "calendar_event", "address_suppression");
    }
}
