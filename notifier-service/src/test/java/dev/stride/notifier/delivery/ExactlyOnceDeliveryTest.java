package dev.stride.notifier.delivery;

import dev.stride.contracts.event.EmailKind;
import dev.stride.contracts.event.EventEnvelope;
import dev.stride.contracts.event.NudgeDue;
import dev.stride.infra.testing.StrideInfraResource;
import dev.stride.notifier.ReceivedEmail;
import dev.stride.notifier.TestEvents;
import io.micrometer.core.instrument.MeterRegistry;
import io.quarkus.test.common.TestResourceScope;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import org.junit.jupiter.api.Test;

import java.net.URL;
import java.time.Duration;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/** The delivery ledger makes repeats harmless: however often a nudge arrives, its learner gets one email. */
@QuarkusTest
@WithTestResource(value = StrideInfraResource.class, scope = TestResourceScope.GLOBAL)
class ExactlyOnceDeliveryTest {

    @TestHTTPResource(value = "/metrics", management = true)
    URL metrics;

    @Inject
    EmailDeliveryRepository deliveries;

    @Inject
    MeterRegistry registry;

    @Test
    void theSameNudgeDeliveredThreeTimesGivesOneEmail() {
        TestEvents.Nudge nudge = TestEvents.nudge(TestEvents.uniqueEmail("thrice"));
        EventEnvelope<NudgeDue> envelope = nudge.envelope();
        double duplicatesBefore = duplicates();

        TestEvents.publishNudge(envelope);
        TestEvents.publishNudge(envelope);
        // Republished by reminder-service: a new event id, the same nudge id.
        TestEvents.publishNudge(TestEvents.envelope(nudge.subscriptionId(), nudge.build()));

        ReceivedEmail.awaitMessagesTo(nudge.email(), 1);
        await().atMost(Duration.ofSeconds(30)).until(() -> duplicates() >= duplicatesBefore + 2);
        ReceivedEmail.awaitNoMoreThan(nudge.email(), 1);
        EmailDelivery row = LedgerRows.existing(deliveries, nudge.nudgeId());
        assertThat(row.state).isEqualTo(DeliveryState.SENT);
        assertThat(row.attempts).isEqualTo(1);
        assertThat(row.kind).isEqualTo(EmailKind.NUDGE);
        assertThat(row.messageId).isEqualTo("<" + nudge.nudgeId() + "@stride.dev>");
    }

    @Test
    void theOperatorSeesSendsDuplicatesAndLatencyInTheMetrics() {
        TestEvents.Nudge nudge = TestEvents.nudge(TestEvents.uniqueEmail("metrics"));
        long acceptedBefore = registry.get("stride.nudge.delivery.lag").timer().count();
        TestEvents.publishNudge(nudge.envelope());
        TestEvents.publishNudge(nudge.envelope());
        ReceivedEmail.awaitMessagesTo(nudge.email(), 1);
        // The delivery SLI: one accepted nudge (the repeat was dropped).
        await().atMost(Duration.ofSeconds(10)).until(() -> registry.get("stride.nudge.delivery.lag").timer().count() == acceptedBefore + 1);

        await().atMost(Duration.ofSeconds(10)).untilAsserted(() -> assertThat(given().when().get(metrics).then().statusCode(200)
                .extract().asString()).contains(
                        "stride_delivery_sent_total{kind=\"NUDGE\"",
                        "stride_delivery_duplicates_total{kind=\"NUDGE\"",
                        "stride_delivery_send_latency_seconds_count{kind=\"NUDGE\",outcome=\"sent\""));
    }

    private double duplicates() {
        var counter = registry.find("stride.delivery.duplicates").tag("kind", "NUDGE").counter();
        return counter == null ? 0 : counter.count();
    }
}
