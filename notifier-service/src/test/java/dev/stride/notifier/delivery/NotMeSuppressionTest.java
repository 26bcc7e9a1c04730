package dev.stride.notifier.delivery;

import dev.stride.contracts.event.AddressSuppressed;
import dev.stride.contracts.event.EventEnvelope;
import dev.stride.contracts.event.SubscriptionRequested;
import dev.stride.contracts.event.Unsubscribed;
import dev.stride.contracts.privacy.Addresses;
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
import java.time.Instant;
import java.util.List;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * "This wasn't me": once AddressSuppressed arrives, no email of any kind goes to the address, queued before or after;
 * the Unsubscribed events (reason not-me) of its subscriptions, on other partitions, queue no goodbye even if they come first.
 */
@QuarkusTest
@WithTestResource(value = StrideInfraResource.class, scope = TestResourceScope.GLOBAL)
class NotMeSuppressionTest {

    @Inject
    EmailDeliveryRepository deliveries;

    @Inject
    SuppressionRepository suppressions;

    @Test
    void aSuppressedAddressGetsNoNudgeConfirmationOrGoodbye() {
        String address = TestEvents.uniqueEmail("notme");
        suppress(address);

        TestEvents.Nudge nudge = TestEvents.nudge(address.toUpperCase());
        UUID other = UUID.randomUUID();
        EventEnvelope<SubscriptionRequested> confirmation = TestEvents.envelope(other, TestEvents.subscriptionRequested(other, address, "en", "UTC"));
        EventEnvelope<Unsubscribed> goodbye = TestEvents.envelope(nudge.subscriptionId(), TestEvents.unsubscribed(nudge.subscriptionId(), address));
        TestEvents.publishNudge(nudge.envelope());
        TestEvents.publishSubscriptionEvent(confirmation);
        TestEvents.publishSubscriptionEvent(goodbye);

        for (UUID email : List.of(nudge.nudgeId(), confirmation.eventId(), goodbye.eventId())) {
            await().atMost(Duration.ofSeconds(30)).until(() -> LedgerRows.row(deliveries, email)
                    .map(row -> row.state == DeliveryState.SUPPRESSED && "not-me".equals(row.suppressionReason)).orElse(false));
            assertThat(LedgerRows.existing(deliveries, email).attempts).as("never tried").isZero();
        }
        ReceivedEmail.awaitNoMoreThan(address, 0);
    }

    @Test
    void aNudgeQueuedBeforeTheSuppressionIsDroppedAtSendTime() {
        String address = TestEvents.uniqueEmail("queued-notme");
        TestEvents.Nudge nudge = TestEvents.nudge(address);
        SmtpSink sink = TestInfrastructure.smtpSink().orElseThrow();
        sink.suspend();
        try {
            TestEvents.publishNudge(nudge.envelope());
            await().atMost(Duration.ofSeconds(30)).until(() -> LedgerRows.row(deliveries, nudge.nudgeId())
                    .map(row -> row.state == DeliveryState.RETRYING).orElse(false));
            suppress(address);
        } finally {
            sink.resume();
        }

        await().atMost(Duration.ofSeconds(30)).until(() -> LedgerRows.existing(deliveries, nudge.nudgeId()).state == DeliveryState.SUPPRESSED);
        assertThat(LedgerRows.existing(deliveries, nudge.nudgeId()).suppressionReason).isEqualTo("not-me");
        ReceivedEmail.awaitNoMoreThan(address, 0);
    }

    @Test
    void anUnsubscribedForNotMeQueuesNoGoodbyeEvenWhenItOvertakesTheSuppression() {
        String address = TestEvents.uniqueEmail("notme-left");
        UUID id = UUID.randomUUID();
        Unsubscribed plain = TestEvents.unsubscribed(id, address);
        EventEnvelope<Unsubscribed> left = TestEvents.envelope(id, new Unsubscribed(id, plain.learner(), plain.roadmapId(),
                plain.roadmapTitle(), plain.resubscribeUrl(), plain.at(), Unsubscribed.NOT_ME));
        TestEvents.publishSubscriptionEvent(left);

        await().atMost(Duration.ofSeconds(30)).until(() -> QuarkusTransaction.requiringNew().call(() -> suppressions.isSuppressed(address, id)));
        assertThat(LedgerRows.row(deliveries, left.eventId())).as("no goodbye queued").isEmpty();
        ReceivedEmail.awaitNoMoreThan(address, 0);
        suppress(address);
        ReceivedEmail.awaitNoMoreThan(address, 0);
    }

    private void suppress(String address) {
        String hash = Addresses.hash(address);
        EventEnvelope<AddressSuppressed> event = TestEvents.envelope(UUID.randomUUID(), new AddressSuppressed(hash, "not-me", Instant.now()));
        TestEvents.publishSubscriptionEvent(event);
        TestEvents.publishSubscriptionEvent(event);
        await().atMost(Duration.ofSeconds(30)).until(() -> QuarkusTransaction.requiringNew().call(() -> suppressions.ofAddress(address)
                .map(suppression -> "not-me".equals(suppression.reason) && suppression.address == null).orElse(false)));
    }
}
