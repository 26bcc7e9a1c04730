package dev.stride.notifier.delivery;

import dev.stride.contracts.Topics;
import dev.stride.contracts.event.AddressSuppressed;
import dev.stride.contracts.event.AddressUnsuppressed;
import dev.stride.contracts.event.Delivered;
import dev.stride.contracts.event.EmailKind;
import dev.stride.contracts.event.EmailResendRequested;
import dev.stride.contracts.event.EventEnvelope;
import dev.stride.contracts.event.NudgeDue;
import dev.stride.contracts.event.StrideEvents;
import dev.stride.contracts.learning.NudgeVariant;
import dev.stride.contracts.privacy.Addresses;
import dev.stride.infra.testing.KafkaTestConsumer;
import dev.stride.infra.testing.StrideInfraResource;
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
 * The console's requests, through the real broker, database and SMTP server: a resend sends the stored email once more
 * (once, however often the request is delivered; never to a suppressed address; an unknown email is skipped, not
 * dead-lettered), and lifting an address's suppression (not-me or hard bounce) lets the next email through.
 */
@QuarkusTest
@WithTestResource(value = StrideInfraResource.class, scope = TestResourceScope.GLOBAL)
class OperatorRequestsTest {

    @Inject
    EmailDeliveryRepository deliveries;

    @Inject
    SuppressionRepository suppressions;

    @Test
    void aResendSendsTheStoredEmailOnceMoreAndARedeliveryNothingMore() {
        TestEvents.Nudge nudge = TestEvents.nudge(TestEvents.uniqueEmail("resend"));
        NudgeDue chosen = nudge.build().withVariant(new NudgeDue.Variant("finish-date", NudgeVariant.Reason.SAMPLED.name(), false));
        TestEvents.publishNudge(TestEvents.envelope(nudge.subscriptionId(), chosen));
        ReceivedEmail original = ReceivedEmail.awaitMessagesTo(nudge.email(), 1).get(0);

        EventEnvelope<EmailResendRequested> resend = resendOf(nudge.nudgeId(), nudge.subscriptionId());
        try (KafkaTestConsumer outcomes = new KafkaTestConsumer(Topics.DELIVERY_EVENTS, StrideEvents.CODEC)) {
            TestEvents.publishSubscriptionEvent(resend);
            TestEvents.publishSubscriptionEvent(resend);

            List<ReceivedEmail> received = ReceivedEmail.awaitMessagesTo(nudge.email(), 2);
            ReceivedEmail copy = received.get(1);
            assertThat(copy.subject()).isEqualTo(original.subject()).isEqualTo("Week 3: on course to finish on February 14, 2028");
            assertThat(copy.text()).contains("At your pace you finish “AI/ML engineer in 12 months” on February 14, 2028.");
            assertThat(copy.header("Message-ID")).isEqualTo("<" + resend.eventId() + "@stride.dev>");
            ReceivedEmail.awaitNoMoreThan(nudge.email(), 2);

            EmailDelivery row = LedgerRows.existing(deliveries, resend.eventId());
            assertThat(row.resendOf).isEqualTo(nudge.nudgeId());
            assertThat(row.kind).isEqualTo(EmailKind.NUDGE);
            assertThat(row.state).isEqualTo(DeliveryState.SENT);
            List<KafkaTestConsumer.Received> delivered = outcomes.await(received(resend.eventId()), 1, Duration.ofSeconds(30));
            assertThat(delivered.get(0).key()).isEqualTo(nudge.subscriptionId().toString());
            assertThat(((Delivered) delivered.get(0).data()).kind()).isEqualTo(EmailKind.NUDGE);
        }
    }

