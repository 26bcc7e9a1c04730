package dev.stride.reminder;

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
class OperationsTest {

    /** /q/metrics on the management port, which is not the HTTP port. */
    @TestHTTPResource(value = "/metrics", management = true)
    URL metrics;

    @Test
    void metricsCoverBacklogLagSentExpiredAndConsumerLag() {
        given().when().get(metrics).then().statusCode(200)
                .body(containsString("stride_nudges_due_backlog"))
                .body(containsString("stride_nudges_scheduled"))
                .body(containsString("stride_dispatch_lag_seconds"))
                .body(containsString("stride_nudges_sent_total"))
                .body(containsString("stride_nudges_expired_total"))
                .body(containsString("stride_nudges_parked_total"))
                .body(containsString("stride_nudges_parked_current"))
                .body(containsString("stride_events_waiting"))
                .body(containsString("kafka_consumer_fetch_manager_records_lag"));
    }
}
