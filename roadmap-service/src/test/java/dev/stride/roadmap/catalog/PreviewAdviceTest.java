package dev.stride.roadmap.catalog;

import dev.stride.infra.testing.StrideInfraResource;
import dev.stride.roadmap.TestSupport;
import io.quarkus.test.common.TestResourceScope;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import jakarta.inject.Inject;

import org.junit.jupiter.api.Test;

import java.math.BigDecimal;
import java.time.Clock;
import java.time.LocalDate;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.nullValue;

/** The preview warns of a plan far below the roadmap's suggested hours, and answers "finish by this date" with hours a week. */
@QuarkusTest
@WithTestResource(value = StrideInfraResource.class, scope = TestResourceScope.GLOBAL)
class PreviewAdviceTest {

    private static final String PREVIEW = "/api/roadmaps/" + TestSupport.ROADMAP + "/preview";

    @Inject
    Clock clock;

    @Inject
    CatalogService catalog;

    @Test
    void anHourAWeekIsFarBelowTheSuggestedFiveAndThreeAndAHalfIsNot() {
        LocalDate start = TestSupport.today(clock).plusDays(7);
        given().contentType(ContentType.JSON).body(request(start, 60, null)).when().post(PREVIEW).then().statusCode(200)
                .body("advice.farBelow", equalTo(true)).body("advice.suggestedWeeklyMinutes", equalTo(300))
                .body("advice.finishBy", nullValue());
        given().contentType(ContentType.JSON).body(request(start, 210, null)).when().post(PREVIEW).then().statusCode(200)
                .body("advice.farBelow", equalTo(false));
    }

    @Test
    void theTargetDateModeAnswersTheWeeklyTimeItTakes() {
        LocalDate start = TestSupport.today(clock).plusDays(7);
        int total = RoadmapHours.hoursInPlay(catalog.find(TestSupport.ROADMAP).orElseThrow().document()).multiply(BigDecimal.valueOf(60)).intValueExact();
        // 365 days from the start to the target, both included: the minutes in play (optional ones out) over 52 1/7 weeks, up to a quarter hour.
        int perWeek = (int) Math.ceil(total * 7.0 / 365);
        int needed = (perWeek + 14) / 15 * 15;
        given().contentType(ContentType.JSON).body(request(start, 60, start.plusDays(364))).when().post(PREVIEW).then().statusCode(200)
                .body("advice.finishBy", equalTo(start.plusDays(364).toString())).body("advice.weeklyMinutesNeeded", equalTo(needed))
                .body("advice.reachable", equalTo(true));
        given().contentType(ContentType.JSON).body(request(start, 60, start.plusDays(7))).when().post(PREVIEW).then().statusCode(200)
                .body("advice.reachable", equalTo(false));
        given().contentType(ContentType.JSON).body(request(start, 60, start)).when().post(PREVIEW).then().statusCode(400)
                .body("errors.field", hasItem("finishBy"));
    }

    @Test
    void thePageWithoutJavaScriptShowsTheWarningAndTheTarget() {
        LocalDate start = TestSupport.today(clock).plusDays(7);
        given().contentType(ContentType.URLENC).formParam("intent", "preview").formParam("email", "").formParam("name", "")
                .formParam("locale", "en").formParam("startDate", start.toString()).formParam("timeZone", TestSupport.ZONE)
                .formParam("day", "TUESDAY").formParam("start", "18:00").formParam("minutes", "60")
                .formParam("nudgeDay", "MONDAY").formParam("nudgeTime", "07:30").formParam("finishBy", start.plusDays(364).toString())
                .when().post("/roadmaps/" + TestSupport.ROADMAP).then().statusCode(200)
                .body(containsString("id=\"preview-warning\"")).body(containsString("far below the 5 h a week this roadmap suggests"))
                .body(containsString("id=\"preview-target\"")).body(containsString("To finish by"))
                .body(containsString("id=\"finishBy\" name=\"finishBy\" type=\"date\" value=\"" + start.plusDays(364) + "\""));
        // A target date the preview refuses comes back as typed, with its error.
        given().contentType(ContentType.URLENC).formParam("intent", "preview").formParam("email", "").formParam("name", "")
                .formParam("locale", "en").formParam("startDate", start.toString()).formParam("timeZone", TestSupport.ZONE)
                .formParam("day", "TUESDAY").formParam("start", "18:00").formParam("minutes", "60")
                .formParam("nudgeDay", "MONDAY").formParam("nudgeTime", "07:30").formParam("finishBy", start.minusDays(1).toString())
                .when().post("/roadmaps/" + TestSupport.ROADMAP).then().statusCode(400)
                .body(containsString("type=\"date\" value=\"" + start.minusDays(1) + "\" aria-invalid=\"true\" aria-describedby=\"finishBy-error\""));
        given().contentType(ContentType.URLENC).formParam("intent", "preview").formParam("email", "").formParam("name", "")
                .formParam("locale", "en").formParam("startDate", start.toString()).formParam("timeZone", TestSupport.ZONE)
                .formParam("day", "TUESDAY").formParam("start", "18:00").formParam("minutes", "300")
                .formParam("nudgeDay", "MONDAY").formParam("nudgeTime", "07:30").formParam("finishBy", "")
                .when().post("/roadmaps/" + TestSupport.ROADMAP).then().statusCode(200)
                .body(not(containsString("id=\"preview-warning\""))).body(not(containsString("id=\"preview-target\"")))
                .body(containsString("id=\"finishBy\" name=\"finishBy\" type=\"date\" value=\"\""));
    }

    private static String request(LocalDate start, int minutes, LocalDate finishBy) {
        return """
                {"startDate": "%s", "finishBy": %s,
                 "plan": {"timeZone": "%s", "slots": [{"day": "TUESDAY", "start": "18:00", "minutes": %d}],
                          "nudge": {"day": "MONDAY", "time": "07:30"}}}"""
                .formatted(start, finishBy == null ? "null" : "\"" + finishBy + "\"", TestSupport.ZONE, minutes);
    }
}
