package dev.stride.roadmap.console;

import dev.stride.contracts.Topics;
import dev.stride.contracts.event.AddressSuppressed;
import dev.stride.contracts.event.AddressUnsuppressed;
import dev.stride.contracts.event.EmailResendRequested;
import dev.stride.contracts.event.StrideEvents;
import dev.stride.contracts.privacy.Addresses;
import dev.stride.infra.testing.KafkaTestConsumer;
import dev.stride.infra.testing.StrideInfraResource;
import dev.stride.roadmap.TestSupport;
import dev.stride.roadmap.link.Links;
import io.agroal.api.AgroalDataSource;
import io.quarkus.test.common.TestResourceScope;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.specification.RequestSpecification;
import jakarta.inject.Inject;
import org.junit.jupiter.api.Test;

import java.sql.SQLException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.not;

/** The operators' console on real PostgreSQL and Kafka: who may use it, the lookup, and its three actions' events. */
@QuarkusTest
@WithTestResource(value = StrideInfraResource.class, scope = TestResourceScope.GLOBAL)
class ConsoleTest {

    @Inject
    Clock clock;

    @Inject
    Links links;

    @Inject
    AgroalDataSource database;

    Seeds seeds;

    @org.junit.jupiter.api.BeforeEach
    void seeds() {
        seeds = new Seeds(database);
    }

    @Test
    void onlyTheAdminMayUseTheConsoleAndFormsFromAnotherSiteAreRefused() {
        given().when().get("/admin/console").then().statusCode(401);
        given().auth().preemptive().basic("admin", "wrong").when().get("/admin/console").then().statusCode(401);
        given().auth().preemptive().basic("viewer", "test-viewer-password").when().get("/admin/console").then().statusCode(403);
        admin().when().get("/admin/console").then().statusCode(200).body(containsString("Look up"));
        admin().header("Origin", "https://elsewhere.example").formParam("address", "a@example.org")
                .when().post("/admin/console/lookup").then().statusCode(403);
        admin().formParam("address", " ").when().post("/admin/console/lookup").then().statusCode(400)
                .body(containsString("address"));
    }

    @Test
    void lookupShowsTheLearnerWithNudgesDeliveriesAndEngagement() throws SQLException {
        String email = TestSupport.uniqueEmail("console-look");
        UUID subscription = TestSupport.subscribed(email, TestSupport.ROADMAP, clock, links);
        UUID nudge = UUID.randomUUID();
        Instant now = clock.instant();
        seeds.nudge(nudge, subscription, "progress-streak", "SAMPLED", false, now, true);
        seeds.execute("INSERT INTO delivery_log (email_id, kind, subscription_id, outcome, reason, permanent, attempts, at) "
                + "VALUES (?, 'NUDGE', ?, 'FAILED', '452 4.2.2 Mailbox full', false, 3, ?)", nudge, subscription, now);
        UUID digest = UUID.randomUUID(); // an earlier nudge went out in a digest, whose delivery names no subscription
        seeds.nudge(UUID.randomUUID(), subscription, null, null, false, now.minus(Duration.ofDays(7)), true);
        seeds.execute("UPDATE nudge_log SET email_id = ? WHERE subscription_id = ? AND variant IS NULL", digest, subscription);
        seeds.execute("INSERT INTO delivery_log (email_id, kind, outcome, reason, permanent, attempts, at) "
                + "VALUES (?, 'DIGEST', 'DELIVERED', '250 2.0.0 digest accepted', false, 1, ?)", digest, now);
        seeds.execute("INSERT INTO engagement (subscription_id, nudge_id, action, at) VALUES (?, ?, 'MARK_DONE', ?)", subscription, nudge, now);

        String page = admin().redirects().follow(false).formParam("address", "  " + email.toUpperCase() + " ")
                .when().post("/admin/console/lookup").then().statusCode(303).extract().header("Location");
        assertThat(page).contains("/admin/console/learners/");
        admin().when().get(page).then().statusCode(200)
                .body(containsString("Ada"), containsString(subscription.toString()), containsString("progress-streak"),
                        containsString("SAMPLED"), containsString("452 4.2.2 Mailbox full"), containsString("250 2.0.0 digest accepted"), containsString("MARK_DONE"),
                        containsString("Resend this week"), containsString("Not suppressed"), not(containsString(email)));

        admin().formParam("address", TestSupport.uniqueEmail("nobody")).when().post("/admin/console/lookup").then().statusCode(404)
                .body(containsString("No learner"));
    }

