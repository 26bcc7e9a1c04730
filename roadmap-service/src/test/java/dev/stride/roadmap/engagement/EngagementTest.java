package dev.stride.roadmap.engagement;

import dev.stride.contracts.Topics;
import dev.stride.contracts.event.Delivered;
import dev.stride.contracts.event.DomainEvent;
import dev.stride.contracts.event.EmailKind;
import dev.stride.contracts.event.EventEnvelope;
import dev.stride.contracts.event.Learner;
import dev.stride.contracts.event.MeasurementChanged;
import dev.stride.contracts.event.NudgeDue;
import dev.stride.contracts.event.NudgeOutcome;
import dev.stride.contracts.event.StrideEvents;
import dev.stride.contracts.learning.Reward;
import dev.stride.contracts.link.LinkPurpose;
import dev.stride.contracts.time.AdjustableClock;
import dev.stride.infra.testing.KafkaTestConsumer;
import dev.stride.infra.testing.StrideInfraResource;
import dev.stride.roadmap.KafkaSupport;
import dev.stride.roadmap.TestSupport;
import dev.stride.roadmap.link.Links;
import io.quarkus.test.common.TestResourceScope;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import org.apache.kafka.clients.producer.RecordMetadata;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;

/**
 * Engagement on real Kafka and PostgreSQL: nudges read from nudge-events, deliveries from delivery-events, actions through
 * the signed-link pages attributed to their nudge, the opt-out, and the outcome job's NudgeOutcome read back from Kafka.
 */
@QuarkusTest
@WithTestResource(value = StrideInfraResource.class, scope = TestResourceScope.GLOBAL)
class EngagementTest {

    private static final String GROUP = "roadmap-service";

    @Inject
    Links links;

    @Inject
    AdjustableClock clock;

    @Inject
    OutcomeJob outcomes;

    @Test
    void aClickWithItsNudgeCountsForThatNudgeAndWithoutOneForTheLatestSent() {
        UUID id = TestSupport.subscribed(TestSupport.uniqueEmail("engage"), TestSupport.ROADMAP, clock, links);
        Instant now = clock.instant().truncatedTo(ChronoUnit.MILLIS);
        UUID older = sentNudge(id, now.minus(Duration.ofHours(2)), 60, new NudgeDue.Variant("progress-streak", "SAMPLED", false));
        assertThat(TestSupport.count("SELECT count(*) FROM nudge_log WHERE nudge_id = ?1 AND kind = 'WEEKLY' AND variant = 'progress-streak' "
                + "AND variant_reason = 'SAMPLED' AND NOT holdout AND planned_minutes = 120 AND sent_at = ?2", older,
                java.sql.Timestamp.from(now.minus(Duration.ofHours(2))))).as("nudge log row with its variant, plan and sent_at").isEqualTo(1);
        assertThat(TestSupport.count("SELECT count(*) FROM delivery_log WHERE email_id = ?1 AND outcome = 'DELIVERED' AND subscription_id = ?2 "
                + "AND attempts = 1", older, id)).isEqualTo(1);
        UUID latest = sentNudge(id, now.minus(Duration.ofMinutes(30)), 60, null);

        String pause = "/actions/" + links.token(id, LinkPurpose.PAUSE, Optional.empty());
        given().when().get(pause + "?n=" + older).then().statusCode(200).body(containsString("action=\"" + pause + "?n=" + older + "\""));
        given().when().post(pause + "?n=" + older).then().statusCode(200);
        assertThat(engagements(id, "PAUSE", older)).as("the link's own nudge, not the latest").isEqualTo(1);

        given().when().get(links.manageUrl(id).replace("http://localhost:8080", "")).then().statusCode(200);
        assertThat(engagements(id, "MANAGE_OPEN", latest)).as("no n: the latest nudge sent within the window").isEqualTo(1);

        UUID someoneElses = UUID.randomUUID();
        String resume = "/actions/" + links.token(id, LinkPurpose.RESUME, Optional.empty());
        given().when().post(resume + "?n=" + someoneElses).then().statusCode(200);
        assertThat(engagements(id, "RESUME", latest)).as("a nudge not of this subscription is not believed").isEqualTo(1);
        assertThat(TestSupport.count("SELECT count(*) FROM engagement WHERE subscription_id = ?1", id)).isEqualTo(3);
    }

