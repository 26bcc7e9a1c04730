package dev.stride.roadmap.subscription;

import dev.stride.contracts.link.LinkPurpose;
import dev.stride.infra.testing.StrideInfraResource;
import dev.stride.roadmap.TestSupport;
import dev.stride.roadmap.link.Links;
import io.quarkus.test.common.TestResourceScope;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import jakarta.inject.Inject;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.time.Clock;
import java.util.Optional;
import java.util.UUID;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;

/** Placement at subscribe: "I already know …" per phase, checked against prerequisites, SKIPPED milestones at confirmation. */
@QuarkusTest
@WithTestResource(value = StrideInfraResource.class, scope = TestResourceScope.GLOBAL)
class SubscribePlacementTest {

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

    private String json(String email, String knownPhases) {
        return TestSupport.subscribeJson(email, roadmap, TestSupport.today(clock))
                .replace("\"roadmapId\":", "\"knownPhases\": " + knownPhases + ", \"roadmapId\":");
    }

    @Test
    void theKnownPhasesMilestonesStartSkippedOnceConfirmedEachWithItsEvent() {
        String email = TestSupport.uniqueEmail("placed");
        UUID id = TestSupport.subscribe(email, roadmap, json(email, "[\"basics\", \"course\"]"));
        assertThat(TestSupport.count("SELECT count(*) FROM milestone_progress WHERE subscription_id = ?1", id)).as("nothing before confirming").isZero();

        given().contentType(ContentType.JSON).body("{\"token\": \"" + links.token(id, LinkPurpose.CONFIRM, Optional.empty()) + "\"}")
                .when().post("/api/subscriptions/confirm").then().statusCode(200);

        TestSupport.as(id, links).when().get("/api/subscriptions/" + id).then().statusCode(200)
                .body("progress.find { it.milestoneId == 'python-basics' }.state", equalTo("SKIPPED"))
                .body("progress.find { it.milestoneId == 'maths-refresher' }.state", equalTo("SKIPPED"))
                .body("progress.find { it.milestoneId == 'course-long' }.state", equalTo("SKIPPED"))
                .body("progress.find { it.milestoneId == 'course-short' }.state", equalTo("SKIPPED"))
                .body("progress.find { it.milestoneId == 'classifier' }.state", equalTo("TODO"));
        assertThat(TestSupport.count("SELECT count(*) FROM outbox_event WHERE aggregate_id = ?1 AND event_type = 'MilestoneProgressed'", id.toString()))
                .isEqualTo(4);
    }

    @Test
    void aPhaseWithoutThePhasesItBuildsOnIsA400NamingItAndNothingIsStored() {
        String email = TestSupport.uniqueEmail("misplaced");
        given().contentType(ContentType.JSON).body(json(email, "[\"course\"]")).when().post("/api/subscriptions").then().statusCode(400)
                .contentType("application/problem+json")
                .body("errors.field", hasItem("knownPhases[0]"))
                .body("errors.message", hasItem(containsString("“A course” builds on “Python basics” of “Basics”")));
        given().contentType(ContentType.JSON).body(json(email, "[\"basics\", \"no-such-phase\"]")).when().post("/api/subscriptions").then()
                .statusCode(400).body("errors.field", hasItem("knownPhases[1]"));
        assertThat(TestSupport.count("SELECT count(*) FROM learner WHERE lower(email) = lower(?1)", email)).isZero();
    }

    @Test
    void theFormOffersEachPhaseAndComesBackWithTheErrorAndTheTicksKept() {
        given().when().get("/roadmaps/" + roadmap).then().statusCode(200)
                .body(containsString("<legend>I already know …</legend>"))
                .body(containsString("<input type=\"checkbox\" name=\"knownPhases\" value=\"project\"> Project</label>"));
        String email = TestSupport.uniqueEmail("form-placed");
        given().contentType(ContentType.URLENC).formParam("intent", "subscribe").formParam("email", email).formParam("name", "Ada")
                .formParam("locale", "en").formParam("timeZone", "Europe/Berlin")
                .formParam("day", "WEDNESDAY").formParam("start", "18:00").formParam("minutes", "90")
                .formParam("nudgeDay", "MONDAY").formParam("nudgeTime", "07:30")
                .formParam("knownPhases", "basics").formParam("knownPhases", "project")
                .when().post("/roadmaps/" + roadmap).then().statusCode(400)
                .body(containsString("I already know: “Project” builds on “The short course” of “A course”"))
                .body(containsString("<input type=\"checkbox\" name=\"knownPhases\" value=\"basics\" checked> Basics</label>"))
                .body(containsString("id=\"knownPhases-error\""));
        assertThat(TestSupport.count("SELECT count(*) FROM learner WHERE lower(email) = lower(?1)", email)).isZero();
    }
}
