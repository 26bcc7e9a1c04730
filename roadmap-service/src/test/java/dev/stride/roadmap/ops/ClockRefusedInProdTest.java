package dev.stride.roadmap.ops;

import dev.stride.contracts.time.AdjustableClock;
import dev.stride.infra.testing.StrideInfraResource;
import io.quarkus.runtime.configuration.ConfigUtils;
import io.quarkus.test.common.TestResourceScope;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;
import jakarta.inject.Inject;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.Map;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * The production configuration: the prod profile, with the demo flag on and the admin's password set by mistake.
 * The clock still does not exist, whoever asks, and an offset a demo stored in the database is not applied.
 */
@QuarkusTest
@TestProfile(ClockRefusedInProdTest.Production.class)
@WithTestResource(value = StrideInfraResource.class, scope = TestResourceScope.GLOBAL)
class ClockRefusedInProdTest {

    @Inject
    AdjustableClock clock;

    @Test
    void theDemoClockIsNotFoundEvenWithTheFlagAndTheAdminsCredentials() {
        assertThat(ConfigUtils.getProfiles()).as("this test runs the prod profile").contains("prod").doesNotContain("test");
        assertThat(clock.offset()).as("no stored demo offset applied in prod").isEqualTo(Duration.ZERO);

        given().auth().preemptive().basic("admin", Production.ADMIN_PASSWORD)
                .when().post("/ops/clock/advance?by=P7D").then().statusCode(404);
        given().when().post("/ops/clock/advance?by=P7D").then().statusCode(404);

        assertThat(clock.offset()).as("nobody moved the clock").isEqualTo(Duration.ZERO);
    }

    /** The prod profile, with what the test profile would otherwise supply (ports, link key) and the demo flag on. */
    public static class Production implements QuarkusTestProfile {

        static final String ADMIN_PASSWORD = "prod-admin-password";

        @Override
        public String getConfigProfile() {
            return "prod";
        }

        @Override
        public Map<String, String> getConfigOverrides() {
            return Map.of(
                    "stride.demo.clock-control", "true",
                    "stride.operators.admin-password", ADMIN_PASSWORD,
                    "stride.links.signing-key", "prod-test-signing-key-of-at-least-32-bytes",
                    "stride.retention.every", "off",
                    "quarkus.http.test-port", "0",
                    "quarkus.management.test-port", "0");
        }
    }
}
