package dev.stride.roadmap.web;

import dev.stride.contracts.link.LinkPurpose;
import dev.stride.infra.testing.StrideInfraResource;
import dev.stride.pacing.NudgeMoment;
import dev.stride.pacing.StudySlot;
import dev.stride.pacing.WeeklyPlan;
import dev.stride.roadmap.TestSupport;
import dev.stride.roadmap.catalog.CatalogService;
import dev.stride.roadmap.link.LinkSettings;
import dev.stride.roadmap.link.Links;
import dev.stride.roadmap.plan.StudySchedules;
import dev.stride.roadmap.subscription.Repositories;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.common.TestResourceScope;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.response.Response;
import io.restassured.specification.RequestSpecification;
import jakarta.inject.Inject;
import org.junit.jupiter.api.Test;

import java.math.BigDecimal;
import java.time.Clock;
import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.time.temporal.TemporalAdjusters;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.not;

/** The roadmap page's subscribe form: preview by the pacing engine, errors by field with input kept, CSRF, escaping. */
@QuarkusTest
@WithTestResource(value = StrideInfraResource.class, scope = TestResourceScope.GLOBAL)
class SubscribeFormTest {

    private static final String PAGE = "/roadmaps/" + TestSupport.ROADMAP;
    private static final String SCRIPT = "<script>alert('x')</script>";

    @Inject
    Clock clock;

    @Inject
    StudySchedules schedules;

    @Inject
    Links links;

    @Inject
    LinkSettings linkSettings;

    @Inject
    CatalogService catalog;

    @Inject
    Repositories.LearnerRepository learners;

    @Inject
    Repositories.SubscriptionRepository subscriptions;

    @Test
    void thePageOffersALabelledFormWithEveryZoneAndTheBrowserEnhancement() {
        given().when().get(PAGE).then().statusCode(200)
                .header("Content-Security-Policy", containsString("script-src 'self'"))
                .header("Referrer-Policy", equalTo("same-origin"))
                .body(containsString("<label for=\"email\">Email</label>"))
                .body(containsString("<label for=\"timeZone\">Time zone</label>"))
                .body(containsString("<option value=\"America/New_York\""))
                .body(containsString("<option value=\"Asia/Kathmandu\""))
                .body(containsString("<label for=\"minutes-0\">minutes</label>"))
                .body(containsString("<label for=\"startDate\">"))
                .body(containsString("<script src=\"/js/subscribe.js\" defer></script>"));
        given().when().get("/js/subscribe.js").then().statusCode(200).body(containsString("textContent"));
    }

    @Test
    void previewLaysOutTheFirstWeeksWithTheReminderPacingAndStoresNothing() {
        String email = TestSupport.uniqueEmail("preview");
        LocalDate start = nextMonday();
        String page = form(email, "Ada", "America/New_York", start).formParam("intent", "preview")
                .when().post(PAGE).then().statusCode(200)
                .body(containsString("value=\"" + email + "\""))
                .body(containsString("Week 1 · from"))
                .body(containsString("Set up Python and learn the basic syntax"))
                .extract().asString();

        LocalDate finish = expectedFinish(start);
        String label = DateTimeFormatter.ofPattern("EEEE d MMMM uuuu", Locale.ENGLISH).format(finish);
        assertThat(page).contains("you would finish on <strong>" + label + "</strong>");
        assertThat(page).contains(DateTimeFormatter.ofPattern("EEE d MMM", Locale.ENGLISH).format(start.with(DayOfWeek.TUESDAY)) + ", 18:00–19:30");

        given().contentType(ContentType.JSON).body("""
                        {"startDate": "%s", "plan": {"timeZone": "America/New_York",
                         "slots": [{"day": "TUESDAY", "start": "18:00", "minutes": 90}, {"day": "SATURDAY", "start": "09:30", "minutes": 120}],
                         "nudge": {"day": "MONDAY", "time": "07:30"}}}""".formatted(start))
                .when().post("/api/roadmaps/" + TestSupport.ROADMAP + "/preview").then().statusCode(200)
                .body("projectedFinish", equalTo(finish.toString()))
                .body("weeklyMinutes", equalTo(210))
                .body("weeks[0].sessions[0].date", equalTo(start.with(DayOfWeek.TUESDAY).toString()))
                .body("weeks[0].sessions[0].work[0].milestoneId", equalTo("python-setup-and-syntax"));
        assertThat(TestSupport.count("SELECT count(*) FROM learner WHERE email = ?", email)).isZero();
    }

