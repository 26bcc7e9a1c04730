package dev.stride.roadmap;

import dev.stride.infra.testing.StrideInfraResource;
import io.quarkus.test.common.TestResourceScope;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import org.junit.jupiter.api.Test;

import java.net.URL;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;

@QuarkusTest
@WithTestResource(value = StrideInfraResource.class, scope = TestResourceScope.GLOBAL)
class ObservabilityTest {

    /** Metrics and OpenAPI are on the management port, which the ingress does not reach. */
    @TestHTTPResource(value = "/metrics", management = true)
    URL metrics;

    @TestHTTPResource(value = "/openapi", management = true)
    URL openApi;

    @Test
    void metricsIncludeTheOutboxBacklogAndPublishLatency() {
        given().when().get(metrics).then().statusCode(200)
                .body(containsString("stride_outbox_backlog"))
                .body(containsString("stride_outbox_publish_latency_seconds_bucket"))
                .body(containsString("stride_outbox_published_total"))
                // Registered at start for the alerts and dashboards, before anything happened.
                .body(containsString("stride_outbox_oldest_age_seconds"))
                .body(containsString("stride_dead_letters_records{topic=\"nudge-events.dlq\"}"))
                .body(containsString("stride_subscribe_rate_limited_total{scope="));
    }

    @Test
    void openApiDescribesThePublicAndAdminApis() {
        given().queryParam("format", "json").when().get(openApi).then().statusCode(200)
                .body(containsString("/api/roadmaps/{id}"))
                .body(containsString("/api/subscriptions/{id}/milestones/{milestoneId}"))
                .body(containsString("/admin/roadmaps/{id}/versions"));
        given().when().get("/q/openapi").then().statusCode(404);
    }
}
