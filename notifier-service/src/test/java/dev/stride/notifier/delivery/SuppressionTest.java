package dev.stride.notifier.delivery;

import dev.stride.contracts.event.EventEnvelope;
import dev.stride.contracts.event.Unsubscribed;
import dev.stride.infra.mail.SmtpSink;
import dev.stride.infra.testing.StrideInfraResource;
import dev.stride.infra.testing.TestInfrastructure;
import dev.stride.notifier.ReceivedEmail;
import dev.stride.notifier.TestEvents;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.common.TestResourceScope;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/** Once a learner leaves, the goodbye is the last email they get for that subscription, however late a nudge turns up. */
@QuarkusTest
@WithTestResource(value = StrideInfraResource.class, scope = TestResourceScope.GLOBAL)
class SuppressionTest {

    @Inject
    EmailDeliveryRepository deliveries;

    @Inject
    SuppressionRepository suppressions;

    @Test
    void afterUnsubscribingOnlyTheGoodbyeArrivesNotTheLateNudge() {
        String address = TestEvents.uniqueEmail("leaver");
        TestEvents.Nudge nudge = TestEvents.nudge(address);
        EventEnvelope<Unsubscribed> unsubscribed = TestEvents.envelope(nudge.subscriptionId(), TestEvents.unsubscribed(nudge.subscriptionId(), address.toUpperCase()));

        TestEvents.publishSubscriptionEvent(unsubscribed);
        await().atMost(Duration.ofSeconds(30)).until(() -> isSuppressed(address, nudge));
        TestEvents.publishNudge(nudge.envelope());
        // A second Unsubscribed for the same subscription (say, the API called twice) must not say goodbye twice.
        TestEvents.publishSubscriptionEvent(TestEvents.envelope(nudge.subscriptionId(), TestEvents.unsubscribed(nudge.subscriptionId(), address)));

        await().atMost(Duration.ofSeconds(30)).until(() -> LedgerRows.row(deliveries, nudge.nudgeId())
                .map(row -> row.state == DeliveryState.SUPPRESSED).orElse(false));
        List<ReceivedEmail> received = ReceivedEmail.awaitMessagesTo(address, 1);
        ReceivedEmail.awaitNoMoreThan(address, 1);
        ReceivedEmail goodbye = received.get(0);
        assertThat(goodbye.subject()).isEqualTo("You have unsubscribed from “AI/ML engineer in 12 months”");
        assertThat(goodbye.header("Message-ID")).isEqualTo("<" + unsubscribed.eventId() + "@stride.dev>");
        assertThat(goodbye.text()).contains("You will get no more emails about “AI/ML engineer in 12 months”. This is the last one.",
                "Changed your mind? Subscribe again: https://stride.example/roadmaps/ai-ml-engineer-12-months");
        assertThat(goodbye.html()).contains("href=\"https://stride.example/roadmaps/ai-ml-engineer-12-months\"");
        assertThat(LedgerRows.existing(deliveries, nudge.nudgeId()).attempts).as("never tried").isZero();
    }

    @Test
    void aNudgeQueuedBeforeTheLearnerLeftIsDroppedAtSendTime() {
        String address = TestEvents.uniqueEmail("queued");
        TestEvents.Nudge nudge = TestEvents.nudge(address);
        SmtpSink sink = TestInfrastructure.smtpSink().orElseThrow();
        sink.suspend();
        try {
            TestEvents.publishNudge(nudge.envelope());
            await().atMost(Duration.ofSeconds(30)).until(() -> LedgerRows.row(deliveries, nudge.nudgeId())
                    .map(row -> row.state == DeliveryState.RETRYING).orElse(false));
            TestEvents.publishSubscriptionEvent(TestEvents.envelope(nudge.subscriptionId(), TestEvents.unsubscribed(nudge.subscriptionId(), address)));
            await().atMost(Duration.ofSeconds(30)).until(() -> isSuppressed(address, nudge));
        } finally {
            sink.resume();
        }

        List<ReceivedEmail> received = ReceivedEmail.awaitMessagesTo(address, 1);
        await().atMost(Duration.ofSeconds(30)).until(() -> LedgerRows.existing(deliveries, nudge.nudgeId()).state == DeliveryState.SUPPRESSED);
        ReceivedEmail.awaitNoMoreThan(address, 1);
        assertThat(received.get(0).subject()).startsWith("You have unsubscribed from");
    }

    private boolean isSuppressed(String address, TestEvents.Nudge nudge) {
        return QuarkusTransaction.requiringNew().call(() -> suppressions.isSuppressed(address, nudge.subscriptionId()));
    }
}
