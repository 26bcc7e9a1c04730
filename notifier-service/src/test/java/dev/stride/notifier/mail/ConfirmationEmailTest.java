package dev.stride.notifier.mail;

import dev.stride.contracts.event.EventEnvelope;
import dev.stride.contracts.event.Paused;
import dev.stride.contracts.event.SubscriptionRequested;
import dev.stride.infra.testing.StrideInfraResource;
import dev.stride.notifier.ReceivedEmail;
import dev.stride.notifier.TestEvents;
import io.quarkus.test.common.TestResourceScope;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import org.junit.jupiter.api.Test;

import java.time.LocalDate;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

/** SubscriptionRequested becomes the double opt-in email: the confirm button and what will arrive when, in the learner's zone. */
@QuarkusTest
@WithTestResource(value = StrideInfraResource.class, scope = TestResourceScope.GLOBAL)
class ConfirmationEmailTest {

    @Test
    void theConfirmationSaysWhatComesWhenInTheLearnersZone() {
        UUID subscription = UUID.randomUUID();
        String address = TestEvents.uniqueEmail("confirm");
        EventEnvelope<SubscriptionRequested> requested = TestEvents.envelope(subscription,
                TestEvents.subscriptionRequested(subscription, address, "en", "America/New_York"));
        TestEvents.publishSubscriptionEvent(requested);
        TestEvents.publishSubscriptionEvent(requested);
        // Other subscription events send nothing.
        TestEvents.publishSubscriptionEvent(TestEvents.envelope(subscription, new Paused(subscription, LocalDate.of(2027, 3, 9))));

        ReceivedEmail email = ReceivedEmail.awaitMessagesTo(address, 1).get(0);

        assertThat(email.subject()).isEqualTo("Confirm your weekly study emails for “AI/ML engineer in 12 months”");
        assertThat(email.header("Message-ID")).isEqualTo("<" + requested.eventId() + "@stride.dev>");
        assertThat(email.header("List-Unsubscribe")).as("nothing to unsubscribe from yet").isNull();
        assertThat(email.alternativeOrder()).containsExactly("text/plain", "text/html");
        assertThat(email.text()).contains(
                "Please confirm that you want weekly study emails for “AI/ML engineer in 12 months”.",
                "Confirm my subscription: https://stride.example/confirm/token-" + subscription,
                "Every Monday at 7:30 AM (America/New_York) one email with that week's study sessions",
                "* Tuesday at 6:00 PM, 1 h 30 min",
                "* Saturday at 9:30 AM, 2 h",
                "Your plan starts on March 8, 2027.",
                "The button works until March 10, 2027, 7:00 AM EST.",
                "Not you? Someone may have typed your address. This wasn't me — never email me again: https://stride.example/not-me/token-" + subscription);
        assertThat(email.text()).as("no name anyone could have typed").startsWith("Hi,").doesNotContain("Ada");
        assertThat(email.html()).contains("href=\"https://stride.example/not-me/token-" + subscription + "\"");
        assertThat(email.html()).contains("<html lang=\"en\">");
        assertThat(email.headerNames()).noneMatch(name -> name.equalsIgnoreCase("Cc") || name.equalsIgnoreCase("Bcc"));
        assertThat(email.html()).contains("href=\"https://stride.example/confirm/token-" + subscription + "\"", ">Confirm my subscription<",
                "Every Monday at 7:30 AM (America/New_York)");
        ReceivedEmail.awaitNoMoreThan(address, 1);
    }

    @Test
    void anAddressThatAlreadyFollowsIsToldSoWithItsManageLinkAndNothingToConfirm() {
        UUID subscription = UUID.randomUUID();
        String address = TestEvents.uniqueEmail("already");
        SubscriptionRequested pending = TestEvents.subscriptionRequested(subscription, address, "en", "Europe/London");
        TestEvents.publishSubscriptionEvent(TestEvents.envelope(subscription, new SubscriptionRequested(pending.subscriptionId(), pending.learner(),
                pending.roadmapId(), pending.roadmapTitle(), pending.plan(), pending.startDate(), null, null, pending.manageUrl(), pending.notMeUrl())));

        ReceivedEmail email = ReceivedEmail.awaitMessagesTo(address, 1).get(0);

        assertThat(email.subject()).isEqualTo("You already follow “AI/ML engineer in 12 months”");
        assertThat(email.text()).contains("It already follows that roadmap, so nothing changed.",
                "Manage your plan: https://stride.example/manage/token-" + subscription,
                "This wasn't me — never email me again: https://stride.example/not-me/token-" + subscription)
                .doesNotContain("Confirm my subscription").doesNotContain("Ada");
    }

    @Test
    void aGermanConfirmationUsesGermanWordsAndTimes() {
        UUID subscription = UUID.randomUUID();
        String address = TestEvents.uniqueEmail("bestaetigen");
        TestEvents.publishSubscriptionEvent(TestEvents.envelope(subscription,
                TestEvents.subscriptionRequested(subscription, address, "de", "Europe/Berlin")));

        ReceivedEmail email = ReceivedEmail.awaitMessagesTo(address, 1).get(0);

        assertThat(email.subject()).isEqualTo("Bestätige deine wöchentlichen Lern-E-Mails für „AI/ML engineer in 12 months“");
        assertThat(email.text()).contains("Hallo,", "Anmeldung bestätigen: https://stride.example/confirm/token-" + subscription,
                "Jeden Montag um 07:30 Uhr (Europe/Berlin)", "* Dienstag um 18:00 Uhr, 1 Std. 30 Min.",
                "Dein Plan beginnt am 8. März 2027.", "Der Button gilt bis 10. März 2027, 13:00 Uhr MEZ.");
    }
}
