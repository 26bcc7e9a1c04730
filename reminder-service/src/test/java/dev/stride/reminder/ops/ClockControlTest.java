package dev.stride.reminder.ops;

import dev.stride.contracts.time.AdjustableClock;
import dev.stride.contracts.time.DemoClock;
import dev.stride.infra.testing.StrideInfraResource;
import io.quarkus.test.common.TestResourceScope;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import org.junit.jupiter.api.Test;

import javax.sql.DataSource;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.containsStringIgnoringCase;
import static org.hamcrest.Matchers.equalTo;

/** The demo clock where it is switched on (the test profile): only the operator admin moves it. */
@QuarkusTest
@WithTestResource(value = StrideInfraResource.class, scope = TestResourceScope.GLOBAL)
class ClockControlTest {

    @Inject
    AdjustableClock clock;

    @Inject
    DataSource dataSource;

    @Test
    void refusesCallersWithoutTheAdminsCredentials() {
        Duration offset = clock.offset();

        given().when().post("/ops/clock/advance?by=P7D").then().statusCode(401).header("WWW-Authenticate", containsStringIgnoringCase("basic"));
        given().auth().preemptive().basic("admin", "wrong-password").when().post("/ops/clock/advance?by=P7D").then().statusCode(401);
        given().auth().preemptive().basic("viewer", "test-admin-password").when().post("/ops/clock/advance?by=P7D").then().statusCode(401);

        assertThat(clock.offset()).as("nobody moved the clock").isEqualTo(offset);
    }

    @Test
    void theAdminMovesTheClockForward() {
        Instant before = clock.instant();

        asAdmin().post("/ops/clock/advance?by=P7D").then().statusCode(200).body("now", containsString("T"));

        assertThat(Duration.between(before, clock.instant())).isBetween(Duration.ofDays(7), Duration.ofDays(7).plusMinutes(1));
        AdjustableClock afterRestart = AdjustableClock.systemUtc();
        new DemoClock(afterRestart, dataSource, true, List.of("test")).restore();
        // the offset is stored in whole seconds; other tests may have moved the clock by a fraction of one
        assertThat(afterRestart.offset().getSeconds()).as("a restarted service goes on at the demo's time")
                .isEqualTo(clock.offset().getSeconds());
        asAdmin().post("/ops/clock/advance?by=yesterday").then().statusCode(400).body("errors[0].field", equalTo("by"));
        asAdmin().post("/ops/clock/advance?by=-P1D").then().statusCode(400);
    }

    @Test
    void doesNotExistWhenSwitchedOff() {
        AdjustableClock untouched = new AdjustableClock(Clock.systemUTC());

        var response = new ClockResource(new DemoClock(untouched, dataSource, false, List.of("test"))).advance("P7D", null);

        assertThat(response.getStatus()).isEqualTo(404);
        assertThat(untouched.offset()).isEqualTo(Duration.ZERO);
    }

    private static io.restassured.specification.RequestSpecification asAdmin() {
        return given().auth().preemptive().basic("admin", "test-admin-password").when();
    }
}
