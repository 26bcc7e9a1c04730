package dev.stride.roadmap.web;

import dev.stride.contracts.Topics;
import dev.stride.contracts.event.StrideEvents;
import dev.stride.contracts.event.WeekSkipped;
import dev.stride.contracts.event.WeekUnskipped;
import dev.stride.contracts.link.LinkPurpose;
import dev.stride.infra.testing.KafkaTestConsumer;
import dev.stride.infra.testing.StrideInfraResource;
import dev.stride.roadmap.TestSupport;
import dev.stride.roadmap.link.Links;
import dev.stride.roadmap.subscription.SkippedWeeks;
import io.quarkus.test.common.TestResourceScope;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import jakarta.inject.Inject;
import org.junit.jupiter.api.Test;

import java.time.Clock;
import java.time.Duration;
import java.time.LocalDate;
import java.util.Optional;
import java.util.UUID;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.empty;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.not;

/** Weeks are explicit: an email's skip link skips the week it names, and the manage page skips any coming week, takes it back, or an away period. */
@QuarkusTest
@WithTestResource(value = StrideInfraResource.class, scope = TestResourceScope.GLOBAL)
class WeeksOffTest {

    @Inject
    Links links;

    @Inject
    Clock clock;

    @Test
    void aSkipLinkSkipsTheWeekItNamesNotTheWeekItIsClickedIn() {
        UUID id = TestSupport.subscribed(TestSupport.uniqueEmail("skip-link"), TestSupport.ROADMAP, clock, links);
        LocalDate thisWeek = SkippedWeeks.mondayOf(TestSupport.today(clock));
        LocalDate nextWeek = thisWeek.plusWeeks(1);
        // What a Sunday nudge about next week carries, clicked before that week begins.
        String link = "/actions/" + links.token(id, LinkPurpose.SKIP_WEEK, Optional.of(nextWeek.toString()));

        try (KafkaTestConsumer events = new KafkaTestConsumer(Topics.SUBSCRIPTION_EVENTS, StrideEvents.CODEC)) {
            given().when().get(link).then().statusCode(200).body(containsString("Skip the week of " + SkippedWeeks.label(nextWeek)));
            given().when().post(link).then().statusCode(200).body(containsString("The week of " + SkippedWeeks.label(nextWeek) + " is skipped"));

            assertThat(events.await(weeks(id), 1, Duration.ofSeconds(30)))
                    .extracting(KafkaTestConsumer.Received::data).containsExactly(new WeekSkipped(id, nextWeek));
        }
        TestSupport.as(id, links).when().get("/api/subscriptions/" + id).then()
                .body("skippedWeeks", hasItem(nextWeek.toString()))
                .body("skippedWeeks", not(hasItem(thisWeek.toString())));
    }

    @Test
    void aSkipLinkForAWeekThatIsOverSaysSoAndSkipsNothing() {
        UUID id = TestSupport.subscribed(TestSupport.uniqueEmail("late-skip"), TestSupport.ROADMAP, clock, links);
        LocalDate lastWeek = SkippedWeeks.mondayOf(TestSupport.today(clock)).minusWeeks(1);
        String link = "/actions/" + links.token(id, LinkPurpose.SKIP_WEEK, Optional.of(lastWeek.toString()));

        try (KafkaTestConsumer events = new KafkaTestConsumer(Topics.SUBSCRIPTION_EVENTS, StrideEvents.CODEC)) {
            given().when().get(link).then().statusCode(410).body(containsString("That week is over"))
                    .body(containsString("the week of " + SkippedWeeks.label(lastWeek) + ", which is over"))
                    .body(not(containsString("action=\"/actions/")));
            given().when().post(link).then().statusCode(410).body(containsString("nothing was skipped"));

            assertThat(events.settle(weeks(id), Duration.ofSeconds(3))).as("no WeekSkipped").isEmpty();
        }
        TestSupport.as(id, links).when().get("/api/subscriptions/" + id).then().body("skippedWeeks", empty());
    }

