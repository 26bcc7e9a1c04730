package dev.stride.roadmap.subscription;

import dev.stride.contracts.Topics;
import dev.stride.contracts.event.MilestoneProgressed;
import dev.stride.contracts.event.StrideEvents;
import dev.stride.contracts.event.Unsubscribed;
import dev.stride.contracts.link.LinkPurpose;
import dev.stride.contracts.time.AdjustableClock;
import dev.stride.infra.testing.KafkaTestConsumer;
import dev.stride.infra.testing.StrideInfraResource;
import dev.stride.pacing.ProgressState;
import dev.stride.roadmap.TestSupport;
import dev.stride.roadmap.link.Links;
import io.quarkus.test.common.TestResourceScope;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import jakarta.inject.Inject;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.Optional;
import java.util.UUID;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasSize;

/** A learner with several roadmaps: slots may not clash, one click stops every email, and coming back soon restores progress. */
@QuarkusTest
@WithTestResource(value = StrideInfraResource.class, scope = TestResourceScope.GLOBAL)
class LearnerJourneyTest {

    private static final String OTHER_ROADMAP = "ai-ml-four-phases";
    private static final String MILESTONE = "python-setup-and-syntax";

    @Inject
    Links links;

    @Inject
    AdjustableClock clock;

    @Test
    void studySlotsClashingWithAnotherRoadmapAreA409NamingTheSlot() {
        String email = TestSupport.uniqueEmail("clash");
        TestSupport.subscribed(email, TestSupport.ROADMAP, clock, links);

        // The same Tuesday and Saturday slots for a second roadmap: confirming is refused, naming both.
        UUID same = TestSupport.subscribe(email, OTHER_ROADMAP, TestSupport.subscribeJson(email, TestSupport.ROADMAP, TestSupport.today(clock))
                .replace(TestSupport.ROADMAP, OTHER_ROADMAP));
        confirm(same).statusCode(409).contentType(containsString("problem+json"))
                .body("type", equalTo("https://stride.dev/problems/slot-clash"))
                .body("errors.field", equalTo(java.util.List.of("plan.slots[0]", "plan.slots[1]")))
                .body("errors[0].message", containsString("Tuesday 18:00 session"));
        assertThat(TestSupport.count("SELECT count(*) FROM subscription WHERE id = ?1 AND status = 'PENDING'", same)).isEqualTo(1);

        UUID other = confirmed(email, "ml-mastery-path", "THURSDAY", "07:00");
        // Wednesday 00:30 in Berlin is Tuesday 18:30 in New York, inside the first roadmap's Tuesday session.
        String clashing = """
                {"timeZone": "Europe/Berlin", "slots": [{"day": "MONDAY", "start": "07:00", "minutes": 60},
                 {"day": "WEDNESDAY", "start": "00:30", "minutes": 45}], "nudge": {"day": "SUNDAY", "time": "19:00"}}""";
        TestSupport.as(other, links).body(clashing).when().put("/api/subscriptions/" + other + "/plan").then().statusCode(409)
                .body("errors.field", equalTo(java.util.List.of("slots[1]")));
        given().redirects().follow(false).contentType(ContentType.URLENC).formParam("timeZone", "Europe/Berlin")
                .formParam("day", "WEDNESDAY").formParam("start", "00:30").formParam("minutes", "45")
                .formParam("nudgeDay", "SUNDAY").formParam("nudgeTime", "19:00")
                .when().post("/manage/" + links.token(other, LinkPurpose.MANAGE, Optional.empty()) + "/plan").then().statusCode(409)
                .body(containsString("clashes with your Tuesday 18:00 session"));
        TestSupport.as(other, links).when().get("/api/subscriptions/" + other).then()
                .body("plan.slots", hasSize(1)).body("plan.slots[0].day", equalTo("THURSDAY")).body("plan.slots[0].start", equalTo("07:00:00"));
    }