    @Test
    void anOptedOutLearnerIsNotRecordedAndTheChangeIsPublished() {
        UUID id = TestSupport.subscribed(TestSupport.uniqueEmail("optout"), TestSupport.ROADMAP, clock, links);
        UUID nudge = sentNudge(id, clock.instant().minus(Duration.ofMinutes(5)), 60, null);
        String manage = links.manageUrl(id).replace("http://localhost:8080", "");
        TestSupport.as(id, links).body("{}").when().put("/api/subscriptions/" + id + "/measurement").then().statusCode(400)
                .body("errors[0].field", equalTo("measured"));
        given().formParam("measured", "perhaps").when().post(manage + "/measurement").then().statusCode(400).body(containsString("measured"));
        try (KafkaTestConsumer events = new KafkaTestConsumer(Topics.SUBSCRIPTION_EVENTS, StrideEvents.CODEC)) {
            given().redirects().follow(false).formParam("measured", "false").when().post(manage + "/measurement").then().statusCode(303);
            List<KafkaTestConsumer.Received> changed = events.await(r -> r.key().equals(id.toString()) && r.data() instanceof MeasurementChanged,
                    1, Duration.ofSeconds(30));
            assertThat(((MeasurementChanged) changed.get(0).data()).measured()).isFalse();

            given().when().get(manage + "?n=" + nudge).then().statusCode(200).body(containsString("Measuring is off."));
            given().when().post("/actions/" + links.token(id, LinkPurpose.PAUSE, Optional.empty()) + "?n=" + nudge).then().statusCode(200);
            assertThat(TestSupport.count("SELECT count(*) FROM engagement WHERE subscription_id = ?1", id)).as("nothing recorded").isZero();

            TestSupport.as(id, links).body("{\"measured\": true}").when().put("/api/subscriptions/" + id + "/measurement").then().statusCode(200)
                    .body("measured", equalTo(true));
            events.await(r -> r.key().equals(id.toString()) && r.data() instanceof MeasurementChanged m && m.measured(), 1, Duration.ofSeconds(30));
        }
    }

    @Test
    void theOutcomeJobPublishesWhatFollowedOnceTheWindowHasPassedAndOnlyOnce() {
        UUID id = TestSupport.subscribed(TestSupport.uniqueEmail("outcome"), TestSupport.ROADMAP, clock, links);
        Instant sentAt = clock.instant().minus(Duration.ofMinutes(1)).truncatedTo(ChronoUnit.MILLIS);
        UUID welcome = sentNudge(id, sentAt.minusSeconds(30), 600, null, NudgeDue.Kind.WELCOME);
        UUID nudge = sentNudge(id, sentAt, 600, new NudgeDue.Variant("finish-date", "SAMPLED", false));
        // 5 h done (python-setup-and-syntax) + 30 minutes logged against 1200 planned minutes.
        String done = "/actions/" + links.token(id, LinkPurpose.MARK_DONE, Optional.of("python-setup-and-syntax"));
        given().when().post(done + "?n=" + nudge).then().statusCode(200);
        TestSupport.as(id, links).body("{\"minutes\": 30}").when().post("/api/subscriptions/" + id + "/milestones/local-ml-setup/minutes")
                .then().statusCode(200);
        outcomes.run();
        assertThat(TestSupport.count("SELECT count(*) FROM nudge_log WHERE nudge_id = ?1 AND outcome_closed_at IS NULL", nudge))
                .as("the window is still open (other tests' rows may close meanwhile)").isEqualTo(1);

        try (KafkaTestConsumer events = new KafkaTestConsumer(Topics.SUBSCRIPTION_EVENTS, StrideEvents.CODEC)) {
            clock.advance(Reward.WINDOW.plusHours(1));
            assertThat(outcomes.run()).isPositive();
            List<KafkaTestConsumer.Received> published = events.await(r -> r.key().equals(id.toString()) && r.data() instanceof NudgeOutcome,
                    1, Duration.ofSeconds(30));
            NudgeOutcome outcome = (NudgeOutcome) published.get(0).data();
            assertThat(outcome).isEqualTo(new NudgeOutcome(nudge, id, TestSupport.ROADMAP, "finish-date", false, sentAt, sentAt.plus(Reward.WINDOW),
                    1, 30, 1200, 2, false, Reward.of(330, 1200, false)));
            assertThat(outcome.reward()).isEqualTo(0.275);

            outcomes.run();
            assertThat(events.settle(r -> r.key().equals(id.toString()) && r.data() instanceof NudgeOutcome, Duration.ofSeconds(3)))
                    .as("still one outcome: a welcome carries no variant and is not learned from").hasSize(1);
            assertThat(TestSupport.count("SELECT count(*) FROM nudge_log WHERE nudge_id = ?1 AND outcome_closed_at IS NOT NULL", welcome))
                    .as("the welcome's window is closed all the same").isEqualTo(1);
            assertThat(TestSupport.count("SELECT count(*) FROM nudge_log WHERE nudge_id = ?1 AND outcome_closed_at IS NOT NULL "
                    + "AND milestones_done = 1 AND minutes_logged = 30 AND engagements = 2 AND NOT unsubscribed", nudge)).isEqualTo(1);
        }
    }

