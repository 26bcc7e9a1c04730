package dev.stride.roadmap.web;

import dev.stride.contracts.Topics;
import dev.stride.contracts.event.SignInRequested;
import dev.stride.contracts.event.StrideEvents;
import dev.stride.contracts.link.LinkPurpose;
import dev.stride.contracts.link.LinkToken;
import dev.stride.contracts.time.AdjustableClock;
import dev.stride.infra.testing.KafkaTestConsumer;
import dev.stride.infra.testing.StrideInfraResource;
import dev.stride.roadmap.TestSupport;
import dev.stride.roadmap.link.Links;
import dev.stride.roadmap.subscription.SubscribeIntake;
import io.quarkus.test.common.TestResourceScope;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import jakarta.inject.Inject;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.not;

/** "Email me my links": one answer for every address, an email only for a known one, limits, the home page, expired links, feed rotation. */
@QuarkusTest
@WithTestResource(value = StrideInfraResource.class, scope = TestResourceScope.GLOBAL)
class SignInTest {

    private static final Pattern MANAGE_LINK = Pattern.compile("href=\"http://[^\"]+(/manage/[^\"/]+)\"");

    @Inject
    Links links;

    @Inject
    AdjustableClock clock;

    @Test
    void aKnownAndAnUnknownAddressHearTheSameAndOnlyTheKnownOneGetsAnEmail() {
        String known = TestSupport.uniqueEmail("known");
        String unknown = TestSupport.uniqueEmail("unknown");
        TestSupport.subscribed(known, TestSupport.ROADMAP, clock, links);
        try (KafkaTestConsumer events = new KafkaTestConsumer(Topics.SUBSCRIPTION_EVENTS, StrideEvents.CODEC)) {
            String toKnown = signIn(known).statusCode(202).extract().asString();
            String toUnknown = signIn(unknown).statusCode(202).extract().asString();
            assertThat(toUnknown).isEqualTo(toKnown).contains(SubscribeIntake.LINKS_SENT);
            given().formParam("email", unknown).when().post("/sign-in").then().statusCode(202).body(containsString("If Stride knows this address"));

            List<KafkaTestConsumer.Received> sent = events.await(signInTo(known), 1, Duration.ofSeconds(30));
            assertThat(sent).hasSize(1);
            SignInRequested request = (SignInRequested) sent.get(0).data();
            LinkToken home = links.signer().verify(request.homeUrl().substring(request.homeUrl().lastIndexOf('/') + 1), LinkPurpose.SIGN_IN, null);
            assertThat(home.subscriptionId()).isEqualTo(request.learnerId());
            assertThat(sent.get(0).key()).isEqualTo(request.learnerId().toString());
            assertThat(Duration.between(clock.instant(), request.validUntil())).isBetween(Duration.ofMinutes(29), Duration.ofMinutes(30));
            assertThat(events.settle(signInTo(unknown), Duration.ofSeconds(3))).as("nothing for an address Stride does not know").isEmpty();
        }
        assertThat(TestSupport.count("SELECT count(*) FROM outbox_event WHERE event_type = 'SignInRequested' AND payload LIKE ?1", "%" + unknown + "%"))
                .isZero();
    }

    @Test
    void signInIsRateLimitedPerAddressWhetherOrNotItIsKnownAndABadAddressIsA400() {
        clock.advance(Duration.ofDays(2));
        String address = TestSupport.uniqueEmail("limited");
        TestSupport.subscribed(address, TestSupport.ROADMAP, clock, links);
        for (int i = 0; i < 3; i++) {
            signIn(address).statusCode(202);
        }
        signIn(address).statusCode(429).contentType("application/problem+json").header("Retry-After", not(equalTo("0")))
                .body("errors[0].field", equalTo("email"));
        String stranger = TestSupport.uniqueEmail("limited-unknown");
        for (int i = 0; i < 3; i++) {
            signIn(stranger).statusCode(202);
        }
        signIn(stranger).statusCode(429).body("errors[0].field", equalTo("email"));
        assertThat(TestSupport.count("SELECT count(*) FROM outbox_event WHERE event_type = 'SignInRequested' AND payload LIKE ?1", "%" + address + "%"))
                .as("the refused request sent nothing").isEqualTo(3);
        given().formParam("email", address).when().post("/sign-in").then().statusCode(429).header("Retry-After", not(equalTo("0")));

        given().contentType(ContentType.JSON).body("{\"email\": \"not an address\"}").when().post("/api/sign-in").then().statusCode(400)
                .contentType("application/problem+json").body("errors[0].field", equalTo("email"));
        given().formParam("email", "nope").when().post("/sign-in").then().statusCode(400).body(containsString("must be an email address"));
        clock.advance(Duration.ofHours(2));
        signIn(address).statusCode(202);
    }