    @Test
    void stopAllEndsEveryLiveSubscriptionOfTheLearnerAndNoOneElses() {
        String email = TestSupport.uniqueEmail("stop-all");
        UUID first = TestSupport.subscribed(email, TestSupport.ROADMAP, clock, links);
        UUID second = confirmed(email, OTHER_ROADMAP, "THURSDAY", "07:00");
        UUID stranger = TestSupport.subscribed(TestSupport.uniqueEmail("stranger"), TestSupport.ROADMAP, clock, links);
        String link = "/stop-all/" + links.token(first, LinkPurpose.UNSUBSCRIBE, Optional.empty());

        given().when().get("/unsubscribe/" + links.token(first, LinkPurpose.UNSUBSCRIBE, Optional.empty())).then().body(containsString("href=\"" + link + "\""));
        given().when().get(link).then().statusCode(200).body(containsString("AI/ML engineer in 12 months")).body(containsString("AI/ML in four phases"));
        assertThat(TestSupport.count("SELECT count(*) FROM subscription WHERE id IN (?1, ?2) AND status = 'ACTIVE'", first, second))
                .as("the GET changes nothing").isEqualTo(2);

        try (KafkaTestConsumer events = new KafkaTestConsumer(Topics.SUBSCRIPTION_EVENTS, StrideEvents.CODEC)) {
            given().when().post(link).then().statusCode(200).body(containsString("All Stride email stopped"));
            Unsubscribed clicked = (Unsubscribed) events.await(left(first), 1, Duration.ofSeconds(30)).get(0).data();
            Unsubscribed alongside = (Unsubscribed) events.await(left(second), 1, Duration.ofSeconds(30)).get(0).data();
            assertThat(clicked.goodbye()).as("one goodbye, for the link's own roadmap").isTrue();
            assertThat(alongside.reason()).isEqualTo(Unsubscribed.STOP_ALL);
            assertThat(alongside.goodbye()).isFalse();
            assertThat(events.settle(left(stranger), Duration.ofSeconds(2))).as("another learner").isEmpty();
        }
        assertThat(TestSupport.count("SELECT count(*) FROM subscription WHERE id IN (?1, ?2) AND status = 'UNSUBSCRIBED'", first, second)).isEqualTo(2);
        assertThat(TestSupport.count("SELECT count(*) FROM subscription WHERE id = ?1 AND status = 'ACTIVE'", stranger)).isEqualTo(1);
        TestSupport.as(second, links).when().post("/api/subscriptions/" + second + "/unsubscribe-all").then().statusCode(200)
                .body("status", equalTo("UNSUBSCRIBED"));
    }

    @Test
    void subscribingAgainWithinTheWindowRestoresProgressAndAfterItStartsAfresh() {
        String email = TestSupport.uniqueEmail("comeback");
        UUID left = TestSupport.subscribed(email, TestSupport.ROADMAP, clock, links);
        TestSupport.as(left, links).body("{\"state\": \"DONE\"}").when().put("/api/subscriptions/" + left + "/milestones/" + MILESTONE).then().statusCode(200);
        TestSupport.as(left, links).when().delete("/api/subscriptions/" + left).then().statusCode(200);

        UUID back;
        try (KafkaTestConsumer events = new KafkaTestConsumer(Topics.SUBSCRIPTION_EVENTS, StrideEvents.CODEC)) {
            back = TestSupport.subscribed(email, TestSupport.ROADMAP, clock, links);
            assertThat(events.await(r -> r.key().equals(back.toString()) && r.data() instanceof MilestoneProgressed, 1, Duration.ofSeconds(30)))
                    .extracting(r -> ((MilestoneProgressed) r.data()).state()).containsExactly(ProgressState.DONE);
        }
        assertThat(back).isNotEqualTo(left);
        TestSupport.as(back, links).when().get("/api/subscriptions/" + back).then()
                .body("progress.find { it.milestoneId == '" + MILESTONE + "' }.state", equalTo("DONE"))
                .body("progress.findAll { it.state == 'DONE' }", hasSize(1));

        TestSupport.as(back, links).when().delete("/api/subscriptions/" + back).then().statusCode(200);
        clock.advance(Duration.ofDays(181));
        UUID later = TestSupport.subscribed(email, TestSupport.ROADMAP, clock, links);
        TestSupport.as(later, links).when().get("/api/subscriptions/" + later).then()
                .body("progress.find { it.milestoneId == '" + MILESTONE + "' }.state", equalTo("TODO"));
        assertThat(TestSupport.count("SELECT count(*) FROM milestone_progress WHERE subscription_id = ?1", later)).isZero();
    }

    private static java.util.function.Predicate<KafkaTestConsumer.Received> left(UUID id) {
        return r -> r.key().equals(id.toString()) && r.data() instanceof Unsubscribed;
    }

    private io.restassured.response.ValidatableResponse confirm(UUID id) {
        return given().contentType(ContentType.JSON).body("{\"token\": \"" + links.token(id, LinkPurpose.CONFIRM, Optional.empty()) + "\"}")
                .when().post("/api/subscriptions/confirm").then();
    }

    /** Subscribes the address to {@code roadmapId} with one slot in Berlin and confirms. */
    private UUID confirmed(String email, String roadmapId, String day, String start) {
        UUID id = TestSupport.subscribe(email, roadmapId, """
                {"email": "%s", "name": "Ada", "locale": "en", "roadmapId": "%s",
                 "plan": {"timeZone": "Europe/Berlin", "slots": [{"day": "%s", "start": "%s", "minutes": 60}],
                          "nudge": {"day": "SUNDAY", "time": "19:00"}}}""".formatted(email, roadmapId, day, start));
        confirm(id).statusCode(200);
        return id;
    }
}
