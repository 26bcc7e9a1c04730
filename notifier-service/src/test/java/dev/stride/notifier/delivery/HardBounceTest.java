package dev.stride.notifier.delivery;

import dev.stride.contracts.Topics;
import dev.stride.contracts.event.DeliveryFailed;
import dev.stride.contracts.event.EmailKind;
import dev.stride.contracts.event.EventEnvelope;
import dev.stride.contracts.event.StrideEvents;
import dev.stride.contracts.event.SubscriptionRequested;
import dev.stride.contracts.event.Unsubscribed;
import dev.stride.infra.mail.SmtpReplyRule;
import dev.stride.infra.mail.SmtpSink;
import dev.stride.infra.testing.KafkaTestConsumer;
import dev.stride.infra.testing.StrideInfraResource;
import dev.stride.infra.testing.TestInfrastructure;
import dev.stride.notifier.ReceivedEmail;
import dev.stride.notifier.TestEvents;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.common.TestResourceScope;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.List;
import java.util.UUID;
import java.util.regex.Pattern;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * A hard bounce is about the address, not the email: once the server refused it permanently, nothing goes to it
 * again, for any subscription and any kind of email, and the mail server is not even asked.
 */
@QuarkusTest
@WithTestResource(value = StrideInfraResource.class, scope = TestResourceScope.GLOBAL)
class HardBounceTest {

    @Inject
    EmailDeliveryRepository deliveries;

    @Inject
    SuppressionRepository suppressions;

    @Inject
    MeterRegistry registry;

    @Test
    void aHardBounceSuppressesTheAddressForEverySubscriptionAndEveryKindOfEmail() {
        String address = TestEvents.uniqueEmail("gone");
        TestEvents.Nudge bounced = TestEvents.nudge(address);
        SmtpSink sink = TestInfrastructure.smtpSink().orElseThrow();
        double hardBouncesBefore = count("stride.delivery.hard.bounces", null);
        double suppressedBefore = count("stride.delivery.suppressed", AddressSuppression.HARD_BOUNCE);
        sink.addRule(SmtpReplyRule.refuse(Pattern.quote(address), 550, "5.1.1 no such user"));
        try (KafkaTestConsumer events = new KafkaTestConsumer(Topics.DELIVERY_EVENTS, StrideEvents.CODEC)) {
            TestEvents.publishNudge(bounced.envelope());

            DeliveryFailed failed = (DeliveryFailed) events.await(KafkaTestConsumer.key(bounced.subscriptionId().toString()), 1, Duration.ofSeconds(30))
                    .get(0).data();
            assertThat(failed.permanent()).isTrue();
            assertThat(failed.reason()).startsWith(HardBounces.PREFIX).contains("550 5.1.1 no such user").contains("no further emails");
            AddressSuppression suppression = QuarkusTransaction.requiringNew().call(() -> suppressions.ofAddress(address.toUpperCase())).orElseThrow();
            assertThat(suppression.reason).isEqualTo("hard-bounce");
            assertThat(suppression.smtpCode).isEqualTo(550);
            assertThat(suppression.smtpReply).contains("550 5.1.1 no such user");
            assertThat(suppression.emailId).isEqualTo(bounced.nudgeId());
            assertThat(count("stride.delivery.hard.bounces", null)).isEqualTo(hardBouncesBefore + 1);

            // The server would take the address now: whatever is sent to it from here on arrives and fails the test.
            sink.clearRules();
            TestEvents.Nudge otherRoadmap = TestEvents.nudge(address.toUpperCase());
            UUID newSubscription = UUID.randomUUID();
            EventEnvelope<SubscriptionRequested> confirmation = TestEvents.envelope(newSubscription,
                    TestEvents.subscriptionRequested(newSubscription, address, "en", "Europe/Berlin"));
            EventEnvelope<Unsubscribed> goodbye = TestEvents.envelope(otherRoadmap.subscriptionId(),
                    TestEvents.unsubscribed(otherRoadmap.subscriptionId(), address));
            TestEvents.publishNudge(otherRoadmap.envelope());
            TestEvents.publishSubscriptionEvent(confirmation);
            TestEvents.publishSubscriptionEvent(goodbye);

            List<UUID> later = List.of(otherRoadmap.nudgeId(), confirmation.eventId(), goodbye.eventId());
            await().atMost(Duration.ofSeconds(30)).until(() -> later.stream().allMatch(id -> LedgerRows.row(deliveries, id)
                    .map(row -> row.state == DeliveryState.SUPPRESSED).orElse(false)));
            for (UUID id : later) {
                EmailDelivery row = LedgerRows.existing(deliveries, id);
                assertThat(row.suppressionReason).isEqualTo("hard-bounce");
                assertThat(row.attempts).as("never tried").isZero();
            }
            assertThat(LedgerRows.existing(deliveries, goodbye.eventId()).kind).isEqualTo(EmailKind.GOODBYE);
            assertThat(count("stride.delivery.suppressed", AddressSuppression.HARD_BOUNCE)).isEqualTo(suppressedBefore + 3);

            // Each subscription learns why its emails stopped: roadmap-service shows it on the manage page.
            List<KafkaTestConsumer.Received> otherEvents = events.await(KafkaTestConsumer.key(otherRoadmap.subscriptionId().toString()), 2, Duration.ofSeconds(30));
            List<KafkaTestConsumer.Received> newEvents = events.await(KafkaTestConsumer.key(newSubscription.toString()), 1, Duration.ofSeconds(30));
            assertThat(otherEvents).hasSize(2);
            assertThat(newEvents).hasSize(1);
            assertThat(List.of(otherEvents.get(0), otherEvents.get(1), newEvents.get(0))).allSatisfy(event -> {
                assertThat(event.type()).isEqualTo("DeliveryFailed");
                DeliveryFailed data = (DeliveryFailed) event.data();
                assertThat(data.permanent()).isTrue();
                assertThat(data.attempts()).isZero();
                assertThat(data.reason()).startsWith(HardBounces.PREFIX + "not sent").contains("550 5.1.1 no such user");
            });
        } finally {
            sink.clearRules();
        }
        ReceivedEmail.awaitNoMoreThan(address, 0);
    }

    private double count(String name, String reason) {
        var search = registry.find(name);
        if (reason != null) {
            search = search.tag("reason", reason);
        }
        return search.counters().stream().mapToDouble(Counter::count).sum();
    }
}