    @Test
    void aResendToASuppressedAddressIsNotSentAndAnUnknownEmailIsSkipped() {
        TestEvents.Nudge nudge = TestEvents.nudge(TestEvents.uniqueEmail("resend-suppressed"));
        TestEvents.publishNudge(nudge.envelope());
        ReceivedEmail.awaitMessagesTo(nudge.email(), 1);
        suppress(nudge.email());

        EventEnvelope<EmailResendRequested> resend = resendOf(nudge.nudgeId(), nudge.subscriptionId());
        EventEnvelope<EmailResendRequested> unknown = resendOf(UUID.randomUUID(), nudge.subscriptionId());
        try (KafkaTestConsumer deadLetters = new KafkaTestConsumer(Topics.deadLetter(Topics.SUBSCRIPTION_EVENTS), StrideEvents.CODEC)) {
            TestEvents.publishSubscriptionEvent(unknown);
            TestEvents.publishSubscriptionEvent(resend);

            await().atMost(Duration.ofSeconds(30)).until(() -> LedgerRows.row(deliveries, resend.eventId())
                    .map(row -> row.state == DeliveryState.SUPPRESSED && "not-me".equals(row.suppressionReason)).orElse(false));
            await().atMost(Duration.ofSeconds(30)).until(() -> processed(unknown.eventId()));
            assertThat(LedgerRows.row(deliveries, unknown.eventId())).as("nothing queued for an unknown email").isEmpty();
            ReceivedEmail.awaitNoMoreThan(nudge.email(), 1);
            assertThat(deadLetters.settle(KafkaTestConsumer.key(nudge.subscriptionId().toString()), Duration.ofSeconds(2)))
                    .as("an unknown email is not dead-lettered").isEmpty();
        }
    }

    @Test
    void aLiftedNotMeSuppressionLetsTheNextEmailThrough() {
        TestEvents.Nudge nudge = TestEvents.nudge(TestEvents.uniqueEmail("unsuppress"));
        suppress(nudge.email());
        TestEvents.publishNudge(nudge.envelope());
        await().atMost(Duration.ofSeconds(30)).until(() -> LedgerRows.row(deliveries, nudge.nudgeId())
                .map(row -> row.state == DeliveryState.SUPPRESSED).orElse(false));

        unsuppress(nudge.email());
        TestEvents.Nudge next = nudge.withNewNudgeId();
        TestEvents.publishNudge(next.envelope());

        ReceivedEmail.awaitMessagesTo(nudge.email(), 1);
        ReceivedEmail.awaitNoMoreThan(nudge.email(), 1);
        assertThat(LedgerRows.existing(deliveries, next.nudgeId()).state).isEqualTo(DeliveryState.SENT);
    }

    @Test
    void aLiftedHardBounceLetsTheNextEmailThrough() {
        TestEvents.Nudge nudge = TestEvents.nudge(TestEvents.uniqueEmail("unbounce"));
        QuarkusTransaction.requiringNew().run(() -> suppressions.suppressHardBounce(nudge.email(), 550, "550 5.1.1 no such user", UUID.randomUUID(),
                Instant.now()));
        unsuppress(nudge.email());
        TestEvents.publishNudge(nudge.envelope());

        ReceivedEmail.awaitMessagesTo(nudge.email(), 1);
        await().atMost(Duration.ofSeconds(30)).until(() -> LedgerRows.existing(deliveries, nudge.nudgeId()).state == DeliveryState.SENT);
    }

    private static EventEnvelope<EmailResendRequested> resendOf(UUID emailId, UUID subscriptionId) {
        return TestEvents.envelope(subscriptionId, new EmailResendRequested(emailId, subscriptionId, "operator@stride.example", Instant.now()));
    }

    private void suppress(String address) {
        TestEvents.publishSubscriptionEvent(TestEvents.envelope(UUID.randomUUID(),
                new AddressSuppressed(Addresses.hash(address), "not-me", Instant.now())));
        await().atMost(Duration.ofSeconds(30)).until(() -> QuarkusTransaction.requiringNew().call(() -> suppressions.ofAddress(address).isPresent()));
    }

    private void unsuppress(String address) {
        EventEnvelope<AddressUnsuppressed> lifted = TestEvents.envelope(UUID.randomUUID(),
                new AddressUnsuppressed(Addresses.hash(address), "operator@stride.example", Instant.now()));
        TestEvents.publishSubscriptionEvent(lifted);
        await().atMost(Duration.ofSeconds(30)).until(() -> QuarkusTransaction.requiringNew().call(() -> suppressions.ofAddress(address).isEmpty()));
    }

    private boolean processed(UUID eventId) {
        return QuarkusTransaction.requiringNew().call(() -> ((Number) deliveries.getEntityManager()
                .createNativeQuery("SELECT count(*) FROM processed_event WHERE event_id = :id").setParameter("id", eventId)
                .getSingleResult()).longValue() == 1);
    }

    private static java.util.function.Predicate<KafkaTestConsumer.Received> received(UUID emailId) {
        return record -> record.data() instanceof Delivered delivered && emailId.equals(delivered.emailId());
    }
}
