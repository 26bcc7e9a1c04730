package dev.stride.roadmap;

import dev.stride.contracts.link.LinkPurpose;
import dev.stride.roadmap.link.Links;
import io.restassured.http.ContentType;
import io.restassured.specification.RequestSpecification;
import dev.stride.infra.testing.Rows;

import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.Optional;
import java.util.UUID;

import static io.restassured.RestAssured.given;

/** Steps several tests share: subscribing and confirming through the API, counting rows. */
public final class TestSupport {

    public static final String ROADMAP = "ai-ml-engineer-12-months";
    public static final String ZONE = "America/New_York";

    private TestSupport() {
    }

    public static String subscribeJson(String email, String roadmapId, LocalDate startDate) {
        return """
                {"email": "%s", "name": "Ada", "locale": "en", "roadmapId": "%s", "startDate": "%s",
                 "plan": {"timeZone": "%s",
                          "slots": [{"day": "TUESDAY", "start": "18:00", "minutes": 90},
                                    {"day": "SATURDAY", "start": "09:30", "minutes": 120}],
                          "nudge": {"day": "MONDAY", "time": "07:30"}}}""".formatted(email, roadmapId, startDate, ZONE);
    }

    public static LocalDate today(Clock clock) {
        return LocalDate.now(clock.withZone(ZoneId.of(ZONE)));
    }

    public static UUID subscribe(String email, String roadmapId, Clock clock) {
        String id = given().contentType(ContentType.JSON).body(subscribeJson(email, roadmapId, today(clock)))
                .when().post("/api/subscriptions")
                .then().statusCode(202).extract().path("id");
        return UUID.fromString(id);
    }

    /** Subscribes and confirms; returns the subscription id. */
    public static UUID subscribed(String email, String roadmapId, Clock clock, Links links) {
        UUID id = subscribe(email, roadmapId, clock);
        given().contentType(ContentType.JSON).body("{\"token\": \"" + links.token(id, LinkPurpose.CONFIRM, Optional.empty()) + "\"}")
                .when().post("/api/subscriptions/confirm").then().statusCode(200);
        return id;
    }

    public static RequestSpecification as(UUID subscription, Links links) {
        return given().contentType(ContentType.JSON)
                .header("Authorization", "Bearer " + links.token(subscription, LinkPurpose.MANAGE, Optional.empty()));
    }

    public static String uniqueEmail(String prefix) {
        return prefix + "-" + UUID.randomUUID().toString().substring(0, 8) + "@example.org";
    }

    public static long count(String sql, Object... parameters) {
        return Rows.count("roadmap", sql, parameters);
    }
}
