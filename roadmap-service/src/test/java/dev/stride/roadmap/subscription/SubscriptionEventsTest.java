package dev.stride.roadmap.subscription;

import dev.stride.contracts.Topics;
import dev.stride.contracts.event.Learner;
import dev.stride.contracts.event.MilestoneProgressed;
import dev.stride.contracts.event.Paused;
import dev.stride.contracts.event.PlanChanged;
import dev.stride.contracts.event.Resumed;
import dev.stride.contracts.event.Snoozed;
import dev.stride.contracts.event.StrideEvents;
import dev.stride.contracts.event.SubscriptionActivated;
import dev.stride.contracts.event.SubscriptionRequested;
import dev.stride.contracts.event.Unsubscribed;
import dev.stride.contracts.event.WeekSkipped;
import dev.stride.contracts.link.LinkPurpose;
import dev.stride.infra.testing.KafkaTestConsumer;
import dev.stride.infra.testing.StrideInfraResource;
import dev.stride.pacing.ProgressState;
import dev.stride.pacing.StudySlot;
import dev.stride.roadmap.TestSupport;
import dev.stride.roadmap.link.Links;
import io.quarkus.test.common.TestResourceScope;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import jakarta.inject.Inject;
import org.junit.jupiter.api.Test;

import java.time.Clock;
import java.time.DayOfWeek;
import java.time.Duration;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.temporal.TemporalAdjusters;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;

/** Each API action produces exactly its event on the real broker, in order per subscription, keyed by the subscription id. */
@QuarkusTest
@WithTestResource(value = StrideInfraResource.class, scope = TestResourceScope.GLOBAL)
class SubscriptionEventsTest {

    @Inject
    Links links;

    @Inject
    Clock clock;

    @Test
    void everyActionEmitsItsEventInOrder() {
        String email = TestSupport.uniqueEmail("flow");
        try (KafkaTestConsumer events = new KafkaTestConsumer(Topics.SUBSCRIPTION_EVENTS, StrideEvents.CODEC)) {
            UUID id = TestSupport.subscribe(email, TestSupport.ROADMAP, clock);
            given().contentType(ContentType.JSON).body("{\"token\": \"" + links.token(id, LinkPurpose.CONFIRM, Optional.empty()) + "\"}")
                    .when().post("/api/subscriptions/confirm").then().statusCode(200).body("status", equalTo("ACTIVE"));
            String base = "/api/subscriptions/" + id;
            TestSupport.as(id, links).body("{\"state\": \"IN_PROGRESS\"}").when().put(base + "/milestones/python-setup-and-syntax").then().statusCode(200);
            TestSupport.as(id, links).body("{\"state\": \"DONE\"}").when().put(base + "/milestones/python-setup-and-syntax").then().statusCode(200);
            TestSupport.as(id, links).body("{}").when().post(base + "/skip-week").then().statusCode(200);
            TestSupport.as(id, links).body("{\"days\": 3}").when().post(base + "/snooze").then().statusCode(200);
            TestSupport.as(id, links).when().post(base + "/pause").then().statusCode(200).body("status", equalTo("PAUSED"));
            TestSupport.as(id, links).when().post(base + "/resume").then().statusCode(200).body("status", equalTo("ACTIVE"));
            TestSupport.as(id, links).body("""
                    {"timeZone": "Europe/Berlin", "slots": [{"day": "WEDNESDAY", "start": "07:00", "minutes": 60}],
                     "nudge": {"day": "SUNDAY", "time": "19:00"}}""").when().put(base + "/plan").then().statusCode(200);
            TestSupport.as(id, links).when().delete(base).then().statusCode(200).body("status", equalTo("UNSUBSCRIBED"));

            List<KafkaTestConsumer.Received> received = events.await(KafkaTestConsumer.key(id.toString()), 10, Duration.ofSeconds(30));
            assertThat(received).extracting(KafkaTestConsumer.Received::type).containsExactly(
                    "SubscriptionRequested", "SubscriptionActivated", "MilestoneProgressed", "MilestoneProgressed", "WeekSkipped",
                    "Snoozed", "Paused", "Resumed", "PlanChanged", "Unsubscribed");
            assertThat(events.settle(KafkaTestConsumer.key(id.toString()), Duration.ofSeconds(1))).as("nothing more").hasSize(10);

            LocalDate today = TestSupport.today(clock);
            Learner learner = new Learner(email, "Ada", "en", false);
            SubscriptionRequested requested = (SubscriptionRequested) received.get(0).data();
            assertThat(requested.learner()).as("a new learner has no name until the address's owner confirms").isEqualTo(new Learner(email, "", "en", false));
            assertThat(requested.manageUrl()).startsWith("http://localhost:8080/manage/");
            assertThat(requested.notMeUrl()).startsWith("http://localhost:8080/not-me/");
            assertThat(requested.roadmapTitle()).isEqualTo("AI/ML engineer in 12 months");
            assertThat(requested.confirmUrl()).startsWith("http://localhost:8080/confirm/");
            assertThat(links.signer().verify(requested.confirmUrl().substring(requested.confirmUrl().lastIndexOf('/') + 1), LinkPurpose.CONFIRM, id))
                    .isNotNull();
            assertThat(requested.plan().zone().getId()).isEqualTo(TestSupport.ZONE);
            assertThat(requested.plan().slots()).containsExactly(new StudySlot(DayOfWeek.TUESDAY, LocalTime.of(18, 0), 90),
                    new StudySlot(DayOfWeek.SATURDAY, LocalTime.of(9, 30), 120));
            SubscriptionActivated activated = (SubscriptionActivated) received.get(1).data();
            assertThat(activated.roadmapId()).isEqualTo(TestSupport.ROADMAP);
            assertThat(activated.roadmapVersion()).as("the bundled flagship is at version 4").isEqualTo(4);
            assertThat(activated.startDate()).isEqualTo(today);
            assertThat(activated.learner()).isEqualTo(learner);
            assertThat((MilestoneProgressed) received.get(2).data()).extracting(MilestoneProgressed::milestoneId, MilestoneProgressed::state, MilestoneProgressed::on)
                    .containsExactly("python-setup-and-syntax", ProgressState.IN_PROGRESS, today);
            assertThat(((MilestoneProgressed) received.get(3).data()).state()).isEqualTo(ProgressState.DONE);
            assertThat(((WeekSkipped) received.get(4).data()).weekStart()).isEqualTo(today.with(TemporalAdjusters.previousOrSame(DayOfWeek.MONDAY)));
            assertThat((Snoozed) received.get(5).data()).isEqualTo(new Snoozed(id, today, today.plusDays(3), 3));
            assertThat((Paused) received.get(6).data()).isEqualTo(new Paused(id, today));
            assertThat((Resumed) received.get(7).data()).isEqualTo(new Resumed(id, today));
            PlanChanged changed = (PlanChanged) received.get(8).data();
            assertThat(changed.plan().zone().getId()).isEqualTo("Europe/Berlin");
            assertThat(changed.plan().nudge().day()).isEqualTo(DayOfWeek.SUNDAY);
            Unsubscribed unsubscribed = (Unsubscribed) received.get(9).data();
            assertThat(unsubscribed.learner()).isEqualTo(learner);
            assertThat(unsubscribed.resubscribeUrl()).isEqualTo("http://localhost:8080/roadmaps/" + TestSupport.ROADMAP);
            received.forEach(record -> assertThat(record.headers()).containsEntry("ce_subject", id.toString())
                    .containsEntry("ce_id", record.envelope().eventId().toString()).containsEntry("ce_source", "/stride/roadmap-service"));
        }
    }

