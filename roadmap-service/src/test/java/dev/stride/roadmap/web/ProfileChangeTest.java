package dev.stride.roadmap.web;

import dev.stride.contracts.Topics;
import dev.stride.contracts.event.AddressChangeRequested;
import dev.stride.contracts.event.LearnerChanged;
import dev.stride.contracts.event.SignInRequested;
import dev.stride.contracts.event.StrideEvents;
import dev.stride.contracts.link.LinkPurpose;
import dev.stride.contracts.privacy.Addresses;
import dev.stride.contracts.time.AdjustableClock;
import dev.stride.infra.testing.KafkaTestConsumer;
import dev.stride.infra.testing.StrideInfraResource;
import dev.stride.roadmap.TestSupport;
import dev.stride.roadmap.link.Links;
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

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;

/** The profile on the home page: name and language at once, a new address only once the link sent to it is followed. */
@QuarkusTest
@WithTestResource(value = StrideInfraResource.class, scope = TestResourceScope.GLOBAL)
class ProfileChangeTest {

    @Inject
    Links links;

    @Inject
    AdjustableClock clock;

    @Test
    void nameAndLanguageChangeAtOnceAndReachTheReminder() {
        String email = TestSupport.uniqueEmail("rename");
        UUID id = TestSupport.subscribed(email, TestSupport.ROADMAP, clock, links);
        String home = homePath(id);
        try (KafkaTestConsumer events = new KafkaTestConsumer(Topics.SUBSCRIPTION_EVENTS, StrideEvents.CODEC)) {
            save(home, email, "Grace", "xx").statusCode(400).body(containsString("must be en or de"));
            assertThat(learnerIs(email, "Ada", "en")).as("a refused form changes nothing").isTrue();

            save(home, email, "Grace", "de").statusCode(303);
            assertThat(learnerIs(email, "Grace", "de")).isTrue();
            List<KafkaTestConsumer.Received> changed = events.await(learnerChanged(id), 1, Duration.ofSeconds(30));
            assertThat(changed).hasSize(1);
            LearnerChanged event = (LearnerChanged) changed.get(0).data();
            assertThat(event.learner().displayName()).isEqualTo("Grace");
            assertThat(event.learner().locale()).isEqualTo("de");
            assertThat(event.learner().email()).isEqualTo(email);
            assertThat(changed.get(0).key()).isEqualTo(id.toString());
        }
        // The home page now speaks the language just chosen.
        given().when().get(home + "?changed=profile").then().statusCode(200).body(containsString("<html lang=\"de\">"))
                .body(containsString("Gespeichert.")).body(containsString("Hallo Grace"));
    }

    @Test
    void theChoiceOfOneDigestOrSeparateEmailsIsStoredAndReachesEveryLiveSubscription() {
        String email = TestSupport.uniqueEmail("digest");
        UUID first = TestSupport.subscribed(email, TestSupport.ROADMAP, clock, links);
        UUID second = TestSupport.subscribed(email, "ml-mastery-path", clock, links);
        String home = homePath(first);
        given().when().get(home).then().statusCode(200).body(containsString("value=\"digest\" checked"))
                .body(containsString("One email a week for all my roadmaps"));
        try (KafkaTestConsumer events = new KafkaTestConsumer(Topics.SUBSCRIPTION_EVENTS, StrideEvents.CODEC)) {
            save(home, email, "Ada", "en", "weekly").statusCode(400).body(containsString("must be digest or separate"));
            assertThat(separateEmails(email)).as("a refused form changes nothing").isFalse();

            save(home, email, "Ada", "en", "separate").statusCode(303);
            assertThat(separateEmails(email)).isTrue();
            for (UUID subscription : List.of(first, second)) {
                List<KafkaTestConsumer.Received> changed = events.await(learnerChanged(subscription), 1, Duration.ofSeconds(30));
                assertThat(changed).hasSize(1);
                LearnerChanged event = (LearnerChanged) changed.get(0).data();
                assertThat(event.learner().separateEmails()).isTrue();
                assertThat(event.learner().wantsDigest()).isFalse();
            }

            // A form without the choice (as before there was one) leaves it as it is, and tells nobody anything new.
            save(home, email, "Ada", "en").statusCode(303);
            assertThat(separateEmails(email)).isTrue();
            assertThat(events.settle(learnerChanged(first), Duration.ofSeconds(2))).as("still the one event").hasSize(1);
        }
        given().when().get(home).then().statusCode(200).body(containsString("value=\"separate\" checked"));
    }

