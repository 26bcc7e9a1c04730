package dev.stride.roadmap;

import dev.stride.contracts.Topics;
import dev.stride.contracts.event.DeliveryFailed;
import dev.stride.contracts.event.EmailKind;
import dev.stride.contracts.event.EventEnvelope;
import dev.stride.contracts.event.StrideEvents;
import dev.stride.contracts.link.LinkPurpose;
import dev.stride.contracts.time.AdjustableClock;
import dev.stride.infra.testing.LogCapture;
import dev.stride.infra.testing.StrideInfraResource;
import dev.stride.roadmap.link.Links;
import dev.stride.roadmap.retention.RetentionJob;
import dev.stride.roadmap.subscription.PendingExpiry;
import io.quarkus.test.common.TestResourceScope;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import jakarta.inject.Inject;
import org.apache.kafka.clients.producer.RecordMetadata;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.UUID;
import java.util.logging.Level;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * A learner's whole journey through this service, with every log line above DEBUG captured: subscribing (twice, with a
 * mistake), confirming, subscribing again (the already-following email), progress, the plan controls, the manage page,
 * a hard bounce of their address, leaving, a second subscription expiring unconfirmed, retention, export and erasure. No line names their address.
 */
@QuarkusTest
@WithTestResource(value = StrideInfraResource.class, scope = TestResourceScope.GLOBAL)
class NoAddressInLogsTest {

    @Inject
    AdjustableClock clock;

    @Inject
    Links links;

    @Inject
    RetentionJob retention;

    @Inject
    PendingExpiry expiry;

    @Test
    void aFullJourneyLogsNoAddress() {
        String email = TestSupport.uniqueEmail("Journey.Logged");
        // A name no log line holds by chance (not "Ada": "metadata" holds that), sent with each subscribe request of its own.
        String name = "Quillonia " + UUID.randomUUID().toString().substring(0, 6);
        List<String> lines;
        try (LogCapture logs = LogCapture.atOrAbove(Level.INFO)) {
            given().contentType(ContentType.JSON).body(named(TestSupport.subscribeJson(email, "no-such-roadmap", TestSupport.today(clock)), name))
                    .post("/api/subscriptions").then().statusCode(400);
            UUID id = TestSupport.subscribed(email, TestSupport.ROADMAP, clock, links);
            given().contentType(ContentType.JSON).body(named(TestSupport.subscribeJson(email, TestSupport.ROADMAP, TestSupport.today(clock)), name))
                    .post("/api/subscriptions").then().statusCode(202);
            String milestone = TestSupport.as(id, links).get("/api/subscriptions/" + id).then().extract().path("progress[0].milestoneId");
            TestSupport.as(id, links).body("{\"state\": \"DONE\"}").put("/api/subscriptions/" + id + "/milestones/" + milestone).then().statusCode(200);
            TestSupport.as(id, links).post("/api/subscriptions/" + id + "/pause").then().statusCode(200);
            TestSupport.as(id, links).post("/api/subscriptions/" + id + "/resume").then().statusCode(200);
            TestSupport.as(id, links).body("{}").post("/api/subscriptions/" + id + "/skip-week").then().statusCode(200);
            String manage = "/manage/" + links.token(id, LinkPurpose.MANAGE, Optional.empty());
            given().get(manage).then().statusCode(200);
            RecordMetadata bounce = KafkaSupport.publish(Topics.DELIVERY_EVENTS, EventEnvelope.wrap(StrideEvents.CATALOG, id.toString(),
                    new DeliveryFailed(UUID.randomUUID(), EmailKind.NUDGE, id, "hard-bounce: 550 5.1.1 <" + email + ">: no such user", true, 1,
                            clock.instant()), clock));
            KafkaSupport.awaitConsumed("roadmap-service", bounce);
            TestSupport.as(id, links).delete("/api/subscriptions/" + id).then().statusCode(200);
            TestSupport.subscribe(email, "ai-ml-four-phases", clock);
            clock.advance(Duration.ofDays(3));
            expiry.expirePending(500);
            retention.run();
            given().get(manage + "/data").then().statusCode(200);
            given().contentType(ContentType.URLENC).post(manage + "/data/erase").then().statusCode(200);
            lines = logs.lines();
        }

        assertThat(lines).as("something was logged").isNotEmpty();
        String local = email.substring(0, email.indexOf('@')).toLowerCase(Locale.ROOT);
        assertThat(lines).noneMatch(line -> line.toLowerCase(Locale.ROOT).contains(local));
        assertThat(lines).noneMatch(line -> line.toLowerCase(Locale.ROOT).contains(name.toLowerCase(Locale.ROOT)));
    }

    private static String named(String subscribeJson, String name) {
        assertThat(subscribeJson).contains("\"name\": \"Ada\"");
        return subscribeJson.replace("\"name\": \"Ada\"", "\"name\": \"" + name + "\"");
    }
}