    @Test
    void previewApiNamesTheBadFieldsOfAPlan() {
        given().contentType(ContentType.JSON).body("""
                        {"plan": {"timeZone": "Mars/Olympus", "slots": [{"day": "MONDAY", "start": "18:00", "minutes": 5}]}}""")
                .when().post("/api/roadmaps/" + TestSupport.ROADMAP + "/preview").then().statusCode(400)
                .contentType("application/problem+json")
                .body("errors.field", org.hamcrest.Matchers.hasItems("plan.timeZone", "plan.slots[0].minutes"));
    }

    @Test
    void badInputComesBackWithEachErrorNextToItsFieldAndTheInputKept() {
        String page = given().redirects().follow(false).contentType(ContentType.URLENC)
                .formParam("intent", "subscribe")
                .formParam("email", "not-an-email").formParam("name", "").formParam("locale", "en").formParam("startDate", "someday")
                .formParam("timeZone", "GMT+1")
                .formParam("day", "TUESDAY").formParam("start", "18:00").formParam("minutes", "5")
                .formParam("day", "SATURDAY").formParam("start", "25:99").formParam("minutes", "60")
                .formParam("nudgeDay", "MONDAY").formParam("nudgeTime", "07:30")
                .when().post(PAGE).then().statusCode(400)
                .header("Cache-Control", "no-store")
                .extract().asString();

        assertThat(page)
                .contains("value=\"not-an-email\" aria-invalid=\"true\" aria-describedby=\"email-error\"")
                .contains("<span id=\"email-error\" class=\"error\">must be an email address such as ada@example.org</span>")
                .contains("<span id=\"name-error\" class=\"error\">must not be blank</span>")
                .contains("<span id=\"startDate-error\" class=\"error\">must be a date such as 2027-01-04</span>")
                .contains("<span id=\"slot-1-error\" class=\"error\">Slot 2: start must be a time such as 18:30</span>")
                .contains("value=\"25:99\"")
                .contains("<option value=\"GMT+1\" selected>GMT+1</option>")
                .contains("role=\"alert\"");
        assertThat(TestSupport.count("SELECT count(*) FROM learner WHERE email = 'not-an-email'")).isZero();

        // The plan parses but breaks the service's rules: those errors land next to their fields too.
        String second = form(TestSupport.uniqueEmail("rules"), "Ada", "GMT+1", null).formParam("intent", "subscribe")
                .when().post(PAGE).then().statusCode(400).extract().asString();
        assertThat(second).contains("<span id=\"timeZone-error\" class=\"error\">must be an IANA time zone");
    }

    @Test
    void aGoodFormSubscribesAndLeadsToCheckYourEmail() {
        String email = TestSupport.uniqueEmail("form");
        Response response = form(email, "Grace", "America/New_York", null).formParam("intent", "subscribe")
                .when().post(PAGE);
        assertThat(response.statusCode()).isEqualTo(303);
        assertThat(response.header("Location")).endsWith(PAGE + "/subscribed?lang=en");
        given().when().get(response.header("Location")).then().statusCode(200)
                .body(containsString("Check your email")).body(containsString("AI/ML engineer in 12 months"))
                .body(containsString("A confirmation link works for 48 hours."));
        assertThat(TestSupport.count("SELECT count(*) FROM subscription s JOIN learner l ON l.id = s.learner_id "
                + "WHERE l.email = ? AND s.status = 'PENDING'", email)).isEqualTo(1);
    }

