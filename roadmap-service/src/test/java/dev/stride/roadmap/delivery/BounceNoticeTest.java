package dev.stride.roadmap.delivery;

import dev.stride.contracts.Topics;
import dev.stride.contracts.event.Delivered;
import dev.stride.contracts.event.DeliveryFailed;
import dev.stride.contracts.event.DomainEvent;
import dev.stride.contracts.event.EmailKind;
import dev.stride.contracts.event.EventEnvelope;
import dev.stride.contracts.event.StrideEvents;
import dev.stride.contracts.link.LinkPurpose;
import dev.stride.infra.testing.StrideInfraResource;
import dev.stride.roadmap.KafkaSupport;
import dev.stride.roadmap.TestSupport;
import dev.stride.roadmap.link.Links;
import io.quarkus.test.common.TestResourceScope;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import jakarta.inject.Inject;
import org.apache.kafka.clients.producer.RecordMetadata;
import org.junit.jupiter.api.Test;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Optional;
import java.util.UUID;

import static io.restassured.RestAssured.given;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.greaterThanOrEqualTo;
import static org.hamcrest.Matchers.hasKey;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.nullValue;

/** Notifier-service's hard bounces, read from the real delivery-events topic, reach the learner's manage pages. */
@QuarkusTest
@WithTestResource(value = StrideInfraResource.class, scope = TestResourceScope.GLOBAL)
class BounceNoticeTest {

    private static final String GROUP = "roadmap-service";
    /** The mail server's words, as the manage page shows them; the event's reason opens with notifier-service's marker. */
    private static final String REFUSAL = "550 5.1.1 <mailbox> Recipient address rejected: User unknown";

    @Inject
    Links links;

    @Inject
    Clock clock;

    @Test
    void aHardBounceIsShownOnEveryManagePageOfTheLearnerAndADeliveryAfterItDoesNotClearIt() {
        String email = TestSupport.uniqueEmail("bounce");
        UUID first = TestSupport.subscribed(email, TestSupport.ROADMAP, clock, links);
        UUID second = TestSupport.subscribed(email, "ai-ml-four-phases", clock, links);
        Instant bouncedAt = clock.instant().truncatedTo(ChronoUnit.MILLIS);

        publish(first, new DeliveryFailed(UUID.randomUUID(), EmailKind.NUDGE, first, DeliveryEventConsumer.HARD_BOUNCE + REFUSAL, true, 1, bouncedAt));

        await().atMost(Duration.ofSeconds(60)).untilAsserted(() ->
                TestSupport.as(second, links).when().get("/api/subscriptions/" + second).then().statusCode(200)
                        .body("bounce.reason", equalTo(REFUSAL))
                        .body("bounce.at", equalTo(bouncedAt.toString())));
        for (UUID subscription : new UUID[]{first, second}) {
            given().when().get(managePage(subscription)).then().statusCode(200)
                    .body(containsString("id=\"delivery-stopped\""))
                    .body(containsString("We have stopped emailing you"))
                    .body(containsString(email))
                    .body(containsString("550 5.1.1 &lt;mailbox&gt; Recipient address rejected: User unknown"))
                    .body(containsString("subscribe again"));
        }

        RecordMetadata delivered = publish(first, new Delivered(UUID.randomUUID(), EmailKind.NUDGE, first, "<m@stride.dev>", 1,
                bouncedAt.plusSeconds(60)));
        KafkaSupport.awaitConsumed(GROUP, delivered);
        TestSupport.as(first, links).when().get("/api/subscriptions/" + first).then()
                .body("bounce.reason", equalTo(REFUSAL)).body("bounce.at", equalTo(bouncedAt.toString()));

        RecordMetadata older = publish(first, new DeliveryFailed(UUID.randomUUID(), EmailKind.NUDGE, first, DeliveryEventConsumer.HARD_BOUNCE + "an older refusal", true, 1,
                bouncedAt.minusSeconds(3600)));
        KafkaSupport.awaitConsumed(GROUP, older);
        TestSupport.as(first, links).when().get("/api/subscriptions/" + first).then().body("bounce.reason", equalTo(REFUSAL));
    }

