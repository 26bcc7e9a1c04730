package dev.stride.roadmap.web;

import dev.stride.contracts.link.LinkPurpose;
import dev.stride.infra.testing.StrideInfraResource;
import dev.stride.roadmap.TestSupport;
import dev.stride.roadmap.link.Links;
import io.quarkus.test.common.TestResourceScope;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import jakarta.inject.Inject;
import org.junit.jupiter.api.Test;

import java.time.Clock;
import java.util.Optional;
import java.util.UUID;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.not;

/** The manage link of every email opens a working page whose controls act by POST and come back to it. */
@QuarkusTest
@WithTestResource(value = StrideInfraResource.class, scope = TestResourceScope.GLOBAL)
class ManagePageTest {

    @Inject
    Links links;

    @Inject
    Clock clock;

    @Test
    void showsTheChecklistAndPlanAndItsControlsWork() {
        UUID id = TestSupport.subscribed(TestSupport.uniqueEmail("manage"), TestSupport.ROADMAP, clock, links);
        String page = "/manage/" + links.token(id, LinkPurpose.MANAGE, Optional.empty());

        given().when().get(page).then().statusCode(200)
                .body(containsString("AI/ML engineer in 12 months"))
                .body(containsString("0 of 46 milestones done"))
                .body(containsString("Tuesday at 18:00, 90 min"))
                .body(containsString("Set up Python and learn the basic syntax"));

        given().redirects().follow(false).contentType(ContentType.URLENC).formParam("state", "DONE")
                .when().post(page + "/milestones/python-setup-and-syntax").then().statusCode(303);
        given().redirects().follow(false).when().post(page + "/pause").then().statusCode(303);

        given().when().get(page).then().statusCode(200).body(containsString("1 of 46 milestones done")).body(containsString("paused"));
        TestSupport.as(id, links).when().get("/api/subscriptions/" + id).then()
                .body("status", equalTo("PAUSED"))
                .body("progress.find { it.milestoneId == 'python-setup-and-syntax' }.state", equalTo("DONE"));
    }

    @Test
    void thePlanFormChangesThePlanAndKeepsBadInputWithItsErrors() {
        UUID id = TestSupport.subscribed(TestSupport.uniqueEmail("replan"), TestSupport.ROADMAP, clock, links);
        String page = "/manage/" + links.token(id, LinkPurpose.MANAGE, Optional.empty());

        given().redirects().follow(false).contentType(ContentType.URLENC)
                .formParam("timeZone", "GMT+1")
                .formParam("day", "MONDAY").formParam("start", "18:00").formParam("minutes", "90")
                .formParam("day", "MONDAY").formParam("start", "18:30").formParam("minutes", "60")
                .formParam("nudgeDay", "SUNDAY").formParam("nudgeTime", "19:00")
                .when().post(page + "/plan").then().statusCode(400)
                .body(containsString("value=\"GMT+1\""))
                .body(containsString("not an offset like GMT+1"))
                .body(containsString("overlaps the slot on Monday at 18:00"))
                .body(containsString("value=\"18:30\""));
        TestSupport.as(id, links).when().get("/api/subscriptions/" + id).then().body("plan.timeZone", equalTo(TestSupport.ZONE));

        given().redirects().follow(false).contentType(ContentType.URLENC)
                .formParam("timeZone", "Europe/Berlin")
                .formParam("day", "WEDNESDAY").formParam("start", "07:00").formParam("minutes", "45")
                .formParam("day", "MONDAY").formParam("start", "").formParam("minutes", "")
                .formParam("nudgeDay", "SUNDAY").formParam("nudgeTime", "19:00")
                .when().post(page + "/plan").then().statusCode(303);
        TestSupport.as(id, links).when().get("/api/subscriptions/" + id).then()
                .body("plan.timeZone", equalTo("Europe/Berlin"))
                .body("plan.slots.size()", equalTo(1))
                .body("plan.slots[0].day", equalTo("WEDNESDAY"))
                .body("plan.nudge.day", equalTo("SUNDAY"));
    }

    @Test
    void aForgedManageLinkShowsAnErrorPageAndChangesNothing() {
        UUID id = TestSupport.subscribed(TestSupport.uniqueEmail("forged"), TestSupport.ROADMAP, clock, links);
        String forged = "/manage/" + links.token(id, LinkPurpose.PAUSE, Optional.empty());

        given().when().get(forged).then().statusCode(403).body(containsString("Link not valid")).body(not(containsString("milestones done")));
        given().when().post(forged + "/pause").then().statusCode(403);
        TestSupport.as(id, links).when().get("/api/subscriptions/" + id).then().body("status", equalTo("ACTIVE"));
    }
}
