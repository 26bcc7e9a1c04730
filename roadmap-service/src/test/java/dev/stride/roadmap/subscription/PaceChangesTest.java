package dev.stride.roadmap.subscription;

import dev.stride.contracts.Topics;
import dev.stride.contracts.event.MilestoneProgressed;
import dev.stride.contracts.event.PaceReset;
import dev.stride.contracts.event.PlanChanged;
import dev.stride.contracts.event.StrideEvents;
import dev.stride.contracts.link.LinkPurpose;
import dev.stride.contracts.time.AdjustableClock;
import dev.stride.infra.testing.KafkaTestConsumer;
import dev.stride.infra.testing.StrideInfraResource;
import dev.stride.pacing.PaceBaseline;
import dev.stride.pacing.ProgressState;
import dev.stride.roadmap.TestSupport;
import dev.stride.roadmap.link.Links;
import io.quarkus.test.common.TestResourceScope;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import jakarta.inject.Inject;
import org.junit.jupiter.api.Test;

import java.time.DayOfWeek;
import java.time.Duration;
import java.time.LocalDate;
import java.time.temporal.TemporalAdjusters;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import java.util.function.Predicate;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.not;

/** Logged minutes, a plan change that keeps past weeks, and "re-plan from today", through the API, the manage page and a signed link. */
@QuarkusTest
@WithTestResource(value = StrideInfraResource.class, scope = TestResourceScope.GLOBAL)
class PaceChangesTest {

    private static final String MILESTONE = "python-setup-and-syntax";

    @Inject
    Links links;

    @Inject
    AdjustableClock clock;

    @Test
    void loggedMinutesAddUpOnAMilestoneInProgressAndTravelInItsEvent() {
        UUID id = TestSupport.subscribed(TestSupport.uniqueEmail("logs"), TestSupport.ROADMAP, clock, links);
        String base = "/api/subscriptions/" + id;
        try (KafkaTestConsumer events = new KafkaTestConsumer(Topics.SUBSCRIPTION_EVENTS, StrideEvents.CODEC)) {
            TestSupport.as(id, links).body("{\"minutes\": 45}").when().post(base + "/milestones/" + MILESTONE + "/minutes").then().statusCode(200)
                    .body("progress[0].state", equalTo("IN_PROGRESS")).body("progress[0].loggedMinutes", equalTo(45));
            TestSupport.as(id, links).body("{\"minutes\": 30}").when().post(base + "/milestones/" + MILESTONE + "/minutes").then().statusCode(200)
                    .body("progress[0].loggedMinutes", equalTo(75));

            List<KafkaTestConsumer.Received> received = events.await(pacing(id), 2, Duration.ofSeconds(30));
            assertThat(received).extracting(r -> ((MilestoneProgressed) r.data()).loggedMinutes()).containsExactly(45, 75);
            assertThat(received).extracting(r -> ((MilestoneProgressed) r.data()).state()).containsOnly(ProgressState.IN_PROGRESS);
        }
    }

    @Test
    void badLoggedMinutesAre400NamingTheFieldAndADoneMilestoneIs409() {
        UUID id = TestSupport.subscribed(TestSupport.uniqueEmail("bad-logs"), TestSupport.ROADMAP, clock, links);
        String minutes = "/api/subscriptions/" + id + "/milestones/" + MILESTONE + "/minutes";
        for (String body : List.of("{\"minutes\": 0}", "{\"minutes\": 721}", "{}", "{\"minutes\": -5}")) {
            TestSupport.as(id, links).body(body).when().post(minutes).then().statusCode(400)
                    .contentType("application/problem+json").body("errors.field", hasItem("minutes"));
        }
        TestSupport.as(id, links).body("{\"minutes\": 30}").when().post("/api/subscriptions/" + id + "/milestones/no-such-milestone/minutes")
                .then().statusCode(400).body("errors.field", hasItem("milestoneId"));
        TestSupport.as(id, links).body("{\"state\": \"DONE\"}").when().put("/api/subscriptions/" + id + "/milestones/" + MILESTONE).then().statusCode(200);
        TestSupport.as(id, links).body("{\"minutes\": 30}").when().post(minutes).then().statusCode(409);
        TestSupport.as(id, links).when().get("/api/subscriptions/" + id).then().body("progress[0].loggedMinutes", equalTo(0));
    }