    @Test
    void aNewAddressIsUsedOnlyOnceTheLinkSentToItIsFollowed() {
        String old = TestSupport.uniqueEmail("old");
        String fresh = TestSupport.uniqueEmail("new");
        UUID id = TestSupport.subscribed(old, TestSupport.ROADMAP, clock, links);
        String home = homePath(id);
        try (KafkaTestConsumer events = new KafkaTestConsumer(Topics.SUBSCRIPTION_EVENTS, StrideEvents.CODEC)) {
            save(home, fresh, "Ada", "en").statusCode(303);
            assertThat(learnerIs(old, "Ada", "en")).as("the old address stays until the new one is verified").isTrue();
            assertThat(TestSupport.count("SELECT count(*) FROM learner WHERE lower(email) = lower(?1)", fresh)).isZero();

            List<KafkaTestConsumer.Received> requested = events.await(record -> record.data() instanceof AddressChangeRequested request
                    && request.newAddress().equals(fresh), 1, Duration.ofSeconds(30));
            assertThat(requested).hasSize(1);
            AddressChangeRequested change = (AddressChangeRequested) requested.get(0).data();
            assertThat(change.learner().email()).isEqualTo(old);
            String verify = change.verifyUrl().substring(change.verifyUrl().indexOf("/verify-address/"));

            // Until the link is followed, the old address is the learner's: its sign-in email goes there, the new one gets none.
            given().contentType(ContentType.JSON).body("{\"email\": \"" + old + "\"}").when().post("/api/sign-in").then().statusCode(202);
            given().contentType(ContentType.JSON).body("{\"email\": \"" + fresh + "\"}").when().post("/api/sign-in").then().statusCode(202);
            assertThat(events.await(signInTo(old), 1, Duration.ofSeconds(30))).hasSize(1);
            assertThat(events.settle(signInTo(fresh), Duration.ofSeconds(2))).isEmpty();
            assertThat(events.settle(learnerChanged(id), Duration.ofMillis(200))).as("nothing told the reminder yet").isEmpty();

            given().when().get(verify).then().statusCode(200).body(containsString(fresh));
            assertThat(learnerIs(old, "Ada", "en")).as("a GET changes nothing").isTrue();
            given().when().post(verify).then().statusCode(200).body(containsString("From now on Stride emails " + fresh));
            assertThat(learnerIs(fresh, "Ada", "en")).isTrue();
            assertThat(TestSupport.count("SELECT count(*) FROM learner WHERE lower(email) = lower(?1)", old)).isZero();
            List<KafkaTestConsumer.Received> changed = events.await(learnerChanged(id), 1, Duration.ofSeconds(30));
            assertThat(((LearnerChanged) changed.get(0).data()).learner().email()).isEqualTo(fresh);
        }
        given().when().post(verify(id, fresh)).then().statusCode(410);
    }