    @Test
    void theHomePageListsEverySubscriptionWithProgressAndAFreshManageLink() {
        String email = TestSupport.uniqueEmail("home");
        UUID first = TestSupport.subscribed(email, TestSupport.ROADMAP, clock, links);
        UUID second = TestSupport.subscribed(email, "ai-ml-four-phases", clock, links);
        TestSupport.as(first, links).body("{\"state\": \"DONE\"}").when().put("/api/subscriptions/" + first + "/milestones/python-setup-and-syntax")
                .then().statusCode(200);
        TestSupport.as(second, links).when().post("/api/subscriptions/" + second + "/pause").then().statusCode(200);

        String home = homePath(first);
        String page = given().when().get(home).then().statusCode(200).header("Cache-Control", "no-store")
                .body(containsString("AI/ML engineer in 12 months")).body(containsString("1 of 46 milestones done"))
                .body(containsString("<td>Active</td>")).body(containsString("<td>Paused</td>")).body(containsString("value=\"" + email + "\""))
                .extract().asString();
        Matcher manage = MANAGE_LINK.matcher(page);
        List<String> manageLinks = manage.results().map(match -> match.group(1)).toList();
        assertThat(manageLinks).hasSize(2);
        assertThat(manageLinks.stream().map(path -> links.signer().verify(path.substring("/manage/".length()), LinkPurpose.MANAGE, null).subscriptionId()))
                .containsExactlyInAnyOrder(first, second);
        given().when().get(manageLinks.get(0)).then().statusCode(200).body(containsString("/links/home"));
    }

    @Test
    void anExpiredLinkOffersToEmailTheLinksAgain() {
        String email = TestSupport.uniqueEmail("expired");
        UUID id = TestSupport.subscribed(email, TestSupport.ROADMAP, clock, links);
        String home = homePath(id);
        String manage = "/manage/" + links.token(id, LinkPurpose.MANAGE, Optional.empty());
        given().when().get(home).then().statusCode(200);

        clock.advance(Duration.ofMinutes(31));
        given().when().get(home).then().statusCode(410).body(containsString("Email me my links")).body(containsString("action=\"/sign-in\""));
        given().when().get(manage).then().statusCode(200);
        clock.advance(Duration.ofDays(91));
        given().when().get(manage).then().statusCode(410).body(containsString("action=\"/sign-in\""));
    }

    @Test
    void rotatingTheCalendarFeedEndsTheOldLinkAndTheNewOneWorksWithoutExpiring() {
        UUID id = TestSupport.subscribed(TestSupport.uniqueEmail("rotate"), TestSupport.ROADMAP, clock, links);
        String manage = "/manage/" + links.token(id, LinkPurpose.MANAGE, Optional.empty());
        String before = feedPath(given().when().get(manage).then().statusCode(200).extract().asString());
        String legacy = "/calendar/" + links.token(id, LinkPurpose.CALENDAR, Optional.empty()) + ".ics";
        given().when().get(before).then().statusCode(200);
        given().when().get(legacy).then().statusCode(200);

        clock.advance(Duration.ofMillis(5));
        given().redirects().follow(false).when().post(manage + "/links/calendar").then().statusCode(303);
        clock.advance(Duration.ofMillis(5));
        given().when().get(before).then().statusCode(410).body(containsString("replaced by a new one"));
        given().when().get(legacy).then().statusCode(410);
        String after = feedPath(given().when().get(manage).then().statusCode(200).extract().asString());
        assertThat(after).isNotEqualTo(before);
        clock.advance(Duration.ofDays(400));
        given().when().get(after).then().statusCode(200).contentType(containsString("text/calendar"));
    }

    private static String feedPath(String managePage) {
        Matcher feed = Pattern.compile("https?://[^/<\"]+(/calendar/[^<\"]+\\.ics)").matcher(managePage);
        assertThat(feed.find()).as("the manage page shows the feed link").isTrue();
        return feed.group(1);
    }

    /** The home page's path, through the manage page's link to it. */
    private String homePath(UUID subscription) {
        String location = given().redirects().follow(false)
                .when().get("/manage/" + links.token(subscription, LinkPurpose.MANAGE, Optional.empty()) + "/links/home")
                .then().statusCode(303).extract().header("Location");
        return location.substring(location.indexOf("/home/"));
    }

    private static io.restassured.response.ValidatableResponse signIn(String email) {
        return given().contentType(ContentType.JSON).body("{\"email\": \"" + email + "\"}").when().post("/api/sign-in").then();
    }

    private static java.util.function.Predicate<KafkaTestConsumer.Received> signInTo(String email) {
        return record -> record.data() instanceof SignInRequested request && request.learner().email().equalsIgnoreCase(email);
    }
}