    @Test
    void repeatingAnActionEmitsNothingMore() {
        try (KafkaTestConsumer events = new KafkaTestConsumer(Topics.SUBSCRIPTION_EVENTS, StrideEvents.CODEC)) {
            UUID id = TestSupport.subscribed(TestSupport.uniqueEmail("repeat"), TestSupport.ROADMAP, clock, links);
            String base = "/api/subscriptions/" + id;
            for (int i = 0; i < 2; i++) {
                TestSupport.as(id, links).body("{\"state\": \"DONE\"}").when().put(base + "/milestones/python-setup-and-syntax").then().statusCode(200);
            }
            for (int i = 0; i < 2; i++) {
                TestSupport.as(id, links).when().post(base + "/pause").then().statusCode(200);
            }
            for (int i = 0; i < 2; i++) {
                given().contentType(ContentType.JSON).body("{\"token\": \"" + links.token(id, LinkPurpose.CONFIRM, Optional.empty()) + "\"}")
                        .when().post("/api/subscriptions/confirm").then().statusCode(200);
            }
            for (int i = 0; i < 2; i++) {
                TestSupport.as(id, links).when().delete(base).then().statusCode(200);
            }

            assertThat(events.await(KafkaTestConsumer.key(id.toString()), 5, Duration.ofSeconds(30)))
                    .extracting(KafkaTestConsumer.Received::type)
                    .containsExactly("SubscriptionRequested", "SubscriptionActivated", "MilestoneProgressed", "Paused", "Unsubscribed");
            assertThat(events.settle(KafkaTestConsumer.key(id.toString()), Duration.ofSeconds(1))).hasSize(5);
        }
    }

    @Test
    void resubscribingTheSameEmailMakesNoSecondSubscription() {
        String email = TestSupport.uniqueEmail("again");
        UUID pending = TestSupport.subscribe(email, TestSupport.ROADMAP, clock);
        UUID again = TestSupport.subscribe(email.toUpperCase(), TestSupport.ROADMAP, clock);
        assertThat(again).as("a second request refreshes the pending one").isEqualTo(pending);

        given().contentType(ContentType.JSON).body("{\"token\": \"" + links.token(pending, LinkPurpose.CONFIRM, Optional.empty()) + "\"}")
                .when().post("/api/subscriptions/confirm").then().statusCode(200);
        UUID following = TestSupport.subscribe(email, TestSupport.ROADMAP, clock);
        assertThat(following).as("asking again while following changes nothing").isEqualTo(pending);
        assertThat(TestSupport.count("SELECT count(*) FROM subscription s JOIN learner l ON l.id = s.learner_id WHERE lower(l.email) = lower(?1)",
                email)).isEqualTo(1);

        UUID other = TestSupport.subscribe(email, "ai-ml-four-phases", clock);
        assertThat(other).as("another roadmap is another subscription").isNotEqualTo(pending);
    }
}