    @Test
    void theExportListsTheEngagementAndErasureRemovesItWithTheNudgeAndDeliveryLogs() {
        UUID id = TestSupport.subscribed(TestSupport.uniqueEmail("erase"), TestSupport.ROADMAP, clock, links);
        UUID nudge = sentNudge(id, clock.instant().minus(Duration.ofMinutes(5)), 60, null);
        String manage = links.manageUrl(id).replace("http://localhost:8080", "");
        given().when().get(manage + "?n=" + nudge).then().statusCode(200);
        given().when().get(manage + "/data").then().statusCode(200)
                .body("engagement[0].action", equalTo("MANAGE_OPEN")).body("engagement[0].nudgeId", equalTo(nudge.toString()));

        given().contentType(io.restassured.http.ContentType.URLENC).post(manage + "/data/erase").then().statusCode(200);
        for (String table : List.of("engagement", "nudge_log", "delivery_log")) {
            assertThat(TestSupport.count("SELECT count(*) FROM " + table + " WHERE subscription_id = ?1", id)).as(table).isZero();
        }
    }

    /** A nudge (weekly unless said) of two sessions of {@code minutes}, read from nudge-events, then reported delivered at {@code sentAt}. */
    private UUID sentNudge(UUID subscription, Instant sentAt, int minutes, NudgeDue.Variant variant) {
        return sentNudge(subscription, sentAt, minutes, variant, NudgeDue.Kind.WEEKLY);
    }

    private UUID sentNudge(UUID subscription, Instant sentAt, int minutes, NudgeDue.Variant variant, NudgeDue.Kind kind) {
        UUID nudgeId = UUID.randomUUID();
        LocalDate monday = TestSupport.today(clock).with(java.time.DayOfWeek.MONDAY);
        List<NudgeDue.PlannedSession> sessions = List.of(new NudgeDue.PlannedSession(monday.plusDays(1), LocalTime.of(18, 0), minutes, List.of()),
                new NudgeDue.PlannedSession(monday.plusDays(5), LocalTime.of(9, 30), minutes, List.of()));
        NudgeDue due = new NudgeDue(nudgeId, subscription, kind, new Learner("x@example.org", "Ada", "en", false), TestSupport.ZONE,
                TestSupport.ROADMAP, "AI/ML engineer in 12 months", 1, monday, monday.plusDays(6), sentAt.minusSeconds(60), sessions, List.of(),
                null, 0, null, 0, null, null, null, variant);
        KafkaSupport.awaitConsumed(GROUP, publish(Topics.NUDGE_EVENTS, subscription, due));
        KafkaSupport.awaitConsumed(GROUP, publish(Topics.DELIVERY_EVENTS, subscription,
                new Delivered(nudgeId, EmailKind.NUDGE, subscription, "<" + nudgeId + "@stride.dev>", 1, sentAt)));
        return nudgeId;
    }

    private RecordMetadata publish(String topic, UUID subscription, DomainEvent event) {
        EventEnvelope<DomainEvent> envelope = EventEnvelope.wrap(StrideEvents.CATALOG, subscription.toString(), event, clock);
        return KafkaSupport.publish(topic, envelope);
    }

    private static long engagements(UUID subscription, String action, UUID nudge) {
        return TestSupport.count("SELECT count(*) FROM engagement WHERE subscription_id = ?1 AND action = ?2 AND nudge_id = ?3", subscription, action, nudge);
    }
}