    @Test
    void aGermanLearnerReadsTheNoticeInGerman() {
        String email = TestSupport.uniqueEmail("abpraller");
        UUID id = TestSupport.subscribe(email, TestSupport.ROADMAP,
                TestSupport.subscribeJson(email, TestSupport.ROADMAP, TestSupport.today(clock)).replace("\"locale\": \"en\"", "\"locale\": \"de\""));

        publish(id, new DeliveryFailed(UUID.randomUUID(), EmailKind.CONFIRMATION, id, DeliveryEventConsumer.HARD_BOUNCE + "550 5.1.1 Postfach unbekannt", true, 1,
                Instant.parse("2027-03-04T12:00:00Z")));

        await().atMost(Duration.ofSeconds(60)).untilAsserted(() ->
                given().when().get(managePage(id)).then().statusCode(200)
                        .body(containsString("lang=\"de\""))
                        .body(containsString("Wir senden dir keine E-Mails mehr"))
                        .body(containsString("Am 4. März 2027"))
                        .body(containsString("550 5.1.1 Postfach unbekannt"))
                        .body(containsString("melde dich erneut an")));
    }

    @Test
    void transientFailuresPolicyRefusalsAndUnknownSubscriptionsChangeNothingAndAreNotDeadLettered() {
        UUID id = TestSupport.subscribed(TestSupport.uniqueEmail("soft"), TestSupport.ROADMAP, clock, links);
        UUID unknown = UUID.randomUUID();

        RecordMetadata transientFailure = publish(id, new DeliveryFailed(UUID.randomUUID(), EmailKind.NUDGE, id, "421 try later", false, 12,
                clock.instant()));
        RecordMetadata policy = publish(id, new DeliveryFailed(UUID.randomUUID(), EmailKind.NUDGE, id, "554 5.7.1 rejected by policy", true, 1,
                clock.instant()));
        RecordMetadata stranger = publish(unknown, new DeliveryFailed(UUID.randomUUID(), EmailKind.NUDGE, unknown, DeliveryEventConsumer.HARD_BOUNCE + REFUSAL, true, 1,
                clock.instant()));
        KafkaSupport.awaitConsumed(GROUP, transientFailure);
        KafkaSupport.awaitConsumed(GROUP, stranger);
        KafkaSupport.awaitConsumed(GROUP, policy);

        TestSupport.as(id, links).when().get("/api/subscriptions/" + id).then().statusCode(200).body("bounce", nullValue());
        given().when().get(managePage(id)).then().statusCode(200).body(not(containsString("delivery-stopped")));
        given().auth().preemptive().basic("admin", "test-admin-password")
                .when().get("/admin/dlq/" + KafkaSupport.deliveryDeadLetters() + "?limit=500").then().statusCode(200)
                .body("findAll { it.key == '" + unknown + "' }", org.hamcrest.Matchers.empty());
    }

    @Test
    void aBounceThatWasDeadLetteredIsAppliedWhenTheOperatorReplaysTheDlq() {
        UUID id = TestSupport.subscribed(TestSupport.uniqueEmail("replayed"), TestSupport.ROADMAP, clock, links);
        EventEnvelope<DomainEvent> envelope = EventEnvelope.wrap(StrideEvents.CATALOG, id.toString(),
                new DeliveryFailed(UUID.randomUUID(), EmailKind.NUDGE, id, DeliveryEventConsumer.HARD_BOUNCE + REFUSAL, true, 1, clock.instant()), clock);
        KafkaSupport.deadLetter(KafkaSupport.deliveryDeadLetters(), null, envelope, Topics.DELIVERY_EVENTS, "database unavailable");
        TestSupport.as(id, links).when().get("/api/subscriptions/" + id).then().body("bounce", nullValue());

        given().auth().preemptive().basic("admin", "test-admin-password")
                .when().post("/admin/dlq/" + KafkaSupport.deliveryDeadLetters() + "/replay").then().statusCode(200)
                .body("replayed", greaterThanOrEqualTo(1))
                .body("to", hasKey(Topics.DELIVERY_EVENTS));

        await().atMost(Duration.ofSeconds(60)).untilAsserted(() ->
                TestSupport.as(id, links).when().get("/api/subscriptions/" + id).then().body("bounce.reason", equalTo(REFUSAL)));
    }

    private RecordMetadata publish(UUID subscription, DomainEvent event) {
        return KafkaSupport.publish(Topics.DELIVERY_EVENTS, EventEnvelope.wrap(StrideEvents.CATALOG, subscription.toString(), event, clock));
    }

    private String managePage(UUID subscription) {
        return "/manage/" + links.token(subscription, LinkPurpose.MANAGE, Optional.empty());
    }
}