    @Test
    void aPlanChangeKeepsPastWeeksAndReplanningPutsTheLearnerBackOnTrack() {
        UUID id = TestSupport.subscribed(TestSupport.uniqueEmail("replan"), TestSupport.ROADMAP, clock, links);
        LocalDate start = TestSupport.today(clock);
        String base = "/api/subscriptions/" + id;
        String page = "/manage/" + links.token(id, LinkPurpose.MANAGE, Optional.empty());
        given().when().get(page).then().statusCode(200).body(not(containsString("behind your plan")));
        TestSupport.as(id, links).body("{\"minutes\": 60}").when().post(base + "/milestones/" + MILESTONE + "/minutes").then().statusCode(200);

        clock.advance(Duration.ofDays(15));
        LocalDate today = TestSupport.today(clock);
        LocalDate thisMonday = today.with(TemporalAdjusters.previousOrSame(DayOfWeek.MONDAY));
        given().when().get(page).then().statusCode(200).body(containsString("behind your plan")).body(containsString("Re-plan from today"));

        try (KafkaTestConsumer events = new KafkaTestConsumer(Topics.SUBSCRIPTION_EVENTS, StrideEvents.CODEC)) {
            TestSupport.as(id, links).body("""
                    {"timeZone": "America/New_York", "slots": [{"day": "WEDNESDAY", "start": "07:00", "minutes": 240}],
                     "nudge": {"day": "MONDAY", "time": "07:30"}}""").when().put(base + "/plan").then().statusCode(200)
                    .body("baseline.from", equalTo(thisMonday.toString())).body("baseline.expectedMinutes", equalTo(expectedAtTuesdayAndSaturday(start, thisMonday)));
            given().redirects().follow(false).when().post(page + "/replan").then().statusCode(303);
            given().when().get(page).then().statusCode(200).body(not(containsString("behind your plan")));

            Predicate<KafkaTestConsumer.Received> paceEvents = KafkaTestConsumer.key(id.toString())
                    .and(r -> r.type().equals("PlanChanged") || r.type().equals("PaceReset"));
            List<KafkaTestConsumer.Received> received = events.await(paceEvents, 2, Duration.ofSeconds(30));
            assertThat(((PlanChanged) received.get(0).data()).baseline())
                    .isEqualTo(new PaceBaseline(thisMonday, expectedAtTuesdayAndSaturday(start, thisMonday)));
            assertThat(((PaceReset) received.get(1).data()).baseline()).as("what is done is what is expected from today")
                    .isEqualTo(new PaceBaseline(today, 60));
            // Re-planning again the same day changes nothing, so says nothing.
            TestSupport.as(id, links).when().post(base + "/replan").then().statusCode(200).body("baseline.expectedMinutes", equalTo(60));
            assertThat(events.settle(paceEvents, Duration.ofSeconds(1))).hasSize(2);
        }
    }

    @Test
    void theManagePageLogsMinutesAndRefusesWhatIsNotANumber() {
        UUID id = TestSupport.subscribed(TestSupport.uniqueEmail("page-logs"), TestSupport.ROADMAP, clock, links);
        String page = "/manage/" + links.token(id, LinkPurpose.MANAGE, Optional.empty());
        given().when().get(page).then().statusCode(200).body(containsString("Minutes studied on")).body(not(containsString("min logged")));

        given().redirects().follow(false).contentType(ContentType.URLENC).formParam("minutes", "25")
                .when().post(page + "/milestones/" + MILESTONE + "/minutes").then().statusCode(303);
        given().when().get(page).then().statusCode(200).body(containsString("25 min logged"));
        given().redirects().follow(false).contentType(ContentType.URLENC).formParam("minutes", "lots")
                .when().post(page + "/milestones/" + MILESTONE + "/minutes").then().statusCode(400).body(containsString("minutes"));
        TestSupport.as(id, links).when().get("/api/subscriptions/" + id).then()
                .body("progress[0].loggedMinutes", equalTo(25)).body("progress[0].state", equalTo("IN_PROGRESS"));
    }

    @Test
    void theReplanLinkOfAnEmailAsksFirstThenResets() {
        UUID id = TestSupport.subscribed(TestSupport.uniqueEmail("replan-link"), TestSupport.ROADMAP, clock, links);
        clock.advance(Duration.ofDays(15));
        String action = "/actions/" + links.token(id, LinkPurpose.REPLAN, Optional.empty());
        given().when().get(action).then().statusCode(200).body(containsString("Re-plan from today?"));
        TestSupport.as(id, links).when().get("/api/subscriptions/" + id).then().body("baseline", equalTo(null));

        given().contentType(ContentType.URLENC).when().post(action).then().statusCode(200).body(containsString("Re-planned from today"));
        TestSupport.as(id, links).when().get("/api/subscriptions/" + id).then()
                .body("baseline.from", equalTo(TestSupport.today(clock).toString())).body("baseline.expectedMinutes", equalTo(0));
    }

    /** The subscription's events after its request and activation (the consumer may see those too). */
    private static Predicate<KafkaTestConsumer.Received> pacing(UUID id) {
        return KafkaTestConsumer.key(id.toString()).and(r -> !r.type().equals("SubscriptionRequested") && !r.type().equals("SubscriptionActivated"));
    }

    /** The test plan (Tuesday 90 min, Saturday 120 min) from the week after the start week up to {@code until}. */
    private static int expectedAtTuesdayAndSaturday(LocalDate start, LocalDate until) {
        int minutes = 0;
        for (LocalDate date = start.with(TemporalAdjusters.previousOrSame(DayOfWeek.MONDAY)).plusWeeks(1); date.isBefore(until); date = date.plusDays(1)) {
            minutes += date.getDayOfWeek() == DayOfWeek.TUESDAY ? 90 : date.getDayOfWeek() == DayOfWeek.SATURDAY ? 120 : 0;
        }
        return minutes;
    }
}
