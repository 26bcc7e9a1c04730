package dev.stride.roadmap;

import dev.stride.infra.testing.StrideInfraResource;
import io.quarkus.test.common.TestResourceScope;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import org.junit.jupiter.api.Test;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;

@QuarkusTest
@WithTestResource(value = StrideInfraResource.class, scope = TestResourceScope.GLOBAL)
class ObservabilityTest {

    @Test
    void metricsIncludeTheOutboxBacklogAndPublishLatency() {
        given().when().get("/q/metrics").then().statusCode(200)
                .body(containsString("stride_outbox_backlog"))
                .body(containsString("stride_outbox_publish_latency_seconds_bucket"))
                .body(containsString("stride_outbox_published_total"));
    }

    @Test
    void openApiDescribesThePublicAndAdminApis() {
        given().when().get("/q/openapi?format=json").then().statusCode(200)
                .body(containsString("/api/roadmaps/{id}"))
                .body(containsString("/api/subscriptions/{id}/milestones/{milestoneId}"))
                .body(containsString("/admin/roadmaps/{id}/versions"));
    }
}
