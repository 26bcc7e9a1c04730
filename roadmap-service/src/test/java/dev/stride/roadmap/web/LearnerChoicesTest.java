package dev.stride.roadmap.web;

import dev.stride.contracts.Topics;
import dev.stride.contracts.event.PlanChanged;
import dev.stride.contracts.event.StrideEvents;
import dev.stride.contracts.event.SubscriptionActivated;
import dev.stride.contracts.link.LinkPurpose;
import dev.stride.infra.testing.KafkaTestConsumer;
import dev.stride.infra.testing.StrideInfraResource;
import dev.stride.roadmap.TestSupport;
import dev.stride.roadmap.link.Links;
import io.quarkus.test.common.TestResourceScope;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.specification.RequestSpecification;
import jakarta.inject.Inject;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.empty;
import static org.hamcrest.Matchers.hasItems;
import static org.hamcrest.Matchers.not;

/**
 * The learner's choices (optional milestones, one member of each "choose one of" group): the subscribe form and the manage
 * page round trip, what they count, the events that carry them, and the problem body naming a bad one.
 */
@QuarkusTest
@WithTestResource(value = StrideInfraResource.class, scope = TestResourceScope.GLOBAL)
class LearnerChoicesTest {

    private static String roadmap;

    @Inject
    Clock clock;

    @Inject
    Links links;

    @BeforeEach
    void publishTheTestRoadmapOnce() {
        if (roadmap == null) {
            roadmap = TestSupport.publishChoicesRoadmap();
        }
    }

    @Test
    void theSubscribeFormsChoicesAreStoredCountedOnTheManagePageAndSentOnConfirmation() {
        given().when().get("/roadmaps/" + roadmap).then().statusCode(200)
                .body(containsString("<legend>Your choices</legend>"))
                .body(containsString("<input type=\"checkbox\" name=\"choices\" value=\"maths-refresher\"> Maths refresher"))
                .body(containsString("<option value=\"course-short\" selected>The short course"))
                .body(containsString("<option value=\"course-long\">The long course"));
        String email = TestSupport.uniqueEmail("form-choices");
        form(email).formParam("choices", "maths-refresher").formParam("choices", "course-long")
                .when().post("/roadmaps/" + roadmap).then().statusCode(303);
        UUID id = TestSupport.liveSubscription(email, roadmap);
        assertThat(TestSupport.count("SELECT count(*) FROM subscription WHERE id = ?1 AND choices = ARRAY['maths-refresher', 'course-long']", id))
                .isEqualTo(1);

        try (KafkaTestConsumer events = new KafkaTestConsumer(Topics.SUBSCRIPTION_EVENTS, StrideEvents.CODEC)) {
            given().contentType(ContentType.JSON).body("{\"token\": \"" + links.token(id, LinkPurpose.CONFIRM, Optional.empty()) + "\"}")
                    .when().post("/api/subscriptions/confirm").then().statusCode(200);
            List<KafkaTestConsumer.Received> activated = events.await(KafkaTestConsumer.key(id.toString())
                    .and(r -> r.type().equals("SubscriptionActivated")), 1, Duration.ofSeconds(30));
            assertThat(((SubscriptionActivated) activated.get(0).data()).choices()).containsExactly("maths-refresher", "course-long");
        }
        given().when().get(managePage(id)).then().statusCode(200)
                .body(containsString("0 of 4 milestones done"))
                .body(containsString("<input type=\"checkbox\" name=\"choices\" value=\"maths-refresher\" checked>"))
                .body(containsString("<option value=\"course-long\" selected>"))
                .body(not(containsString("<option value=\"course-short\" selected>")));
    }

