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
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.util.Locale;
import java.util.Optional;
import java.util.UUID;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * Field errors that name a value (a day and time, another roadmap, a date, a phase) read in the page's language with that
 * value worded for it, while the API's problem body keeps its English message.
 */
@QuarkusTest
@WithTestResource(value = StrideInfraResource.class, scope = TestResourceScope.GLOBAL)
class FieldErrorPagesTest {

    private static final String OTHER_ROADMAP = "ai-ml-four-phases";

    @Inject
    Links links;

    @Inject
    Clock clock;

    @Test
    void aGermanPlanFormNamesTheOverlappedSlotInGerman() {
        UUID id = learner(TestSupport.uniqueEmail("ueberlappt"), TestSupport.ROADMAP, "TUESDAY", "18:00");
        String page = given().contentType(ContentType.URLENC).formParam("timeZone", TestSupport.ZONE)
                .formParam("day", "MONDAY").formParam("start", "18:00").formParam("minutes", "90")
                .formParam("day", "MONDAY").formParam("start", "18:30").formParam("minutes", "60")
                .formParam("nudgeDay", "SUNDAY").formParam("nudgeTime", "19:00")
                .when().post(manage(id) + "/plan").then().statusCode(400).extract().asString();

        assertThat(page).contains("<html lang=\"de\">", "Einheit 2: überschneidet sich mit der Einheit am Montag um 18:00 Uhr")
                .doesNotContain("overlaps the slot", "Monday");

        // An error of the form itself names the slot's field in German too.
        String typo = given().contentType(ContentType.URLENC).formParam("timeZone", TestSupport.ZONE)
                .formParam("day", "MONDAY").formParam("start", "25:99").formParam("minutes", "90")
                .formParam("nudgeDay", "SUNDAY").formParam("nudgeTime", "19:00")
                .when().post(manage(id) + "/plan").then().statusCode(400).extract().asString();
        assertThat(typo).contains("Einheit 1: Beginn muss eine Uhrzeit sein, zum Beispiel 18:30").doesNotContain("start must be");
    }

    @Test
    void aGermanPlanClashingWithAnotherRoadmapNamesItsSessionAndGermanTitle() {
        String email = TestSupport.uniqueEmail("kollision");
        learner(email, TestSupport.ROADMAP, "TUESDAY", "18:00");
        UUID second = learner(email, OTHER_ROADMAP, "THURSDAY", "07:00");
        String page = given().contentType(ContentType.URLENC).formParam("timeZone", TestSupport.ZONE)
                .formParam("day", "TUESDAY").formParam("start", "18:30").formParam("minutes", "45")
                .formParam("nudgeDay", "SUNDAY").formParam("nudgeTime", "19:00")
                .when().post(manage(second) + "/plan").then().statusCode(409).extract().asString();

        assertThat(page).contains("<html lang=\"de\">", "überschneidet sich mit deiner Einheit am Dienstag um 18:00 Uhr (90 Min., "
                + TestSupport.ZONE + ") für AI/ML-Engineer in 12 Monaten").doesNotContain("clashes with", "Tuesday");

        // The API says the same in English, as before.
        TestSupport.as(second, links).contentType(ContentType.JSON).body("""
                        {"timeZone": "%s", "slots": [{"day": "TUESDAY", "start": "18:30", "minutes": 45}], "nudge": {"day": "SUNDAY", "time": "19:00"}}"""
                        .formatted(TestSupport.ZONE))
                .when().put("/api/subscriptions/" + second + "/plan").then().statusCode(409)
                .body("errors[0].message", org.hamcrest.Matchers.equalTo("clashes with your Tuesday 18:00 session (90 min, " + TestSupport.ZONE
                        + ") for AI/ML engineer in 12 months"))
                .body("errors[0]", org.hamcrest.Matchers.not(org.hamcrest.Matchers.hasKey("code")));
    }

    @Test
    void aGermanSubscribeFormNamesThePastStartDateAndTheUnknownPhaseInGerman() {
        LocalDate today = TestSupport.today(clock);
        String page = given().contentType(ContentType.URLENC).header("Accept-Language", "de")
                .formParam("intent", "subscribe").formParam("email", TestSupport.uniqueEmail("gestern")).formParam("name", "Ada")
                .formParam("locale", "de").formParam("startDate", today.minusDays(1).toString()).formParam("knownPhases", "kochen")
                .formParam("timeZone", TestSupport.ZONE).formParam("day", "TUESDAY").formParam("start", "18:00").formParam("minutes", "90")
                .formParam("nudgeDay", "MONDAY").formParam("nudgeTime", "07:30")
                .when().post("/roadmaps/" + TestSupport.ROADMAP).then().statusCode(400).extract().asString();

        String germanToday = DateTimeFormatter.ofPattern("d. MMMM uuuu", Locale.GERMAN).format(today);
        assertThat(page).contains("<html lang=\"de\">",
                "<span id=\"startDate-error\" class=\"error\">muss heute (" + germanToday + " in deiner Zeitzone) oder später sein</span>",
                "<li>Startdatum: muss heute (" + germanToday + " in deiner Zeitzone) oder später sein</li>",
                "„kochen“ ist keine Phase von AI/ML-Engineer in 12 Monaten")
                .doesNotContain("must be today", "is not a phase", today.toString() + " in");
    }

    /** A confirmed German subscription of {@code email} with one 90-minute slot. */
    private UUID learner(String email, String roadmapId, String day, String start) {
        UUID id = TestSupport.subscribe(email, roadmapId, """
                {"email": "%s", "name": "Ada", "locale": "de", "roadmapId": "%s",
                 "plan": {"timeZone": "%s", "slots": [{"day": "%s", "start": "%s", "minutes": 90}],
                          "nudge": {"day": "SUNDAY", "time": "19:00"}}}""".formatted(email, roadmapId, TestSupport.ZONE, day, start));
        given().contentType(ContentType.JSON).body("{\"token\": \"" + links.token(id, LinkPurpose.CONFIRM, Optional.empty()) + "\"}")
                .when().post("/api/subscriptions/confirm").then().statusCode(200);
        return id;
    }

    private String manage(UUID id) {
        return "/manage/" + links.token(id, LinkPurpose.MANAGE, Optional.empty());
    }
}