    @Test
    void theManagePageSkipsAComingWeekTakesItBackAndSkipsAnAwayPeriod() {
        UUID id = TestSupport.subscribed(TestSupport.uniqueEmail("weeks-off"), TestSupport.ROADMAP, clock, links);
        String page = "/manage/" + links.token(id, LinkPurpose.MANAGE, Optional.empty());
        LocalDate thisWeek = SkippedWeeks.mondayOf(TestSupport.today(clock));
        LocalDate picked = thisWeek.plusWeeks(3);

        given().when().get(page).then().statusCode(200).body(containsString("Weeks off"))
                .body(containsString("<option value=\"" + picked + "\">" + SkippedWeeks.label(picked) + "</option>"))
                .body(containsString("href=\"/stop-all/"));

        try (KafkaTestConsumer events = new KafkaTestConsumer(Topics.SUBSCRIPTION_EVENTS, StrideEvents.CODEC)) {
            form().formParam("week", picked.toString()).when().post(page + "/weeks/skip").then().statusCode(303);
            given().when().get(page).then().body(containsString("Week of " + SkippedWeeks.label(picked)));
            form().formParam("week", picked.toString()).when().post(page + "/weeks/unskip").then().statusCode(303);
            // Away from a Wednesday to the Tuesday after: the two weeks it touches.
            form().formParam("awayFrom", thisWeek.plusWeeks(5).plusDays(2).toString()).formParam("awayTo", thisWeek.plusWeeks(6).plusDays(1).toString())
                    .when().post(page + "/weeks/away").then().statusCode(303);

            assertThat(events.await(weeks(id), 4, Duration.ofSeconds(30))).extracting(KafkaTestConsumer.Received::data)
                    .containsExactly(new WeekSkipped(id, picked), new WeekUnskipped(id, picked),
                            new WeekSkipped(id, thisWeek.plusWeeks(5)), new WeekSkipped(id, thisWeek.plusWeeks(6)));
            assertThat(events.settle(weeks(id), Duration.ofSeconds(1))).hasSize(4);
        }
        TestSupport.as(id, links).when().get("/api/subscriptions/" + id).then()
                .body("skippedWeeks", equalTo(java.util.List.of(thisWeek.plusWeeks(5).toString(), thisWeek.plusWeeks(6).toString())));
    }

    @Test
    void aBadAwayPeriodIsRefusedNamingItsField() {
        UUID id = TestSupport.subscribed(TestSupport.uniqueEmail("bad-away"), TestSupport.ROADMAP, clock, links);
        String page = "/manage/" + links.token(id, LinkPurpose.MANAGE, Optional.empty());
        LocalDate today = TestSupport.today(clock);

        // The manage page comes back with the dates as typed and the error by its field, not a problem page.
        String refused = form().formParam("awayFrom", today.plusDays(10).toString()).formParam("awayTo", today.plusDays(3).toString())
                .when().post(page + "/weeks/away").then().statusCode(400).contentType(containsString("text/html")).extract().asString();
        assertThat(refused).contains("id=\"this-week\"")
                .contains("value=\"" + today.plusDays(10) + "\"").contains("value=\"" + today.plusDays(3) + "\"")
                .containsPattern("aria-invalid=\"true\" aria-describedby=\"awayTo-error\"")
                .containsPattern("<span id=\"awayTo-error\" class=\"error\">must be on or after the first day away</span>")
                .doesNotContain("awayFrom-error");
        form().formParam("awayFrom", "soon").formParam("awayTo", "")
                .when().post(page + "/weeks/away").then().statusCode(400)
                .body(containsString("<span id=\"awayFrom-error\" class=\"error\">must be a date such as 2026-12-24</span>"))
                .body(containsString("id=\"awayTo-error\"")).body(containsString("value=\"soon\""));
        TestSupport.as(id, links).body("{\"awayFrom\": \"" + today.minusDays(1) + "\", \"awayTo\": \"" + today.plusDays(3) + "\"}")
                .when().post("/api/subscriptions/" + id + "/away").then().statusCode(400).contentType(containsString("problem+json"))
                .body("errors[0].field", equalTo("awayFrom"));
        TestSupport.as(id, links).body("{\"week\": \"" + today.minusWeeks(1) + "\"}")
                .when().post("/api/subscriptions/" + id + "/unskip-week").then().statusCode(400).body("errors[0].field", equalTo("week"));
        TestSupport.as(id, links).when().get("/api/subscriptions/" + id).then().body("skippedWeeks", empty());
    }

    /** The subscription's week events (the consumer also sees its earlier ones, as the outbox relays them). */
    private static java.util.function.Predicate<KafkaTestConsumer.Received> weeks(UUID id) {
        return r -> r.key().equals(id.toString()) && (r.data() instanceof WeekSkipped || r.data() instanceof WeekUnskipped);
    }

    private static io.restassured.specification.RequestSpecification form() {
        return given().redirects().follow(false).contentType(ContentType.URLENC);
    }
}