    @Test
    void aChangeOnTheManagePageIsAPlanChangeAndChangesWhatCounts() {
        UUID id = TestSupport.subscribed(TestSupport.uniqueEmail("manage-choices"), roadmap, clock, links);
        String page = managePage(id);
        given().when().get(page).then().statusCode(200).body(containsString("0 of 3 milestones done"));

        try (KafkaTestConsumer events = new KafkaTestConsumer(Topics.SUBSCRIPTION_EVENTS, StrideEvents.CODEC)) {
            given().redirects().follow(false).contentType(ContentType.URLENC).formParam("choices", "course-long").formParam("choices", "maths-refresher")
                    .when().post(page + "/choices").then().statusCode(303);
            List<KafkaTestConsumer.Received> changed = events.await(KafkaTestConsumer.key(id.toString())
                    .and(r -> r.type().equals("PlanChanged")), 1, Duration.ofSeconds(30));
            PlanChanged change = (PlanChanged) changed.get(0).data();
            assertThat(change.choices()).containsExactly("course-long", "maths-refresher");
            assertThat(change.baseline()).isNotNull();

            given().when().get(page).then().statusCode(200).body(containsString("0 of 4 milestones done"));
            TestSupport.as(id, links).when().get("/api/subscriptions/" + id).then().statusCode(200)
                    .body("choices", contains("course-long", "maths-refresher"));

            // The same choices again change nothing, so say nothing.
            given().redirects().follow(false).contentType(ContentType.URLENC).formParam("choices", "maths-refresher").formParam("choices", "course-long")
                    .when().post(page + "/choices").then().statusCode(303);
            assertThat(events.settle(KafkaTestConsumer.key(id.toString()).and(r -> r.type().equals("PlanChanged")), Duration.ofSeconds(2)))
                    .hasSize(1);
        }
        TestSupport.as(id, links).body("{\"choices\": []}").when().put("/api/subscriptions/" + id + "/choices").then().statusCode(200)
                .body("choices", empty());
        given().when().get(page).then().statusCode(200).body(containsString("0 of 3 milestones done"));
    }

    @Test
    void badChoicesAreA400ProblemNamingEachAndNothingIsStored() {
        String email = TestSupport.uniqueEmail("bad-choices");
        String json = TestSupport.subscribeJson(email, roadmap, TestSupport.today(clock))
                .replace("\"roadmapId\":", "\"choices\": [\"course-long\", \"course-short\", \"no-such\", \"python-basics\"], \"roadmapId\":");
        given().contentType(ContentType.JSON).body(json).when().post("/api/subscriptions").then().statusCode(400)
                .contentType("application/problem+json")
                .body("errors.field", hasItems("choices[1]", "choices[2]", "choices[3]"))
                .body("errors.field", not(hasItems("choices[0]")))
                .body("errors.message", hasItems(containsString("alternatives of one group"), containsString("not a milestone")));
        assertThat(TestSupport.count("SELECT count(*) FROM learner WHERE lower(email) = lower(?1)", email)).isZero();

        UUID id = TestSupport.subscribed(TestSupport.uniqueEmail("bad-change"), roadmap, clock, links);
        TestSupport.as(id, links).body("{\"choices\": [\"maths-refresher\", \"classifier\"]}").when().put("/api/subscriptions/" + id + "/choices")
                .then().statusCode(400).contentType("application/problem+json").body("errors.field", contains("choices[1]"));
        given().contentType(ContentType.URLENC).formParam("choices", "course-long").formParam("choices", "course-short")
                .when().post(managePage(id) + "/choices").then().statusCode(400).body(containsString("choices[1]"));
        assertThat(TestSupport.count("SELECT count(*) FROM subscription WHERE id = ?1 AND choices IS NULL", id)).isEqualTo(1);

        form(TestSupport.uniqueEmail("bad-form")).formParam("choices", "cooking").when().post("/roadmaps/" + roadmap).then().statusCode(400)
                .body(containsString("id=\"choices-error\"")).body(containsString("&#39;cooking&#39; is not a milestone of this roadmap"));
    }

    private static RequestSpecification form(String email) {
        return given().redirects().follow(false).contentType(ContentType.URLENC).formParam("intent", "subscribe").formParam("email", email)
                .formParam("name", "Ada").formParam("locale", "en").formParam("timeZone", "Europe/Berlin")
                .formParam("day", "WEDNESDAY").formParam("start", "18:00").formParam("minutes", "90")
                .formParam("nudgeDay", "MONDAY").formParam("nudgeTime", "07:30");
    }

    private String managePage(UUID id) {
        return "/manage/" + links.token(id, LinkPurpose.MANAGE, Optional.empty());
    }
}
