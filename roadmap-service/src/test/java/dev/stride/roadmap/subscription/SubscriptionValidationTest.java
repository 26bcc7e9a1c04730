package dev.stride.roadmap.subscription;

import dev.stride.infra.testing.StrideInfraResource;
import dev.stride.roadmap.TestSupport;
import dev.stride.roadmap.link.Links;
import io.quarkus.test.common.TestResourceScope;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import jakarta.inject.Inject;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

import java.time.Clock;
import java.time.LocalDate;
import java.util.UUID;
import java.util.function.BiFunction;
import java.util.stream.Stream;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;

/** Every subscription rule, broken one at a time: 400, a problem body naming the field, no row, no event. */
@QuarkusTest
@WithTestResource(value = StrideInfraResource.class, scope = TestResourceScope.GLOBAL)
class SubscriptionValidationTest {

    @Inject
    Clock clock;

    @Inject
    Links links;

    private static UUID planSubscription;

    /** (rule, how to break it in a valid request, the field the problem must name) */
    static Stream<Arguments> badInput() {
        return Stream.of(
                bad("email syntax", (json, today) -> json.replaceFirst("\"email\": \"([^\"@]+)@", "\"email\": \"$1 at "), "email"),
                bad("email missing", (json, today) -> json.replaceFirst("\"email\": \"[^\"]+\",", ""), "email"),
                bad("name blank", (json, today) -> json.replace("\"name\": \"Ada\"", "\"name\": \"  \""), "name"),
                bad("locale unsupported", (json, today) -> json.replace("\"locale\": \"en\"", "\"locale\": \"fr\""), "locale"),
                bad("zone is an offset", (json, today) -> json.replace("America/New_York", "GMT+1"), "plan.timeZone"),
                bad("zone is Etc offset", (json, today) -> json.replace("America/New_York", "Etc/GMT-2"), "plan.timeZone"),
                bad("zone unknown", (json, today) -> json.replace("America/New_York", "Mars/Olympus_Mons"), "plan.timeZone"),
                bad("slot too short", (json, today) -> json.replace("\"minutes\": 90", "\"minutes\": 10"), "plan.slots[0].minutes"),
                bad("slot too long", (json, today) -> json.replace("\"minutes\": 90", "\"minutes\": 481"), "plan.slots[0].minutes"),
                bad("slot without day", (json, today) -> json.replace("\"day\": \"TUESDAY\", ", ""), "plan.slots[0].day"),
                bad("slot day unknown", (json, today) -> json.replace("TUESDAY", "FUNDAY"), "plan.slots[0].day"),
                bad("slot start not a time", (json, today) -> json.replace("\"18:00\"", "\"6pm\""), "plan.slots[0].start"),
                bad("no slots", (json, today) -> json.replaceFirst("(?s)\"slots\": \\[.*?]\\s*,", "\"slots\": [],"), "plan.slots"),
                bad("overlapping slots", (json, today) -> json.replace("\"day\": \"SATURDAY\", \"start\": \"09:30\"", "\"day\": \"TUESDAY\", \"start\": \"19:00\""),
                        "plan.slots[1]"),
                bad("more than 40 h a week", (json, today) -> json.replaceFirst("(?s)\"slots\": \\[.*?]\\s*,", "\"slots\": ["
                        + slot("MONDAY") + "," + slot("TUESDAY") + "," + slot("WEDNESDAY") + "," + slot("THURSDAY") + "," + slot("FRIDAY") + "," + slot("SATURDAY")
                        + "],"), "plan.slots"),
                bad("start date in the past", (json, today) -> json.replace("\"startDate\": \"" + today + "\"", "\"startDate\": \"" + today.minusDays(1) + "\""),
                        "startDate"),
                bad("start date not a date", (json, today) -> json.replace("\"startDate\": \"" + today + "\"", "\"startDate\": \"tomorrow\""), "startDate"),
                bad("roadmap unknown", (json, today) -> json.replace(TestSupport.ROADMAP, "no-such-roadmap"), "roadmapId"),
                bad("plan missing", (json, today) -> json.replaceFirst("(?s),\\s*\"plan\": \\{.*}\\s*}$", "}"), "plan"),
                bad("not JSON", (json, today) -> "{\"email\": ", "body"));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("badInput")
    void refusesAndStoresNothing(String rule, BiFunction<String, LocalDate, String> breakIt, String field) {
        String email = TestSupport.uniqueEmail("bad");
        LocalDate today = TestSupport.today(clock);
        String json = breakIt.apply(TestSupport.subscribeJson(email, TestSupport.ROADMAP, today), today);
        long eventsBefore = TestSupport.count("SELECT count(*) FROM outbox_event");

        given().contentType(ContentType.JSON).body(json).when().post("/api/subscriptions")
                .then().statusCode(400)
                .contentType("application/problem+json")
                .body("status", equalTo(400))
                .body("title", equalTo("Invalid input"))
                .body("errors.field", hasItem(field));

        assertThat(TestSupport.count("SELECT count(*) FROM learner WHERE lower(email) LIKE lower(?1)", "%" + email.substring(email.indexOf('-')))).isZero();
        assertThat(TestSupport.count("SELECT count(*) FROM outbox_event")).as("no event").isEqualTo(eventsBefore);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("badInput")
    void theSameRulesHoldForAPlanChange(String rule, BiFunction<String, LocalDate, String> breakIt, String field) {
        Assumptions.assumeTrue(field.startsWith("plan."), "not a plan rule");
        String plan = """
                {"timeZone": "America/New_York",
                 "slots": [{"day": "TUESDAY", "start": "18:00", "minutes": 90},
                           {"day": "SATURDAY", "start": "09:30", "minutes": 120}],
                 "nudge": {"day": "MONDAY", "time": "07:30"}}""";
        String broken = breakIt.apply(plan, TestSupport.today(clock));
        UUID id = subscription();
        long eventsBefore = TestSupport.count("SELECT count(*) FROM outbox_event");

        TestSupport.as(id, links).body(broken).when().put("/api/subscriptions/" + id + "/plan")
                .then().statusCode(400).contentType("application/problem+json")
                .body("errors.field", hasItem(field.substring("plan.".length())));

        TestSupport.as(id, links).when().get("/api/subscriptions/" + id).then().statusCode(200)
                .body("plan.timeZone", equalTo("America/New_York")).body("plan.slots.size()", equalTo(2));
        assertThat(TestSupport.count("SELECT count(*) FROM outbox_event")).as("no event").isEqualTo(eventsBefore);
    }

    private UUID subscription() {
        if (planSubscription == null) {
            planSubscription = TestSupport.subscribed(TestSupport.uniqueEmail("plan"), TestSupport.ROADMAP, clock, links);
        }
        return planSubscription;
    }

    private static String slot(String day) {
        return "{\"day\": \"" + day + "\", \"start\": \"08:00\", \"minutes\": 420}";
    }

    private static Arguments bad(String rule, BiFunction<String, LocalDate, String> breakIt, String field) {
        return Arguments.of(rule, breakIt, field);
    }
}
