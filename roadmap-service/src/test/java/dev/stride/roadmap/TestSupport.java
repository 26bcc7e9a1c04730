package dev.stride.roadmap;

import dev.stride.contracts.link.LinkPurpose;
import dev.stride.roadmap.link.Links;
import io.restassured.http.ContentType;
import io.restassured.specification.RequestSpecification;
import dev.stride.infra.Database;
import dev.stride.infra.testing.Rows;
import dev.stride.infra.testing.TestInfrastructure;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.Optional;
import java.util.Properties;
import java.util.UUID;

import static io.restassured.RestAssured.given;

/** Steps several tests share: subscribing and confirming through the API, counting rows. */
public final class TestSupport {

    public static final String ROADMAP = "ai-ml-engineer-12-months";
    public static final String ZONE = "America/New_York";

    private TestSupport() {
    }

    /**
     * Tuesday 18:00 and Saturday 09:30 for {@link #ROADMAP}; a learner's plans may not clash, so other roadmaps study on
     * Wednesday and Sunday at those times.
     */
    public static String subscribeJson(String email, String roadmapId, LocalDate startDate) {
        boolean main = ROADMAP.equals(roadmapId);
        return """
                {"email": "%s", "name": "Ada", "locale": "en", "roadmapId": "%s", "startDate": "%s",
                 "plan": {"timeZone": "%s",
                          "slots": [{"day": "%s", "start": "18:00", "minutes": 90},
                                    {"day": "%s", "start": "09:30", "minutes": 120}],
                          "nudge": {"day": "MONDAY", "time": "07:30"}}}""".formatted(email, roadmapId, startDate, ZONE,
                main ? "TUESDAY" : "WEDNESDAY", main ? "SATURDAY" : "SUNDAY");
    }

    public static LocalDate today(Clock clock) {
        return LocalDate.now(clock.withZone(ZoneId.of(ZONE)));
    }

    /** Subscribes through the API; returns the live subscription the request is about (the API answers without it). */
    public static UUID subscribe(String email, String roadmapId, Clock clock) {
        return subscribe(email, roadmapId, subscribeJson(email, roadmapId, today(clock)));
    }

    public static UUID subscribe(String email, String roadmapId, String json) {
        given().contentType(ContentType.JSON).body(json).when().post("/api/subscriptions").then().statusCode(202);
        return liveSubscription(email, roadmapId);
    }

    /** The address's live (pending, active or paused) subscription to the roadmap. */
    public static UUID liveSubscription(String email, String roadmapId) {
        Database database = TestInfrastructure.get().database();
        Properties properties = new Properties();
        properties.setProperty("user", database.username());
        properties.setProperty("password", database.password());
        properties.setProperty("currentSchema", "roadmap");
        try (Connection connection = DriverManager.getConnection(database.jdbcUrl(), properties);
             PreparedStatement statement = connection.prepareStatement("SELECT s.id FROM subscription s JOIN learner l ON l.id = s.learner_id "
                     + "WHERE lower(l.email) = lower(?) AND s.roadmap_id = ? AND s.status IN ('PENDING', 'ACTIVE', 'PAUSED')")) {
            statement.setString(1, email.strip());
            statement.setString(2, roadmapId);
            try (ResultSet row = statement.executeQuery()) {
                if (!row.next()) {
                    throw new IllegalStateException("no live subscription of " + email + " to " + roadmapId);
                }
                return row.getObject(1, UUID.class);
            }
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
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

    /**
     * Publishes {@code roadmaps/choices-and-audience.json} (the format-2 fields: choices, prerequisites, a habit, who it is for,
     * German texts) through the admin API under a fresh id, and returns the id.
     */
    public static String publishChoicesRoadmap() {
        String id = "nlp-test-" + UUID.randomUUID().toString().substring(0, 8);
        try (InputStream in = TestSupport.class.getClassLoader().getResourceAsStream("roadmaps/choices-and-audience.json")) {
            String json = new String(in.readAllBytes(), StandardCharsets.UTF_8).replace("ROADMAP_ID", id);
            given().auth().preemptive().basic("admin", "test-admin-password").contentType(ContentType.JSON).body(json)
                    .when().post("/admin/roadmaps").then().statusCode(201);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return id;
    }

    public static String uniqueEmail(String prefix) {
        return prefix + "-" + UUID.randomUUID().toString().substring(0, 8) + "@example.org";
    }

    public static long count(String sql, Object... parameters) {
        return Rows.count("roadmap", sql, parameters);
    }
}
