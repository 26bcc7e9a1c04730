package dev.stride.roadmap.subscription;

import dev.stride.contracts.Topics;
import dev.stride.contracts.event.AddressSuppressed;
import dev.stride.contracts.event.StrideEvents;
import dev.stride.contracts.event.SubscriptionRequested;
import dev.stride.contracts.event.Unsubscribed;
import dev.stride.contracts.link.LinkPurpose;
import dev.stride.contracts.privacy.Addresses;
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

import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;

/** Subscribing cannot tell who already subscribes, cannot change a stranger's profile, and "this wasn't me" stops everything. */
@QuarkusTest
@WithTestResource(value = StrideInfraResource.class, scope = TestResourceScope.GLOBAL)
class SubscribeAbuseTest {

    @Inject
    Links links;

    @Inject
    Clock clock;

    @Test
    void theAnswerIsTheSameForANewAPendingAFollowingAndASuppressedAddress() {
        String email = TestSupport.uniqueEmail("uniform");
        String json = TestSupport.subscribeJson(email, TestSupport.ROADMAP, TestSupport.today(clock));
        try (KafkaTestConsumer events = new KafkaTestConsumer(Topics.SUBSCRIPTION_EVENTS, StrideEvents.CODEC)) {
            String fresh = answer(json);
            UUID id = TestSupport.liveSubscription(email, TestSupport.ROADMAP);
            String pending = answer(json);
            confirm(id);
            String following = answer(json);
            assertThat(List.of(pending, following)).containsOnly(fresh);
            assertThat(fresh).doesNotContain(id.toString()).doesNotContain("PENDING").contains("\"message\"");

            List<KafkaTestConsumer.Received> received = events.await(KafkaTestConsumer.key(id.toString()), 4, Duration.ofSeconds(30));
            SubscriptionRequested already = (SubscriptionRequested) received.get(3).data();
            assertThat(already.alreadyFollowing()).as("the email, not the answer, says the address already follows").isTrue();
            assertThat(already.confirmUrl()).isNull();
            assertThat(links.signer().verify(already.manageUrl().substring(already.manageUrl().lastIndexOf('/') + 1), LinkPurpose.MANAGE, id)).isNotNull();
            assertThat(links.signer().verify(already.notMeUrl().substring(already.notMeUrl().lastIndexOf('/') + 1), LinkPurpose.NOT_ME, id)).isNotNull();
        }
        given().formParam("x", "1").when().post("/not-me/" + links.token(TestSupport.liveSubscription(email, TestSupport.ROADMAP), LinkPurpose.NOT_ME, Optional.empty()))
                .then().statusCode(200);
        String other = TestSupport.subscribeJson(email, "ai-ml-four-phases", TestSupport.today(clock));
        assertThat(answer(other)).as("a suppressed address hears the same").isEqualTo(answer(json));
    }

    @Test
    void nameAndLanguageChangeOnlyThroughTheConfirmedLink() {
        String email = TestSupport.uniqueEmail("profile");
        TestSupport.subscribed(email, TestSupport.ROADMAP, clock, links);
        assertThat(learnerIs(email, "Ada", "en")).isTrue();

        String stranger = TestSupport.subscribeJson(email, "ai-ml-four-phases", TestSupport.today(clock))
                .replace("\"name\": \"Ada\"", "\"name\": \"Mallory <b>pwned</b>\"").replace("\"locale\": \"en\"", "\"locale\": \"de\"");
        UUID requested = TestSupport.subscribe(email, "ai-ml-four-phases", stranger);
        assertThat(learnerIs(email, "Ada", "en")).as("a request alone changes nothing").isTrue();
        TestSupport.subscribe(email, TestSupport.ROADMAP, stranger.replace("ai-ml-four-phases", TestSupport.ROADMAP));
        assertThat(learnerIs(email, "Ada", "en")).as("nor does one for a roadmap the address follows").isTrue();

        confirm(requested);
        assertThat(learnerIs(email, "Mallory <b>pwned</b>", "de")).as("the owner confirmed the request").isTrue();
    }

