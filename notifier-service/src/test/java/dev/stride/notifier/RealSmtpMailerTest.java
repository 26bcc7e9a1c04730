package dev.stride.notifier;

import dev.stride.infra.mail.StoredMail;
import dev.stride.infra.testing.StrideInfraResource;
import dev.stride.infra.testing.TestInfrastructure;
import dev.stride.notifier.delivery.MailEventLoop;
import io.quarkus.mailer.Mail;
import io.quarkus.mailer.reactive.ReactiveMailer;
import io.quarkus.test.common.TestResourceScope;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.List;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/** Quarkus Mailer talks to the real SMTP server: the message is read back from the server's inbox API. */
@QuarkusTest
@WithTestResource(value = StrideInfraResource.class, scope = TestResourceScope.GLOBAL)
class RealSmtpMailerTest {

    @Inject
    ReactiveMailer mailer;

    @Inject
    MailEventLoop mailEventLoop;

    @Test
    void aMailSentWithQuarkusMailerArrivesAtTheRealSmtpServer() {
        String to = "learner-" + UUID.randomUUID() + "@example.org";

        // The reactive mailer started on its event loop, as the sender uses it (see MailEventLoop).
        mailEventLoop.run(() -> mailer.send(Mail.withText(to, "Week 1: Python basics", "Two sessions: Tuesday 18:00 and Saturday 09:30.")))
                .await().atMost(Duration.ofSeconds(15));

        await().atMost(Duration.ofSeconds(15)).until(() -> !TestInfrastructure.get().inbox().messagesTo(to).isEmpty());
        List<StoredMail> received = TestInfrastructure.get().inbox().messagesTo(to);
        assertThat(received).hasSize(1);
        StoredMail mail = received.get(0);
        assertThat(mail.subject()).isEqualTo("Week 1: Python basics");
        assertThat(mail.envelopeFrom()).isEqualTo("nudges@stride.localhost");
        assertThat(mail.rawText()).contains("Two sessions: Tuesday 18:00 and Saturday 09:30.");
    }
}
