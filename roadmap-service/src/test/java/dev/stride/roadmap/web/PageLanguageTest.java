package dev.stride.roadmap.web;

import dev.stride.contracts.link.LinkPurpose;
import dev.stride.contracts.link.LinkToken;
import dev.stride.infra.testing.StrideInfraResource;
import dev.stride.roadmap.TestSupport;
import dev.stride.roadmap.link.Links;
import io.quarkus.test.common.TestResourceScope;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.response.Response;
import jakarta.inject.Inject;
import org.junit.jupiter.api.Test;

import java.time.Clock;
import java.util.Optional;
import java.util.UUID;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * Pages in the learner's language (personal pages) or the browser's (public pages), with {@code <html lang>} to match; their
 * error pages too (a link that does not verify names no learner: the browser's).
 */
@QuarkusTest
@WithTestResource(value = StrideInfraResource.class, scope = TestResourceScope.GLOBAL)
class PageLanguageTest {

    @Inject
    Links links;

    @Inject
    Clock clock;

    @Test
    void aGermanLearnersManagePageIsGermanAndAnEnglishLearnersEnglish() {
        String german = manage(learner("deutsch", "de"));
        assertThat(german).contains("<html lang=\"de\">", "Dein Wochenplan", "Fortschritt", "Diese Woche aussetzen", "Dienstag um 18:00 Uhr, 90 Min.",
                "Wöchentliche E-Mail am", "Meine Daten löschen", "<h2 id=\"weeks-off\">Wochen aussetzen</h2>", "Minuten gelernt an",
                ">Montag, ", "Alle E-Mails von Stride beenden</a>");
        assertThat(german).doesNotContain("lang=\"en\"", "Your weekly plan", "Skip this week", "Tuesday", "Weeks off", "Minutes studied", "Monday");

        String english = manage(learner("english", "en"));
        assertThat(english).contains("<html lang=\"en\">", "Your weekly plan", "Progress", "Skip this week", "Tuesday at 18:00, 90 min");
        assertThat(english).doesNotContain("lang=\"de\"", "Dein Wochenplan", "Dienstag");
    }

    @Test
    void theCatalogFollowsTheBrowsersLanguageAndTheSwitch() {
        Response german = given().header("Accept-Language", "de-DE,de;q=0.9,en;q=0.8").when().get("/");
        assertThat(german.statusCode()).isEqualTo(200);
        assertThat(german.body().asString()).contains("<html lang=\"de\">", "<h1>Lern-Roadmaps</h1>", "Plan ansehen und abonnieren",
                "251 Std. wie vorgeschlagen · etwa 12 Monate").doesNotContain("Study roadmaps");
        // Shared caches keep one copy per language.
        assertThat(german.header("Vary")).containsIgnoringCase("Accept-Language");
        assertThat(german.header("Content-Language")).isEqualTo("de");

        for (String browser : new String[]{"en-US,en;q=0.9", "fr-FR,fr;q=0.9", "*"}) {
            String page = given().header("Accept-Language", browser).when().get("/").then().statusCode(200).extract().asString();
            assertThat(page).as(browser).contains("<html lang=\"en\">", "<h1>Study roadmaps</h1>").doesNotContain("Lern-Roadmaps");
        }
        assertThat(given().when().get("/").then().statusCode(200).extract().asString()).contains("<html lang=\"en\">");

        // The visible switch wins over the browser.
        assertThat(given().header("Accept-Language", "en").queryParam("lang", "de").when().get("/").then().extract().asString())
                .contains("<html lang=\"de\">", "Lern-Roadmaps", "href=\"/?lang=en\"");
        assertThat(given().queryParam("lang", "de").when().get("/roadmaps/" + TestSupport.ROADMAP).then().extract().asString())
                .contains("href=\"/roadmaps/" + TestSupport.ROADMAP + "?lang=en\"");
    }

    @Test
    void aRoadmapPageAndItsFormAreGermanForAGermanBrowser() {
        String page = given().header("Accept-Language", "de").when().get("/roadmaps/" + TestSupport.ROADMAP).then().statusCode(200).extract().asString();
        assertThat(page).contains("<html lang=\"de\">", ">Abonnieren</button>", ">Meine ersten Wochen anzeigen</button>", ">Dienstag</option>",
                "Erledigt, wenn:", "<option value=\"de\" lang=\"de\" selected>Deutsch</option>");
        assertThat(page).doesNotContain(">Tuesday</option>", "Preview my first weeks");

        // A form sent back with errors stays in the language chosen for the emails, its summary names the fields in it.
        String refused = given().contentType(ContentType.URLENC).header("Accept-Language", "en")
                .formParam("intent", "subscribe").formParam("email", "kein-email").formParam("name", "Ada").formParam("locale", "de")
                .formParam("timeZone", TestSupport.ZONE).formParam("day", "TUESDAY").formParam("start", "18:00").formParam("minutes", "90")
                .formParam("nudgeDay", "MONDAY").formParam("nudgeTime", "07:30")
                .when().post("/roadmaps/" + TestSupport.ROADMAP).then().statusCode(400).extract().asString();
        assertThat(refused).contains("<html lang=\"de\">", "Bitte prüfe diese Felder:", "<li>E-Mail: muss eine E-Mail-Adresse sein, zum Beispiel ada@example.org</li>",
                "<span id=\"email-error\" class=\"error\">muss eine E-Mail-Adresse sein").doesNotContain("must be an email address");

        // A form that subscribes leads to "check your email" in that language, whatever the browser says, with the switch.
        String checkEmail = given().redirects().follow(false).contentType(ContentType.URLENC).header("Accept-Language", "en")
                .formParam("intent", "subscribe").formParam("email", TestSupport.uniqueEmail("sprache")).formParam("name", "Ada")
                .formParam("locale", "de").formParam("startDate", "").formParam("timeZone", TestSupport.ZONE)
                .formParam("day", "TUESDAY").formParam("start", "18:00").formParam("minutes", "90")
                .formParam("nudgeDay", "MONDAY").formParam("nudgeTime", "07:30")
                .when().post("/roadmaps/" + TestSupport.ROADMAP).then().statusCode(303).extract().header("Location");
        assertThat(checkEmail).endsWith("/roadmaps/" + TestSupport.ROADMAP + "/subscribed?lang=de");
        assertThat(given().header("Accept-Language", "en").when().get(checkEmail).then().statusCode(200).extract().asString())
                .contains("<html lang=\"de\">", "href=\"/roadmaps/" + TestSupport.ROADMAP + "/subscribed?lang=en\"")
                .doesNotContain("Check your email");
    }

    @Test
    void aGermanLearnersManagePageWordsItsFieldErrorsInGerman() {
        UUID id = learner("fehler", "de");
        String page = "/manage/" + links.token(id, LinkPurpose.MANAGE, Optional.empty());
        java.time.LocalDate today = TestSupport.today(clock);
        String away = given().contentType(ContentType.URLENC).formParam("awayFrom", today.plusDays(10).toString()).formParam("awayTo", today.plusDays(3).toString())
                .when().post(page + "/weeks/away").then().statusCode(400).extract().asString();
        assertThat(away).contains("<html lang=\"de\">", "<span id=\"awayTo-error\" class=\"error\">muss am ersten freien Tag oder danach liegen</span>")
                .doesNotContain("must be on or after");
        String plan = given().contentType(ContentType.URLENC).formParam("timeZone", TestSupport.ZONE)
                .formParam("day", "TUESDAY").formParam("start", "18:00").formParam("minutes", "10")
                .formParam("nudgeDay", "MONDAY").formParam("nudgeTime", "7 Uhr")
                .when().post(page + "/plan").then().statusCode(400).extract().asString();
        assertThat(plan).contains("muss eine Uhrzeit sein, zum Beispiel 07:30").doesNotContain("must be a time");
    }

    @Test
    void aGermanLearnersLinkPagesAreGerman() {
        UUID id = learner("links", "de");
        String unsubscribe = given().when().get("/unsubscribe/" + links.token(id, LinkPurpose.UNSUBSCRIBE, Optional.empty()))
                .then().statusCode(200).extract().asString();
        assertThat(unsubscribe).contains("<html lang=\"de\">", "Von AI/ML engineer in 12 months abmelden?");
        String pause = given().when().get("/actions/" + links.token(id, LinkPurpose.PAUSE, Optional.empty())).then().statusCode(200).extract().asString();
        assertThat(pause).contains("<html lang=\"de\">", "Deinen Plan pausieren?", ">Pausieren</button>");
    }

    @Test
    void aGermanLearnersHomePageAndTheGermanSignInPageAreGerman() {
        String home = given().when().get(homePath(learner("zuhause", "de"))).then().statusCode(200).extract().asString();
        assertThat(home).contains("<html lang=\"de\">", "Deine Roadmaps", "<td>Aktiv</td>", "0 von 46 Meilensteinen erledigt", "Dein Profil",
                ">Speichern</button>").doesNotContain("<html lang=\"en\">", "Your roadmaps", "ACTIVE", "milestones done");
        String english = given().when().get(homePath(learner("home", "en"))).then().statusCode(200).extract().asString();
        assertThat(english).contains("<html lang=\"en\">", "<td>Active</td>", "0 of 46 milestones done").doesNotContain("Deine Roadmaps");

        Response signIn = given().header("Accept-Language", "de-DE,de;q=0.9").when().get("/sign-in");
        assertThat(signIn.statusCode()).isEqualTo(200);
        assertThat(signIn.body().asString()).contains("<html lang=\"de\">", "<h1>Meine Links per E-Mail senden</h1>", "name=\"lang\" value=\"de\"",
                        "href=\"/sign-in?lang=en\"", "href=\"/sign-in?lang=de\" hreflang=\"de\" lang=\"de\" aria-current=\"true\"")
                .doesNotContain("Email me my links", "Lost an email");
        assertThat(signIn.header("Content-Language")).isEqualTo("de");
        // The form's language comes back with it, whatever the browser says.
        String sent = given().header("Accept-Language", "en").formParam("email", TestSupport.uniqueEmail("anmelden")).formParam("lang", "de")
                .when().post("/sign-in").then().statusCode(202).extract().asString();
        assertThat(sent).contains("<html lang=\"de\">", "Wenn Stride diese Adresse kennt").doesNotContain("If Stride knows this address");
        String refused = given().formParam("email", "kaputt").formParam("lang", "de").when().post("/sign-in").then().statusCode(400).extract().asString();
        assertThat(refused).contains("<span class=\"error\" id=\"email-error\">muss eine E-Mail-Adresse sein").doesNotContain("must be an email address");
        assertThat(given().formParam("email", "broken").formParam("lang", "en").when().post("/sign-in").then().statusCode(400).extract().asString())
                .contains("<span class=\"error\" id=\"email-error\">must be an email address such as ada@example.org</span>");
    }

    @Test
    void theGermanPreviewWordsItsPaceAdviceInGerman() {
        java.time.LocalDate start = TestSupport.today(clock).plusDays(7);
        String page = given().contentType(ContentType.URLENC).formParam("intent", "preview").formParam("email", "").formParam("name", "")
                .formParam("locale", "de").formParam("startDate", start.toString()).formParam("timeZone", TestSupport.ZONE)
                .formParam("day", "TUESDAY").formParam("start", "18:00").formParam("minutes", "60")
                .formParam("nudgeDay", "MONDAY").formParam("nudgeTime", "07:30").formParam("finishBy", start.plusDays(364).toString())
                .when().post("/roadmaps/" + TestSupport.ROADMAP).then().statusCode(200).extract().asString();
        assertThat(page).contains("<html lang=\"de\">", "weit unter den 5 Std. pro Woche, die diese Roadmap empfiehlt", "Um bis <strong>",
                "Einheiten à 90 Minuten", "<label for=\"finishBy\">Fertig bis", "data-text-duration=\"0 Std. 59 Min.\"")
                .doesNotContain("far below", "To finish by", "Finish by");
    }

    @Test
    void aLinkThatDoesNotVerifyGetsItsErrorPageInTheBrowsersLanguage() {
        // An English learner's link: once it no longer verifies it names no one, so the browser's language counts.
        UUID id = learner("abgelaufen", "en");
        String expired = "/manage/" + links.signer().sign(new LinkToken(id, LinkPurpose.MANAGE, clock.instant().minusSeconds(1), Optional.empty()));

        Response german = given().header("Accept-Language", "de-DE,de;q=0.9,en;q=0.8").when().get(expired);
        assertThat(german.statusCode()).isEqualTo(410);
        assertThat(german.header("Content-Language")).isEqualTo("de");
        assertThat(german.body().asString()).contains("<html lang=\"de\">", "<h1>Link abgelaufen</h1>", "Dieser Link ist abgelaufen",
                        "Fehler 410.", "<h2>Schick mir meine Links</h2>", "action=\"/sign-in\"", "name=\"lang\" value=\"de\"")
                .doesNotContain("Link expired", "Email me my links", "This link expired at");

        Response english = given().when().get(expired);
        assertThat(english.statusCode()).isEqualTo(410);
        assertThat(english.header("Content-Language")).isEqualTo("en");
        assertThat(english.body().asString()).contains("<html lang=\"en\">", "<h1>Link expired</h1>", "This link expired at", "Email me my links",
                "name=\"lang\" value=\"en\"").doesNotContain("Link abgelaufen");

        String token = links.token(id, LinkPurpose.MANAGE, Optional.empty());
        int at = token.length() - 5;
        String forgedToken = token.substring(0, at) + (token.charAt(at) == 'A' ? 'B' : 'A') + token.substring(at + 1);
        String forged = given().header("Accept-Language", "de").when().get("/manage/" + forgedToken)
                .then().statusCode(403).extract().asString();
        assertThat(forged).contains("<html lang=\"de\">", "<h1>Link ungültig</h1>", "stammt nicht von Stride").doesNotContain("Link not valid");

        // A public page's error follows the page's language: the browser's, or the switch.
        assertThat(given().header("Accept-Language", "de").when().get("/roadmaps/no-such-roadmap").then().statusCode(404).extract().asString())
                .contains("<html lang=\"de\">", "<h1>Nicht gefunden</h1>").doesNotContain("No such roadmap");
        assertThat(given().header("Accept-Language", "de").queryParam("lang", "en").when().get("/roadmaps/no-such-roadmap").then().statusCode(404)
                .extract().asString()).contains("<html lang=\"en\">", "<h1>No such roadmap</h1>");
    }

    @Test
    void aLearnersErrorPagesSpeakTheirLanguageWhateverTheBrowserSays() {
        UUID german = learner("kalender", "de");
        UUID english = learner("calendar", "en");
        String germanFeed = rotatedFeed(german);
        String englishFeed = rotatedFeed(english);

        // The replaced calendar link verifies, so it names its learner: their language, not the browser's.
        Response replaced = given().header("Accept-Language", "en").when().get(germanFeed);
        assertThat(replaced.statusCode()).isEqualTo(410);
        assertThat(replaced.header("Content-Language")).isEqualTo("de");
        assertThat(replaced.body().asString()).contains("<html lang=\"de\">", "<h1>Link abgelaufen</h1>", "durch einen neuen ersetzt",
                "Schick mir meine Links").doesNotContain("replaced by a new one", "Email me my links");
        assertThat(given().header("Accept-Language", "de").when().get(englishFeed).then().statusCode(410).extract().asString())
                .contains("<html lang=\"en\">", "<h1>Link expired</h1>", "replaced by a new one", "Email me my links")
                .doesNotContain("Link abgelaufen", "Schick mir meine Links");

        // Bad input on a German learner's manage page: the fields and their reasons in German.
        String badWeek = given().header("Accept-Language", "en").contentType(ContentType.URLENC).formParam("week", "")
                .when().post("/manage/" + links.token(german, LinkPurpose.MANAGE, Optional.empty()) + "/weeks/skip")
                .then().statusCode(400).extract().asString();
        assertThat(badWeek).contains("<html lang=\"de\">", "<h1>Ungültige Eingabe</h1>", "Bitte korrigiere: week.",
                "<li>week: fehlt: ein Datum, zum Beispiel 2026-12-24</li>").doesNotContain("Invalid input", "is required");
    }

    /** A calendar link issued before the learner replaced their feed's link. */
    private String rotatedFeed(UUID id) {
        String feed = "/calendar/" + links.token(id, LinkPurpose.CALENDAR, Optional.empty()) + ".ics";
        given().when().get(feed).then().statusCode(200);
        given().redirects().follow(false).when().post("/manage/" + links.token(id, LinkPurpose.MANAGE, Optional.empty()) + "/links/calendar")
                .then().statusCode(303);
        return feed;
    }

    private String homePath(UUID subscription) {
        String location = given().redirects().follow(false)
                .when().get("/manage/" + links.token(subscription, LinkPurpose.MANAGE, Optional.empty()) + "/links/home")
                .then().statusCode(303).extract().header("Location");
        return location.substring(location.indexOf("/home/"));
    }

    private UUID learner(String prefix, String locale) {
        String email = TestSupport.uniqueEmail(prefix);
        UUID id = TestSupport.subscribe(email, TestSupport.ROADMAP,
                TestSupport.subscribeJson(email, TestSupport.ROADMAP, TestSupport.today(clock)).replace("\"locale\": \"en\"", "\"locale\": \"" + locale + "\""));
        given().contentType(ContentType.JSON).body("{\"token\": \"" + links.token(id, LinkPurpose.CONFIRM, Optional.empty()) + "\"}")
                .when().post("/api/subscriptions/confirm").then().statusCode(200);
        return id;
    }

    private String manage(UUID id) {
        return given().when().get("/manage/" + links.token(id, LinkPurpose.MANAGE, Optional.empty())).then().statusCode(200).extract().asString();
    }
}