    @Test
    void aVerifyLinkForAnAddressNoLongerAskedForChangesNothing() {
        String old = TestSupport.uniqueEmail("twice");
        UUID id = TestSupport.subscribed(old, TestSupport.ROADMAP, clock, links);
        String home = homePath(id);
        String first = TestSupport.uniqueEmail("first");
        String second = TestSupport.uniqueEmail("second");
        save(home, first, "Ada", "en").statusCode(303);
        save(home, second, "Ada", "en").statusCode(303);
        given().when().post(verify(id, first)).then().statusCode(410);
        assertThat(learnerIs(old, "Ada", "en")).isTrue();

        String taken = TestSupport.uniqueEmail("taken");
        TestSupport.subscribed(taken, TestSupport.ROADMAP, clock, links);
        save(home, taken, "Ada", "en").statusCode(303);
        assertThat(TestSupport.count("SELECT count(*) FROM outbox_event WHERE event_type = 'AddressChangeRequested' AND payload LIKE ?1",
                "%" + taken + "%")).as("no email to another learner's address").isZero();
        given().when().post(verify(id, taken)).then().statusCode(409);
        assertThat(learnerIs(old, "Ada", "en")).isTrue();
    }

    @Test
    void askingForANewAddressIsLimitedLikeSignIn() {
        clock.advance(Duration.ofDays(2));
        UUID id = TestSupport.subscribed(TestSupport.uniqueEmail("bomber"), TestSupport.ROADMAP, clock, links);
        String home = homePath(id);
        String victim = TestSupport.uniqueEmail("victim");
        for (int i = 0; i < 3; i++) {
            save(home, victim, "Ada", "en").statusCode(303);
        }
        save(home, victim, "Ada", "en").statusCode(429).header("Retry-After", org.hamcrest.Matchers.notNullValue());
        assertThat(TestSupport.count("SELECT count(*) FROM outbox_event WHERE event_type = 'AddressChangeRequested' AND payload LIKE ?1",
                "%" + victim + "%")).as("three verify emails, not four").isEqualTo(3);
        save(home, TestSupport.uniqueEmail("victim"), "Grace", "en").statusCode(303);
    }

    private String verify(UUID subscription, String address) {
        String learner = given().redirects().follow(false).when()
                .get("/manage/" + links.token(subscription, LinkPurpose.MANAGE, Optional.empty()) + "/links/home").then().extract().header("Location");
        UUID learnerId = links.signer().verify(learner.substring(learner.lastIndexOf('/') + 1), LinkPurpose.SIGN_IN, null).subscriptionId();
        return "/verify-address/" + links.token(learnerId, LinkPurpose.VERIFY_ADDRESS, Optional.of(Addresses.hash(address)));
    }

    private String homePath(UUID subscription) {
        String location = given().redirects().follow(false)
                .when().get("/manage/" + links.token(subscription, LinkPurpose.MANAGE, Optional.empty()) + "/links/home")
                .then().statusCode(303).extract().header("Location");
        return location.substring(location.indexOf("/home/"));
    }

    private static io.restassured.response.ValidatableResponse save(String home, String email, String name, String locale) {
        return given().redirects().follow(false).formParam("email", email).formParam("name", name).formParam("locale", locale)
                .when().post(home + "/profile").then();
    }

    private static io.restassured.response.ValidatableResponse save(String home, String email, String name, String locale, String emails) {
        return given().redirects().follow(false).formParam("email", email).formParam("name", name).formParam("locale", locale)
                .formParam("emails", emails).when().post(home + "/profile").then();
    }

    private static boolean separateEmails(String email) {
        return TestSupport.count("SELECT count(*) FROM learner WHERE lower(email) = lower(?1) AND separate_emails", email) == 1;
    }

    private static java.util.function.Predicate<KafkaTestConsumer.Received> learnerChanged(UUID subscription) {
        return record -> record.data() instanceof LearnerChanged changed && changed.subscriptionId().equals(subscription);
    }

    private static java.util.function.Predicate<KafkaTestConsumer.Received> signInTo(String email) {
        return record -> record.data() instanceof SignInRequested request && request.learner().email().equalsIgnoreCase(email);
    }

    private static boolean learnerIs(String email, String name, String locale) {
        return TestSupport.count("SELECT count(*) FROM learner WHERE lower(email) = lower(?1) AND display_name = ?2 AND locale = ?3",
                email, name, locale) == 1;
    }
}
