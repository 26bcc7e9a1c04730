package dev.stride.roadmap.privacy;

import dev.stride.contracts.Topics;
import dev.stride.contracts.event.LearnerErased;
import dev.stride.contracts.event.StrideEvents;
import dev.stride.contracts.link.LinkPurpose;
import dev.stride.contracts.privacy.Addresses;
import dev.stride.contracts.time.AdjustableClock;
import dev.stride.infra.testing.KafkaTestConsumer;
import dev.stride.infra.testing.StrideInfraResource;
import dev.stride.roadmap.TestSupport;
import dev.stride.roadmap.link.Links;
import io.quarkus.test.common.TestResourceScope;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import jakarta.inject.Inject;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

import static dev.stride.roadmap.TestSupport.count;
import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasSize;

@QuarkusTest
@WithTestResource(value = StrideInfraResource.class, scope = TestResourceScope.GLOBAL)
class LearnerDataTest {

    private static final String OTHER_ROADMAP = "ai-ml-four-phases";

    @Inject
    AdjustableClock clock;

    @Inject
    Links links;

    @Test
    void aLearnerDownloadsTheirDataAndErasesItFromTheManagePage() {
        String email = TestSupport.uniqueEmail("erase-me");
        UUID following = TestSupport.subscribed(email, TestSupport.ROADMAP, clock, links);
        UUID pending = TestSupport.subscribe(email, OTHER_ROADMAP, clock);
        String milestone = TestSupport.as(following, links).get("/api/subscriptions/" + following).then().extract().path("progress[0].milestoneId");
        TestSupport.as(following, links).body("{\"state\": \"DONE\"}").put("/api/subscriptions/" + following + "/milestones/" + milestone)
                .then().statusCode(200);
        String manage = "/manage/" + links.token(following, LinkPurpose.MANAGE, Optional.empty());

        given().get(manage).then().statusCode(200).body(containsString(manage + "/data\""), containsString(manage + "/data/erase\""));
        given().get(manage + "/data").then().statusCode(200)
                .header("Content-Disposition", containsString("attachment"))
                .body("learner.email", equalTo(email))
                .body("subscriptions", hasSize(2))
                .body("subscriptions[0].subscription.id", equalTo(following.toString()))
                .body("subscriptions[0].subscription.progress.find { it.milestoneId == '" + milestone + "' }.state", equalTo("DONE"))
                .body("subscriptions[1].subscription.status", equalTo("PENDING"));
        given().get(manage + "/data/erase").then().statusCode(200)
                .body(containsString("action=\"" + manage + "/data/erase\""), containsString("2 subscription(s)"));

        try (KafkaTestConsumer events = new KafkaTestConsumer(Topics.SUBSCRIPTION_EVENTS, StrideEvents.CODEC)) {
            given().contentType(ContentType.URLENC).post(manage + "/data/erase").then().statusCode(200).body(containsString("Your data was erased"));

            assertThat(count("SELECT count(*) FROM learner WHERE lower(email) = lower(?1)", email)).isZero();
            assertThat(count("SELECT count(*) FROM subscription WHERE id IN (?1, ?2)", following, pending)).isZero();
            assertThat(count("SELECT count(*) FROM milestone_progress WHERE subscription_id = ?1", following)).isZero();
            for (UUID id : List.of(following, pending)) {
                List<KafkaTestConsumer.Received> erased = events.await(KafkaTestConsumer.key(id.toString()).and(r -> r.type().equals("LearnerErased")),
                        1, Duration.ofSeconds(30));
                assertThat(erased).hasSize(1);
                LearnerErased event = (LearnerErased) erased.get(0).data();
                assertThat(event.subscriptionIds()).containsExactly(id);
                assertThat(event.addressHash()).isEqualTo(Addresses.hash(email));
                assertThat(new String(erased.get(0).value())).doesNotContain(email);
            }
        }
        given().get(manage).then().statusCode(404);
        given().get(manage + "/data").then().statusCode(404);
    }

    @Test
    void theApiExportsAndErasesWithTheSubscriptionsManageTokenOnly() {
        String email = TestSupport.uniqueEmail("api-erase");
        UUID mine = TestSupport.subscribed(email, TestSupport.ROADMAP, clock, links);
        UUID someoneElses = TestSupport.subscribed(TestSupport.uniqueEmail("bystander"), TestSupport.ROADMAP, clock, links);

        given().get("/api/subscriptions/" + mine + "/data").then().statusCode(401);
        TestSupport.as(someoneElses, links).get("/api/subscriptions/" + mine + "/data").then().statusCode(403);
        TestSupport.as(someoneElses, links).delete("/api/subscriptions/" + mine + "/data").then().statusCode(403);
        TestSupport.as(mine, links).get("/api/subscriptions/" + mine + "/data").then().statusCode(200)
                .body("learner.email", equalTo(email)).body("subscriptions", hasSize(1));

        given().contentType(ContentType.JSON).body("{\"email\": \"" + email + "\"}").post("/api/sign-in").then().statusCode(202);
        String signIns = "SELECT count(*) FROM outbox_event WHERE event_type = 'SignInRequested' AND published_at IS NOT NULL AND payload LIKE ?1";
        org.awaitility.Awaitility.await().atMost(Duration.ofSeconds(30)).until(() -> count(signIns, "%" + email + "%") == 1);

        TestSupport.as(mine, links).delete("/api/subscriptions/" + mine + "/data").then().statusCode(204);

        assertThat(count(signIns, "%" + email + "%")).as("the sign-in event, keyed by the learner, carried the address").isZero();
        assertThat(count("SELECT count(*) FROM learner WHERE lower(email) = lower(?1)", email)).isZero();
        assertThat(count("SELECT count(*) FROM subscription WHERE id = ?1", someoneElses)).isOne();
        TestSupport.as(mine, links).get("/api/subscriptions/" + mine + "/data").then().statusCode(404)
                .contentType(containsString("application/problem+json"));
    }
}
