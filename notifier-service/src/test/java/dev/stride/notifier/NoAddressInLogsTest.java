package dev.stride.notifier;

import dev.stride.contracts.event.EventEnvelope;
import dev.stride.contracts.event.SubscriptionRequested;
import dev.stride.infra.mail.SmtpReplyRule;
import dev.stride.infra.mail.SmtpSink;
import dev.stride.infra.testing.LogCapture;
import dev.stride.infra.testing.Rows;
import dev.stride.infra.testing.StrideInfraResource;
import dev.stride.infra.testing.TestInfrastructure;
import io.quarkus.test.common.TestResourceScope;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.List;
import java.util.Locale;
import java.util.UUID;
import java.util.logging.Level;
import java.util.regex.Pattern;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * No recipient address in this service's logs above DEBUG, whatever happens to an email: sent, retried after a refusal
 * whose reply quotes the address, hard-bounced, suppressed after an unsubscribe.
 */
@QuarkusTest
@WithTestResource(value = StrideInfraResource.class, scope = TestResourceScope.GLOBAL)
class NoAddressInLogsTest {

    @Test
    void sendingRetryingBouncingAndSuppressingLogNoAddress() {
        String sent = TestEvents.uniqueEmail("logged.sent");
        String retried = TestEvents.uniqueEmail("logged-retried");
        String bounced = TestEvents.uniqueEmail("logged-bounced");
        // A name no log line holds by chance, in every nudge here.
        String name = "Quillonia " + UUID.randomUUID().toString().substring(0, 6);
        SmtpSink sink = TestInfrastructure.smtpSink().orElseThrow();
        List<String> lines;
        TestEvents.Nudge toRetry = TestEvents.nudge(retried).withName(name);
        try (LogCapture logs = LogCapture.atOrAbove(Level.INFO)) {
            sink.addRule(SmtpReplyRule.refuse(Pattern.quote(bounced), 550, "5.1.1 <" + bounced + ">: no such user"));
            sink.addRule(SmtpReplyRule.refuse(Pattern.quote(retried), 451, "4.3.0 <" + retried + ">: try again later"));
            UUID subscription = UUID.randomUUID();
            EventEnvelope<SubscriptionRequested> confirmation = TestEvents.envelope(subscription,
                    TestEvents.subscriptionRequested(subscription, sent, "en", "Europe/Berlin"));
            TestEvents.publishSubscriptionEvent(confirmation);
            TestEvents.Nudge nudge = TestEvents.nudge(sent).withSubscription(subscription).withName(name);
            TestEvents.publishNudge(nudge.envelope());
            ReceivedEmail.awaitMessagesTo(sent, 2);
            TestEvents.publishSubscriptionEvent(TestEvents.envelope(subscription, TestEvents.unsubscribed(subscription, sent)));
            // The goodbye is recorded with the suppression: once it arrives, a later nudge must end suppressed. Not before:
            // the nudge travels on another topic and could be recorded and sent ahead of the unsubscribe.
            ReceivedEmail.awaitMessagesTo(sent, 3);
            TestEvents.Nudge late = nudge.withNewNudgeId();
            TestEvents.publishNudge(late.envelope());
            TestEvents.publishNudge(toRetry.envelope());
            TestEvents.Nudge toBounce = TestEvents.nudge(bounced).withName(name);
            TestEvents.publishNudge(toBounce.envelope());

            await().atMost(Duration.ofSeconds(30)).until(() -> state(toBounce.nudgeId(), "FAILED") && state(late.nudgeId(), "SUPPRESSED")
                    && Rows.count("notifier", "SELECT count(*) FROM email_delivery WHERE email_id = ?1 AND attempts >= 1", toRetry.nudgeId()) == 1);
            sink.clearRules();
            ReceivedEmail.awaitMessagesTo(retried, 1);
            lines = logs.lines();
        } finally {
            sink.clearRules();
        }

        assertThat(lines).as("something was logged").isNotEmpty();
        for (String address : List.of(sent, retried, bounced)) {
            String local = address.substring(0, address.indexOf('@')).toLowerCase(Locale.ROOT);
            assertThat(lines).noneMatch(line -> line.toLowerCase(Locale.ROOT).contains(local));
        }
        assertThat(lines).noneMatch(line -> line.toLowerCase(Locale.ROOT).contains(name.toLowerCase(Locale.ROOT)));
        assertThat(lines).as("the refused attempt's line carries the nudge's ids in the MDC").anySatisfy(line -> assertThat(line)
                .contains("next attempt at").contains("nudgeId=" + toRetry.nudgeId()).contains("subscriptionId=" + toRetry.subscriptionId())
                .contains("emailId=" + toRetry.nudgeId()));
    }

    private static boolean state(UUID emailId, String state) {
        return Rows.count("notifier", "SELECT count(*) FROM email_delivery WHERE email_id = ?1 AND state = ?2", emailId, state) == 1;
    }
}
