package dev.stride.roadmap.subscription;

import dev.stride.contracts.time.AdjustableClock;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import dev.stride.infra.testing.StrideInfraResource;
import dev.stride.roadmap.TestSupport;
import io.quarkus.test.common.TestResourceScope;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;
import io.restassured.http.ContentType;
import io.restassured.response.ValidatableResponse;
import jakarta.inject.Inject;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.Map;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.both;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.greaterThan;
import static org.hamcrest.Matchers.lessThanOrEqualTo;

/** The subscribe limits with small numbers: 429, Retry-After and a problem naming what was limited, and nothing sent. */
@QuarkusTest
@TestProfile(SubscribeRateLimitTest.LowLimits.class)
@WithTestResource(value = StrideInfraResource.class, scope = TestResourceScope.GLOBAL)
class SubscribeRateLimitTest {

    public static class LowLimits implements QuarkusTestProfile {
        @Override
        public Map<String, String> getConfigOverrides() {
            return Map.of("stride.subscriptions.limits.per-address-per-hour", "1", "stride.subscriptions.limits.per-address-per-day", "2",
                    "stride.subscriptions.limits.per-client-per-hour", "4", "stride.subscriptions.limits.overall-per-hour", "1000");
        }
    }

    @Inject
    AdjustableClock clock;

    @Inject
    MeterRegistry registry;

    @BeforeEach
    void fullBuckets() {
        clock.advance(Duration.ofDays(2));
    }

    @Test
    void aSecondConfirmationToAnAddressWithinTheHourIsRefused() {
        String email = TestSupport.uniqueEmail("bomb");
        double refusedBefore = refused("address");
        post(email).statusCode(202);
        long requested = requestedEvents(email);
        post(email).statusCode(429).contentType("application/problem+json")
                .header("Retry-After", equalTo("3600"))
                .body("type", equalTo("https://stride.dev/problems/too-many-requests")).body("status", equalTo(429))
                .body("errors[0].field", equalTo("email"));
        assertThat(requestedEvents(email)).as("no second confirmation").isEqualTo(requested);
        assertThat(refused("address")).isEqualTo(refusedBefore + 1);

        clock.advance(Duration.ofMinutes(61));
        post(email).statusCode(202);
        clock.advance(Duration.ofMinutes(61));
        post(email).statusCode(429).body("errors[0].field", equalTo("email"))
                .header("Retry-After", org.hamcrest.Matchers.not(equalTo("0")));
    }

    @Test
    void aClientIsLimitedAcrossAddressesAndAnInvalidRequestDoesNotUseTheAddressesTurn() {
        String email = TestSupport.uniqueEmail("typo");
        given().contentType(ContentType.JSON).body(TestSupport.subscribeJson(email, TestSupport.ROADMAP, TestSupport.today(clock)).replace("\"minutes\": 90", "\"minutes\": 5"))
                .when().post("/api/subscriptions").then().statusCode(400);
        post(email).statusCode(202);
        post(TestSupport.uniqueEmail("many")).statusCode(202);
        post(TestSupport.uniqueEmail("many")).statusCode(202);
        post(TestSupport.uniqueEmail("many")).statusCode(429).header("Retry-After", org.hamcrest.Matchers.notNullValue())
                .body("errors[0].field", equalTo("client"));
    }

    @Test
    void theFormAnswers429WithRetryAfterToo() {
        String email = TestSupport.uniqueEmail("form");
        post(email).statusCode(202);
        given().contentType(ContentType.URLENC).formParam("intent", "subscribe").formParam("email", email).formParam("name", "Ada")
                .formParam("locale", "en").formParam("timeZone", TestSupport.ZONE).formParam("day", "TUESDAY").formParam("start", "18:00")
                .formParam("minutes", "90").formParam("nudgeDay", "MONDAY").formParam("nudgeTime", "07:30")
                // The hour from the first request, less the real time between the two (a loaded machine takes a second).
                .when().post("/roadmaps/" + TestSupport.ROADMAP).then().statusCode(429)
                .header("Retry-After", Integer::parseInt, both(greaterThan(3590)).and(lessThanOrEqualTo(3600)))
                .body(containsString("Too many requests"));
    }

    private ValidatableResponse post(String email) {
        return given().contentType(ContentType.JSON).body(TestSupport.subscribeJson(email, TestSupport.ROADMAP, TestSupport.today(clock)))
                .when().post("/api/subscriptions").then();
    }

    private double refused(String scope) {
        Counter counter = registry.find("stride.subscribe.rate.limited").tag("scope", scope).counter();
        return counter == null ? 0 : counter.count();
    }

    private static long requestedEvents(String email) {
        return TestSupport.count("SELECT count(*) FROM outbox_event WHERE event_type = 'SubscriptionRequested' AND payload::text ILIKE ?1",
                "%" + email + "%");
    }
}
