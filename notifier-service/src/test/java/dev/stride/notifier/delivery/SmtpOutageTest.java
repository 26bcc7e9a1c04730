package dev.stride.notifier.delivery;

import dev.stride.contracts.Topics;
import dev.stride.contracts.event.Delivered;
import dev.stride.contracts.event.DeliveryFailed;
import dev.stride.contracts.event.EmailKind;
import dev.stride.contracts.event.StrideEvents;
import dev.stride.infra.mail.SmtpReplyRule;
import dev.stride.infra.mail.SmtpSink;
import dev.stride.infra.testing.KafkaTestConsumer;
import dev.stride.infra.testing.StrideInfraResource;
import dev.stride.infra.testing.TestInfrastructure;
import dev.stride.notifier.ReceivedEmail;
import dev.stride.notifier.TestEvents;
import io.quarkus.test.common.TestResourceScope;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.List;
import java.util.regex.Pattern;
import java.util.stream.IntStream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/** Retries come from the ledger: an outage delays email, a transient refusal is retried, a permanent one is not. */
@QuarkusTest
@WithTestResource(value = StrideInfraResource.class, scope = TestResourceScope.GLOBAL)
class SmtpOutageTest {

    @Inject
    EmailDeliveryRepository deliveries;

    @Inject
    SmtpCircuit circuit;

    @Test
    void nudgesArrivingWhileTheMailServerIsDownAreAllDeliveredOnceWhenItReturns() {
        List<TestEvents.Nudge> nudges = IntStream.range(0, 5).mapToObj(i -> TestEvents.nudge(TestEvents.uniqueEmail("outage-" + i))).toList();
        SmtpSink sink = TestInfrastructure.smtpSink().orElseThrow();
        sink.suspend();
        try {
            nudges.forEach(nudge -> TestEvents.publishNudge(nudge.envelope()));
            // The first refused connection opens the circuit: the rest wait in the ledger (at most a probe each) instead of failing one by one.
            await().atMost(Duration.ofSeconds(30)).until(() -> circuit.downSince().isPresent() && nudges.stream().allMatch(nudge ->
                    LedgerRows.row(deliveries, nudge.nudgeId()).map(row -> row.state == DeliveryState.PENDING || row.state == DeliveryState.RETRYING)
                            .orElse(false)));
            await().atMost(Duration.ofSeconds(30)).until(() -> nudges.stream().anyMatch(nudge -> LedgerRows.existing(deliveries, nudge.nudgeId()).lastError != null));
            assertThat(nudges).allSatisfy(nudge -> assertThat(ReceivedEmail.messagesTo(nudge.email())).isEmpty());
        } finally {
            sink.resume();
        }

        try (KafkaTestConsumer events = new KafkaTestConsumer(Topics.DELIVERY_EVENTS, StrideEvents.CODEC)) {
            for (TestEvents.Nudge nudge : nudges) {
                ReceivedEmail.awaitMessagesTo(nudge.email(), 1);
            }
            Duration window = ReceivedEmail.repeatWindow();
            await().during(window).atMost(window.plusSeconds(30))
                    .until(() -> nudges.stream().allMatch(nudge -> ReceivedEmail.messagesTo(nudge.email()).size() == 1));
            assertThat(circuit.downSince()).isEmpty();
            for (TestEvents.Nudge nudge : nudges) {
                EmailDelivery row = LedgerRows.existing(deliveries, nudge.nudgeId());
                assertThat(row.state).isEqualTo(DeliveryState.SENT);
                List<KafkaTestConsumer.Received> outcome = events.await(KafkaTestConsumer.key(nudge.subscriptionId().toString()), 1, Duration.ofSeconds(30));
                assertThat(outcome).extracting(KafkaTestConsumer.Received::type).containsExactly("Delivered");
                assertThat(((Delivered) outcome.get(0).data()).attempts()).isEqualTo(row.attempts).isGreaterThanOrEqualTo(1);
            }
        }
    }

    @Test
    void aPermanentRefusalFailsAtOnceWithADeliveryFailedEventAndNoRetries() {
        TestEvents.Nudge nudge = TestEvents.nudge(TestEvents.uniqueEmail("bounce"));
        SmtpSink sink = TestInfrastructure.smtpSink().orElseThrow();
        sink.addRule(SmtpReplyRule.refuse(Pattern.quote(nudge.email()), 550, "5.1.1 no such user"));
        try (KafkaTestConsumer events = new KafkaTestConsumer(Topics.DELIVERY_EVENTS, StrideEvents.CODEC)) {
            TestEvents.publishNudge(nudge.envelope());

            List<KafkaTestConsumer.Received> outcome = events.await(KafkaTestConsumer.key(nudge.subscriptionId().toString()), 1, Duration.ofSeconds(30));
            assertThat(outcome).extracting(KafkaTestConsumer.Received::type).containsExactly("DeliveryFailed");
            DeliveryFailed failed = (DeliveryFailed) outcome.get(0).data();
            assertThat(failed.emailId()).isEqualTo(nudge.nudgeId());
            assertThat(failed.kind()).isEqualTo(EmailKind.NUDGE);
            assertThat(failed.permanent()).isTrue();
            assertThat(failed.reason()).startsWith(HardBounces.PREFIX).contains("550").contains("no such user");
            // The 550 is the last attempt. Normally the first; a pooled connection that an earlier test's SMTP
            // stop left half-open can cost one timed-out (transient) attempt before it.
            assertThat(failed.attempts()).isBetween(1, 2);

            Duration window = ReceivedEmail.repeatWindow();
            await().during(window).atMost(window.plusSeconds(30)).until(() -> {
                EmailDelivery row = LedgerRows.existing(deliveries, nudge.nudgeId());
                return row.state == DeliveryState.FAILED && row.permanentFailure && row.attempts == failed.attempts()
                        && Integer.valueOf(550).equals(row.smtpCode);
            });
            assertThat(events.settle(KafkaTestConsumer.key(nudge.subscriptionId().toString()), Duration.ofSeconds(2))).hasSize(1);
        } finally {
            sink.clearRules();
        }
        assertThat(ReceivedEmail.messagesTo(nudge.email())).isEmpty();
    }

    @Test
    void aTransientRefusalIsRetriedWithBackoffUntilTheServerAccepts() {
        TestEvents.Nudge nudge = TestEvents.nudge(TestEvents.uniqueEmail("greylisted"));
        SmtpSink sink = TestInfrastructure.smtpSink().orElseThrow();
        sink.addRule(SmtpReplyRule.refuse(Pattern.quote(nudge.email()), 451, "4.7.1 greylisted, try again later"));
        try {
            TestEvents.publishNudge(nudge.envelope());
            // An attempt may first time out on a pooled connection left by an earlier outage; wait for the 451 itself.
            EmailDelivery retrying = await().atMost(Duration.ofSeconds(30)).until(() -> LedgerRows.row(deliveries, nudge.nudgeId()).orElse(null),
                    row -> row != null && row.state == DeliveryState.RETRYING && row.attempts >= 2 && Integer.valueOf(451).equals(row.smtpCode));
            assertThat(retrying.smtpCode).isEqualTo(451);
            assertThat(retrying.lastError).contains("greylisted");
        } finally {
            sink.clearRules();
        }

        ReceivedEmail.awaitMessagesTo(nudge.email(), 1);
        await().atMost(Duration.ofSeconds(10)).until(() -> LedgerRows.existing(deliveries, nudge.nudgeId()).state == DeliveryState.SENT);
        ReceivedEmail.awaitNoMoreThan(nudge.email(), 1);
    }
}
