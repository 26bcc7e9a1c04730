package dev.stride.roadmap.ops;

import dev.stride.contracts.link.LinkPurpose;
import dev.stride.contracts.time.AdjustableClock;
import dev.stride.contracts.time.DemoClock;
import dev.stride.infra.testing.StrideInfraResource;
import dev.stride.roadmap.TestSupport;
import dev.stride.roadmap.link.Links;
import io.quarkus.test.common.TestResourceScope;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;
import io.restassured.specification.RequestSpecification;
import jakarta.inject.Inject;
import jakarta.ws.rs.NotFoundException;
import org.junit.jupiter.api.Test;

import javax.sql.DataSource;
import java.time.Clock;
import java.time.DayOfWeek;
import java.time.Duration;
import java.time.LocalDate;
import java.time.temporal.TemporalAdjusters;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.containsStringIgnoringCase;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.not;

/**
 * The demo clock where it is switched on (its own profile; off in the test profile): the operator admin moves it over
 * HTTP, and the manage page and "re-plan from today" then speak of the demo's today, as the reminder's emails do.
 */
@QuarkusTest
@TestProfile(DemoClockTest.DemoOn.class)
@WithTestResource(value = StrideInfraResource.class, scope = TestResourceScope.GLOBAL)
class DemoClockTest {

    public static class DemoOn implements QuarkusTestProfile {
        @Override
        public Map<String, String> getConfigOverrides() {
            return Map.of("stride.demo.clock-control", "true");
        }
    }

    @Inject
    AdjustableClock clock;

    @Inject
    DataSource dataSource;

    @Inject
    Links links;

    @Test
    void advancingTheClockMovesTheManagePagesTodayAndAReplanThenLeavesTheLearnerOnTrack() {
        UUID id = TestSupport.subscribed(TestSupport.uniqueEmail("demo-clock"), TestSupport.ROADMAP, clock, links);
        String page = "/manage/" + links.token(id, LinkPurpose.MANAGE, Optional.empty());
        LocalDate mondayBefore = monday(TestSupport.today(clock));
        given().when().get(page).then().statusCode(200)
                .body(containsString("value=\"" + mondayBefore + "\"")).body(not(containsString("behind your plan")));

        asAdmin().post("/ops/clock/advance?by=P15D").then().statusCode(200).body("now", containsString("T"));

        LocalDate today = TestSupport.today(clock);
        assertThat(today).isAfterOrEqualTo(mondayBefore.plusDays(15));
        given().when().get(page).then().statusCode(200)
                .body(containsString("value=\"" + monday(today) + "\"")).body(not(containsString("value=\"" + mondayBefore + "\"")))
                .body(containsString("behind your plan"));
        given().redirects().follow(false).when().post(page + "/replan").then().statusCode(303);
        given().when().get(page).then().statusCode(200).body(not(containsString("behind your plan")));
        TestSupport.as(id, links).when().get("/api/subscriptions/" + id).then()
                .body("baseline.from", equalTo(today.toString())).body("baseline.expectedMinutes", equalTo(0));

        AdjustableClock afterRestart = AdjustableClock.systemUtc();
        new DemoClock(afterRestart, dataSource, true, List.of("test")).restore();
        // stored in whole seconds; a test may have moved the clock by a fraction of one
        assertThat(afterRestart.offset().getSeconds()).as("a restarted service goes on at the demo's time")
                .isEqualTo(clock.offset().getSeconds());
    }

    @Test
    void onlyTheAdminMovesItAndOnlyForward() {
        Duration offset = clock.offset();
        given().when().post("/ops/clock/advance?by=P7D").then().statusCode(401).header("WWW-Authenticate", containsStringIgnoringCase("basic"));
        given().auth().preemptive().basic("admin", "wrong-password").when().post("/ops/clock/advance?by=P7D").then().statusCode(401);
        given().auth().preemptive().basic("viewer", "test-viewer-password").when().post("/ops/clock/advance?by=P7D").then().statusCode(403);
        asAdmin().post("/ops/clock/advance?by=yesterday").then().statusCode(400)
                .contentType("application/problem+json").body("errors[0].field", equalTo("by"));
        asAdmin().post("/ops/clock/advance?by=-P1D").then().statusCode(400).body("errors[0].field", equalTo("by"));
        asAdmin().post("/ops/clock/advance?by=P400D").then().statusCode(400).body("errors[0].field", equalTo("by"));
        assertThat(clock.offset()).as("nobody moved the clock").isEqualTo(offset);
    }

    @Test
    void switchedOffItDoesNotExistAndReadsNothing() {
        AdjustableClock untouched = new AdjustableClock(Clock.systemUTC());
        DemoClock off = new DemoClock(untouched, dataSource, false, List.of("test"));

        assertThatThrownBy(() -> new ClockResource(off).advance("P7D", null)).isInstanceOf(NotFoundException.class);
        off.restore();
        assertThat(untouched.offset()).as("the stored offset is not applied where the switch is off").isEqualTo(Duration.ZERO);
    }

    private static LocalDate monday(LocalDate day) {
        return day.with(TemporalAdjusters.previousOrSame(DayOfWeek.MONDAY));
    }

    private static RequestSpecification asAdmin() {
        return given().auth().preemptive().basic("admin", "test-admin-password").when();
    }
}