    @Test
    void notMeAsksOnGetSuppressesOnPostOnceAndNothingIsSubscribedOrSentAfter() {
        String email = TestSupport.uniqueEmail("notme");
        String hash = Addresses.hash(email);
        UUID pending = TestSupport.subscribe(email, TestSupport.ROADMAP, clock);
        String page = "/not-me/" + links.token(pending, LinkPurpose.NOT_ME, Optional.empty());

        given().when().get(page).then().statusCode(200).body(containsString("never email me again")).body(containsString("action=\"" + page + "\""));
        assertThat(TestSupport.count("SELECT count(*) FROM suppressed_address WHERE address_hash = ?1", hash)).as("a GET changes nothing").isZero();
        given().when().post("/not-me/" + links.token(pending, LinkPurpose.CONFIRM, Optional.empty())).then().statusCode(403);

        try (KafkaTestConsumer events = new KafkaTestConsumer(Topics.SUBSCRIPTION_EVENTS, StrideEvents.CODEC)) {
            given().when().post(page).then().statusCode(200).body(containsString("We will not email you again"));
            given().when().post(page).then().statusCode(200);
            assertThat(TestSupport.count("SELECT count(*) FROM suppressed_address WHERE address_hash = ?1 AND reason = 'not-me'", hash)).isEqualTo(1);
            assertThat(TestSupport.count("SELECT count(*) FROM subscription WHERE id = ?1 AND status = 'EXPIRED'", pending)).isEqualTo(1);

            List<KafkaTestConsumer.Received> suppressed = events.await(KafkaTestConsumer.key(hash), 1, Duration.ofSeconds(30));
            assertThat(suppressed.get(0).data()).isInstanceOfSatisfying(AddressSuppressed.class, event -> {
                assertThat(event.addressHash()).isEqualTo(hash);
                assertThat(event.reason()).isEqualTo("not-me");
            });

            answer(TestSupport.subscribeJson(email.toUpperCase(), TestSupport.ROADMAP, TestSupport.today(clock)));
            assertThat(TestSupport.count("SELECT count(*) FROM subscription s JOIN learner l ON l.id = s.learner_id "
                    + "WHERE lower(l.email) = lower(?1) AND s.status = 'PENDING'", email)).as("nothing is subscribed for it").isZero();
            assertThat(events.settle(KafkaTestConsumer.key(hash), Duration.ofSeconds(2))).as("suppressed once").hasSize(1);
            assertThat(events.settle(received -> received.data() instanceof SubscriptionRequested requested
                    && requested.learner().email().equalsIgnoreCase(email) && !requested.subscriptionId().equals(pending), Duration.ofSeconds(1)))
                    .as("nothing sent after").isEmpty();
        }
    }

    @Test
    void notMeFromAnAlreadyFollowingEmailEndsTheAddresssLiveSubscriptionsOnceWithoutAGoodbye() {
        String email = TestSupport.uniqueEmail("notme-live");
        String hash = Addresses.hash(email);
        UUID active = TestSupport.subscribed(email, TestSupport.ROADMAP, clock, links);
        UUID paused = TestSupport.subscribed(email, "ai-ml-four-phases", clock, links);
        TestSupport.as(paused, links).when().post("/api/subscriptions/" + paused + "/pause").then().statusCode(200);
        String page = "/not-me/" + links.token(active, LinkPurpose.NOT_ME, Optional.empty());

        try (KafkaTestConsumer events = new KafkaTestConsumer(Topics.SUBSCRIPTION_EVENTS, StrideEvents.CODEC)) {
            given().when().post(page).then().statusCode(200).body(containsString("subscriptions to this address have ended"));
            given().when().post(page).then().statusCode(200);
            for (UUID id : List.of(active, paused)) {
                assertThat(TestSupport.count("SELECT count(*) FROM subscription WHERE id = ?1 AND status = 'UNSUBSCRIBED' AND ended_at IS NOT NULL", id))
                        .as("ended as an unsubscribe does").isEqualTo(1);
                assertThat(TestSupport.count("SELECT count(*) FROM outbox_event WHERE aggregate_id = ?1 AND event_type = 'Unsubscribed'", id.toString()))
                        .as("one Unsubscribed, not two").isEqualTo(1);
                List<KafkaTestConsumer.Received> left = events.await(received -> received.data() instanceof Unsubscribed u
                        && u.subscriptionId().equals(id), 1, Duration.ofSeconds(30));
                assertThat(left.get(0).data()).isInstanceOfSatisfying(Unsubscribed.class, event -> {
                    assertThat(event.reason()).isEqualTo(Unsubscribed.NOT_ME);
                    assertThat(event.goodbye()).as("the notifier owes no goodbye").isFalse();
                });
            }
            assertThat(TestSupport.count("SELECT count(*) FROM outbox_event WHERE aggregate_id = ?1 AND event_type = 'AddressSuppressed'", hash)).isEqualTo(1);
            assertThat(TestSupport.count("SELECT count(*) FROM outbox_event s JOIN outbox_event u ON s.aggregate_id = ?1 AND s.event_type = 'AddressSuppressed' "
                    + "AND u.aggregate_id IN (?2, ?3) AND u.event_type = 'Unsubscribed' WHERE s.seq < u.seq",
                    hash, active.toString(), paused.toString())).as("the suppression is written first").isEqualTo(2);
            assertThat(events.settle(received -> received.data() instanceof Unsubscribed u
                    && List.of(active, paused).contains(u.subscriptionId()), Duration.ofSeconds(2))).as("a repeat POST adds nothing").hasSize(2);
        }
    }

    private static String answer(String json) {
        return given().contentType(ContentType.JSON).body(json).when().post("/api/subscriptions").then().statusCode(202).extract().asString();
    }

    private void confirm(UUID id) {
        given().contentType(ContentType.JSON).body("{\"token\": \"" + links.token(id, LinkPurpose.CONFIRM, Optional.empty()) + "\"}")
                .when().post("/api/subscriptions/confirm").then().statusCode(200);
    }

    private static boolean learnerIs(String email, String name, String locale) {
        return TestSupport.count("SELECT count(*) FROM learner WHERE lower(email) = lower(?1) AND display_name = ?2 AND locale = ?3",
                email, name, locale) == 1;
    }
}
