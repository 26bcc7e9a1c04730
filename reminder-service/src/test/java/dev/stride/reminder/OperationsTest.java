package dev.stride.reminder;

import dev.stride.contracts.time.AdjustableClock;
import dev.stride.infra.testing.StrideInfraResource;
import dev.stride.reminder.ops.ClockOffsets;
import dev.stride.reminder.ops.ClockResource;
import io.quarkus.narayana.jta.QuarkusTransaction;
import jakarta.persistence.EntityManager;
import io.quarkus.test.common.TestResourceScope;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import org.junit.jupiter.api.Test;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;

@QuarkusTest
@WithTestResource(value = StrideInfraResource.class, scope = TestResourceScope.GLOBAL)
class OperationsTest {

    @Inject
    AdjustableClock clock;

    @Inject
    EntityManager em;

    @Test
    void theDemoSwitchMovesTheClockForward() {
        Instant before = clock.instant();

        given().when().post("/ops/clock/advance?by=P7D").then().statusCode(200).body("now", containsString("T"));

        assertThat(Duration.between(before, clock.instant())).isBetween(Duration.ofDays(7), Duration.ofDays(7).plusMinutes(1));
        AdjustableClock afterRestart = AdjustableClock.systemUtc();
        QuarkusTransaction.requiringNew().run(() -> new ClockOffsets(em, afterRestart).restore(null));
        assertThat(afterRestart.offset()).as("a restarted service goes on at the demo's time").isEqualTo(clock.offset());
        given().when().post("/ops/clock/advance?by=yesterday").then().statusCode(400).body("errors[0].field", equalTo("by"));
        given().when().post("/ops/clock/advance?by=-P1D").then().statusCode(400);
    }

    @Test
    void theDemoSwitchIsRefusedWhenOff() {
        AdjustableClock untouched = new AdjustableClock(Clock.systemUTC());

        var response = new ClockResource(untouched, new ClockOffsets(em, untouched), false).advance("P7D");

        assertThat(response.getStatus()).isEqualTo(403);
        assertThat(untouched.offset()).isEqualTo(Duration.ZERO);
    }

    @Test
    void metricsCoverBacklogLagSentExpiredAndConsumerLag() {
        given().when().get("/q/metrics").then().statusCode(200)
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