    @Test
    void aFormPostFromAnotherSiteIsRefusedAndStoresNothing() {
        String email = TestSupport.uniqueEmail("csrf");
        form(email, "Eve", "America/New_York", null).header("Origin", "https://evil.example").formParam("intent", "subscribe")
                .when().post(PAGE).then().statusCode(403);
        assertThat(TestSupport.count("SELECT count(*) FROM learner WHERE email = ?", email)).isZero();

        UUID id = TestSupport.subscribed(TestSupport.uniqueEmail("csrf-manage"), TestSupport.ROADMAP, clock, links);
        String manage = "/manage/" + links.token(id, LinkPurpose.MANAGE, Optional.empty());
        given().redirects().follow(false).header("Origin", "https://evil.example").when().post(manage + "/pause").then().statusCode(403);
        TestSupport.as(id, links).when().get("/api/subscriptions/" + id).then().body("status", equalTo("ACTIVE"));

        // The site's own pages, and mail clients' one-click POSTs (no Origin at all), pass.
        given().redirects().follow(false).header("Origin", linkSettings.baseUrl()).when().post(manage + "/pause").then().statusCode(303);
        form(email, "Eve", "America/New_York", null).header("Origin", linkSettings.baseUrl()).formParam("intent", "subscribe")
                .when().post(PAGE).then().statusCode(303);
    }

    @Test
    void aScriptInANameIsShownAsTextOnEveryPage() {
        String email = TestSupport.uniqueEmail("xss");
        // Re-rendered form (an error elsewhere keeps the name in the input).
        String formPage = given().contentType(ContentType.URLENC).formParam("intent", "subscribe").formParam("email", email)
                .formParam("name", SCRIPT).formParam("locale", "xx").formParam("timeZone", "America/New_York")
                .formParam("day", "TUESDAY").formParam("start", "18:00").formParam("minutes", "60")
                .formParam("nudgeDay", "MONDAY").formParam("nudgeTime", "07:30")
                .when().post(PAGE).then().statusCode(400).extract().asString();
        assertNoScript(formPage);

        form(email, SCRIPT, "America/New_York", null).formParam("intent", "subscribe").when().post(PAGE).then().statusCode(303);
        UUID id = QuarkusTransaction.requiringNew()
                .call(() -> subscriptions.findLive(learners.findByEmail(email).orElseThrow().id, TestSupport.ROADMAP).orElseThrow().id);
        assertNoScript(given().when().get("/confirm/" + links.token(id, LinkPurpose.CONFIRM, Optional.empty())).then().statusCode(200)
                .extract().asString());
        given().redirects().follow(false).when().post("/confirm/" + links.token(id, LinkPurpose.CONFIRM, Optional.empty())).then().statusCode(200);
        assertNoScript(given().when().get("/manage/" + links.token(id, LinkPurpose.MANAGE, Optional.empty())).then().statusCode(200)
                .extract().asString());
    }

    private static void assertNoScript(String html) {
        assertThat(html).contains("&lt;script&gt;alert(&#39;x&#39;)&lt;/script&gt;").doesNotContain(SCRIPT);
    }

    private static RequestSpecification form(String email, String name, String zone, LocalDate start) {
        RequestSpecification form = given().redirects().follow(false).contentType(ContentType.URLENC)
                .formParam("email", email).formParam("name", name).formParam("locale", "en")
                .formParam("timeZone", zone)
                .formParam("day", "TUESDAY").formParam("start", "18:00").formParam("minutes", "90")
                .formParam("day", "SATURDAY").formParam("start", "09:30").formParam("minutes", "120")
                .formParam("day", "MONDAY").formParam("start", "").formParam("minutes", "")
                .formParam("nudgeDay", "MONDAY").formParam("nudgeTime", "07:30");
        return start == null ? form.formParam("startDate", "") : form.formParam("startDate", start.toString());
    }

    private LocalDate nextMonday() {
        return TestSupport.today(clock).with(TemporalAdjusters.next(DayOfWeek.MONDAY));
    }

    /**
     * The finish the shared pacing engine gives for the same plan, through the one mapping of a roadmap into pacing input
     * (milestones in play, prerequisites, habits, weekly mix) that the reminder's NudgeBuilder mirrors; the page must show it.
     */
    private LocalDate expectedFinish(LocalDate start) {
        WeeklyPlan plan = new WeeklyPlan(ZoneId.of("America/New_York"),
                List.of(new StudySlot(DayOfWeek.TUESDAY, LocalTime.of(18, 0), 90), new StudySlot(DayOfWeek.SATURDAY, LocalTime.of(9, 30), 120)),
                new NudgeMoment(DayOfWeek.MONDAY, LocalTime.of(7, 30)));
        return schedules.preview(catalog.find(TestSupport.ROADMAP).orElseThrow().document(), plan, start, 1).projectedFinish().orElseThrow();
    }
}