    @Test
    void resendAsksTheNotifierForTheEmailOfTheLatestSentNudgeInTheOperatorsName() throws SQLException {
        UUID subscription = TestSupport.subscribed(TestSupport.uniqueEmail("console-resend"), TestSupport.ROADMAP, clock, links);
        admin().when().post("/admin/console/subscriptions/" + subscription + "/resend").then().statusCode(409);
        UUID older = UUID.randomUUID();
        UUID latest = UUID.randomUUID();
        UUID unsent = UUID.randomUUID();
        Instant now = clock.instant();
        seeds.nudge(older, subscription, null, null, false, now.minus(Duration.ofDays(14)), true);
        seeds.nudge(latest, subscription, null, null, false, now.minus(Duration.ofDays(7)), true);
        seeds.nudge(unsent, subscription, null, null, false, now, false);
        UUID digest = UUID.randomUUID(); // the latest went out as a part of a weekly digest: the digest is what is sent again
        seeds.execute("UPDATE nudge_log SET email_id = ? WHERE nudge_id = ?", digest, latest);

        try (KafkaTestConsumer events = new KafkaTestConsumer(Topics.SUBSCRIPTION_EVENTS, StrideEvents.CODEC)) {
            admin().redirects().follow(false).when().post("/admin/console/subscriptions/" + subscription + "/resend").then().statusCode(303)
                    .header("Location", containsString("notice=resent"));
            List<KafkaTestConsumer.Received> resent = events.await(received -> received.data() instanceof EmailResendRequested r
                    && r.subscriptionId().equals(subscription), 1, Duration.ofSeconds(30));
            assertThat(resent).hasSize(1);
            assertThat(resent.get(0).key()).isEqualTo(subscription.toString());
            assertThat(resent.get(0).data()).isInstanceOfSatisfying(EmailResendRequested.class, event -> {
                assertThat(event.emailId()).isEqualTo(digest);
                assertThat(event.operator()).isEqualTo("admin");
            });
        }
    }

    @Test
    void suppressAndUnsuppressGoThroughTheSuppressionListWithTheirEvents() throws SQLException {
        String email = TestSupport.uniqueEmail("console-suppress");
        String hash = Addresses.hash(email);
        UUID subscription = TestSupport.subscribed(email, TestSupport.ROADMAP, clock, links);
        UUID learner = seeds.learnerOf(subscription);
        try (KafkaTestConsumer events = new KafkaTestConsumer(Topics.SUBSCRIPTION_EVENTS, StrideEvents.CODEC)) {
            admin().redirects().follow(false).when().post("/admin/console/learners/" + learner + "/suppress").then().statusCode(303);
            assertThat(TestSupport.count("SELECT count(*) FROM suppressed_address WHERE address_hash = ?1 AND reason = 'operator'", hash)).isEqualTo(1);
            assertThat(TestSupport.count("SELECT count(*) FROM subscription WHERE id = ?1 AND status = 'ACTIVE'", subscription))
                    .as("the subscription stays; nothing is sent while suppressed").isEqualTo(1);
            admin().when().get("/admin/console/learners/" + learner).then().statusCode(200)
                    .body(containsString("Suppressed (operator"), containsString("Unsuppress address"));
            List<KafkaTestConsumer.Received> suppressed = events.await(KafkaTestConsumer.key(hash), 1, Duration.ofSeconds(30));
            assertThat(suppressed.get(0).data()).isInstanceOfSatisfying(AddressSuppressed.class,
                    event -> assertThat(event.reason()).isEqualTo(ConsoleActions.SUPPRESS_REASON));

            seeds.execute("UPDATE learner SET bounced_at = ?, bounce_reason = '550 no such user' WHERE id = ?", clock.instant(), learner);
            admin().redirects().follow(false).when().post("/admin/console/learners/" + learner + "/unsuppress").then().statusCode(303);
            assertThat(TestSupport.count("SELECT count(*) FROM suppressed_address WHERE address_hash = ?1", hash)).isZero();
            assertThat(TestSupport.count("SELECT count(*) FROM learner WHERE id = ?1 AND bounced_at IS NULL AND bounce_reason IS NULL", learner)).isEqualTo(1);
            List<KafkaTestConsumer.Received> both = events.await(KafkaTestConsumer.key(hash), 2, Duration.ofSeconds(30));
            assertThat(both).hasSize(2);
            assertThat(both.get(1).data()).isInstanceOfSatisfying(AddressUnsuppressed.class, event -> {
                assertThat(event.addressHash()).isEqualTo(hash);
                assertThat(event.operator()).isEqualTo("admin");
            });
            admin().when().get("/admin/console/learners/" + learner).then().statusCode(200).body(containsString("Not suppressed"));

            admin().redirects().follow(false).when().post("/admin/console/learners/" + learner + "/unsuppress").then().statusCode(303);
            assertThat(events.settle(KafkaTestConsumer.key(hash), Duration.ofSeconds(2))).as("nothing left to lift: no event").hasSize(2);
        }
    }

    static RequestSpecification admin() {
        return given().auth().preemptive().basic("admin", "test-admin-password");
    }

}
