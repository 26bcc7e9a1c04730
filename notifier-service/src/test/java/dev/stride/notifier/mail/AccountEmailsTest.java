package dev.stride.notifier.mail;

import dev.stride.contracts.event.AddressChangeRequested;
import dev.stride.contracts.event.DomainEvent;
import dev.stride.contracts.event.EventEnvelope;
import dev.stride.contracts.event.Learner;
import dev.stride.contracts.event.LearnerErased;
import dev.stride.contracts.event.SignInRequested;
import dev.stride.contracts.privacy.Addresses;
import dev.stride.infra.testing.Rows;
import dev.stride.infra.testing.StrideInfraResource;
import dev.stride.notifier.ReceivedEmail;
import dev.stride.notifier.TestEvents;
import io.quarkus.test.common.TestResourceScope;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/** The emails about a learner rather than one subscription, over the real SMTP server: "your links" and "verify your new address". */
@QuarkusTest
@WithTestResource(value = StrideInfraResource.class, scope = TestResourceScope.GLOBAL)
class AccountEmailsTest {

    @Test
    void theSignInEmailCarriesTheHomeLinkOnceInTheLearnersLanguage() {
        UUID learner = UUID.randomUUID();
        String address = TestEvents.uniqueEmail("signin");
        EventEnvelope<SignInRequested> requested = at(learner, Duration.ofMinutes(30), (sentAt, until) ->
                new SignInRequested(learner, new Learner(address, "Ada", "en"), "https://stride.example/home/token-" + learner, until));
        TestEvents.publishSubscriptionEvent(requested);
        TestEvents.publishSubscriptionEvent(requested);

        ReceivedEmail email = ReceivedEmail.awaitMessagesTo(address, 1).get(0);

        assertThat(email.subject()).isEqualTo("Your Stride links");
        assertThat(email.header("Message-ID")).isEqualTo("<" + requested.eventId() + "@stride.dev>");
        assertThat(email.alternativeOrder()).containsExactly("text/plain", "text/html");
        assertThat(email.text()).startsWith("Hi Ada,").contains("Here is the link to all your roadmaps on Stride.",
                "Open my roadmaps: https://stride.example/home/token-" + learner, "The link works for 30 min.");
        assertThat(email.html()).contains("href=\"https://stride.example/home/token-" + learner + "\"", ">Open my roadmaps<");
        ReceivedEmail.awaitNoMoreThan(address, 1);

        // Erasing the learner deletes these emails too: they are kept under the learner id, not a subscription's.
        assertThat(count("SELECT count(*) FROM email_delivery WHERE subscription_id = ?1", learner)).isOne();
        TestEvents.publishSubscriptionEvent(TestEvents.envelope(learner, new LearnerErased(learner, Addresses.hash(address), List.of(), Instant.now())));
        await().atMost(Duration.ofSeconds(30)).until(() -> count("SELECT count(*) FROM email_delivery WHERE subscription_id = ?1", learner) == 0);
    }

    @Test
    void aGermanLearnerGetsItInGerman() {
        UUID learner = UUID.randomUUID();
        String address = TestEvents.uniqueEmail("anmelden");
        TestEvents.publishSubscriptionEvent(at(learner, Duration.ofMinutes(30), (sentAt, until) ->
                new SignInRequested(learner, new Learner(address, "Ada", "de"), "https://stride.example/home/token-" + learner, until)));

        ReceivedEmail email = ReceivedEmail.awaitMessagesTo(address, 1).get(0);

        assertThat(email.subject()).isEqualTo("Deine Stride-Links");
        assertThat(email.text()).contains("Hallo Ada,", "Meine Roadmaps öffnen: https://stride.example/home/token-" + learner,
                "Der Link gilt 30 Min. lang.");
    }

    @Test
    void theVerifyEmailGoesToTheNewAddressOnlyAndNamesNoOne() {
        UUID learner = UUID.randomUUID();
        String old = TestEvents.uniqueEmail("old");
        String fresh = TestEvents.uniqueEmail("new");
        TestEvents.publishSubscriptionEvent(at(learner, Duration.ofHours(48), (sentAt, until) -> new AddressChangeRequested(learner,
                new Learner(old, "Mallory", "en"), fresh, "https://stride.example/verify-address/token-" + learner, until)));

        ReceivedEmail email = ReceivedEmail.awaitMessagesTo(fresh, 1).get(0);

        assertThat(email.subject()).isEqualTo("Confirm your new address for Stride");
        assertThat(email.text()).startsWith("Hi,").contains("send your study emails to " + fresh + " from now on",
                "Use this address: https://stride.example/verify-address/token-" + learner, "The button works for 48 h.")
                .doesNotContain("Mallory").doesNotContain(old);
        ReceivedEmail.awaitNoMoreThan(old, 0);
    }

    @Test
    void aSignInEmailWithALinkToAnotherHostIsNotSent() {
        UUID learner = UUID.randomUUID();
        String address = TestEvents.uniqueEmail("phish");
        TestEvents.publishSubscriptionEvent(at(learner, Duration.ofMinutes(30), (sentAt, until) ->
                new SignInRequested(learner, new Learner(address, "Ada", "en"), "https://stride.example.attacker.net/home/x", until)));
        ReceivedEmail.awaitNoMoreThan(address, 0);
    }

    private static long count(String sql, Object... parameters) {
        return Rows.count("notifier", sql, parameters);
    }

    private interface Payload<T extends DomainEvent> {
        T of(Instant sentAt, Instant validUntil);
    }

    /** An envelope sent now whose link works for {@code validFor} from then: the email words the difference. */
    private static <T extends DomainEvent> EventEnvelope<T> at(UUID learner, Duration validFor, Payload<T> payload) {
        Instant now = Instant.now().truncatedTo(ChronoUnit.SECONDS);
        T data = payload.of(now, now.plus(validFor));
        EventEnvelope<T> wrapped = TestEvents.envelope(learner, data);
        return new EventEnvelope<>(wrapped.eventId(), wrapped.type(), wrapped.schemaVersion(), now, wrapped.aggregateId(), data);
    }
}
