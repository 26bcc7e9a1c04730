package dev.stride.notifier.delivery;

import dev.stride.infra.mail.SmtpReplyRule;
import dev.stride.infra.mail.SmtpSink;
import dev.stride.infra.testing.StrideInfraResource;
import dev.stride.infra.testing.TestInfrastructure;
import dev.stride.notifier.TestEvents;
import io.quarkus.mailer.Mail;
import io.quarkus.mailer.reactive.ReactiveMailer;
import io.quarkus.test.common.TestResourceScope;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.vertx.ext.mail.SMTPException;
import jakarta.inject.Inject;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.regex.Pattern;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;

/**
 * What the Vert.x mail client behind the Quarkus mailer reports when the real SMTP server refuses or is gone,
 * and how {@link SmtpFailure} classifies it: the basis of retry-or-fail.
 */
@QuarkusTest
@WithTestResource(value = StrideInfraResource.class, scope = TestResourceScope.GLOBAL)
class SmtpFailureTest {

    @Inject
    ReactiveMailer mailer;

    /** Sends as the sender does: started on the mail client's event loop (from the test thread a send can hang, see MailEventLoop). */
    @Inject
    MailEventLoop mailEventLoop;

    @Test
    void a550RefusalArrivesAsSmtpExceptionAndIsPermanent() {
        Throwable failure = sendRefusedWith(550, "5.1.1 no such user");

        // The mail client's SMTPException carries the reply; a blocking await wraps it in a CompletionException.
        assertThat(failure).hasRootCauseInstanceOf(SMTPException.class);
        assertThat(((SMTPException) failure.getCause()).getReplyCode()).isEqualTo(550);
        SmtpFailure classified = SmtpFailure.of(failure);
        assertThat(classified.permanent()).isTrue();
        assertThat(classified.replyCode()).isEqualTo(550);
        assertThat(classified.reason()).contains("550").contains("no such user");
        // The client names the RCPT TO step this way: what tells a hard bounce of the address from other 5xx refusals.
        assertThat(classified.reason()).startsWith(HardBounces.RECIPIENT_REFUSED);
        assertThat(classified.hardBounce()).isTrue();
        assertThat(classified.connectionLevel()).as("the server answered").isFalse();
    }

    @Test
    void a550ForPolicyIsPermanentButNoHardBounce() {
        SmtpFailure classified = SmtpFailure.of(sendRefusedWith(550, "5.7.1 client host blocked"));

        assertThat(classified.permanent()).isTrue();
        assertThat(classified.hardBounce()).isFalse();
    }

    @Test
    void a451RefusalIsTransient() {
        Throwable failure = sendRefusedWith(451, "4.3.0 try again later");

        assertThat(failure).hasRootCauseInstanceOf(SMTPException.class);
        SmtpFailure classified = SmtpFailure.of(failure);
        assertThat(classified.permanent()).isFalse();
        assertThat(classified.replyCode()).isEqualTo(451);
        assertThat(classified.hardBounce()).isFalse();
        assertThat(classified.connectionLevel()).as("a refusal of one recipient says the server is up").isFalse();
    }

    @Test
    void aServerThatIsNotListeningIsTransient() {
        SmtpSink sink = TestInfrastructure.smtpSink().orElseThrow();
        sink.suspend();
        Throwable failure;
        try {
            failure = catchThrowable(() -> mailEventLoop.run(() -> mailer.send(Mail.withText(TestEvents.uniqueEmail("down"), "Week 1", "Hello")))
                    .await().atMost(Duration.ofSeconds(20)));
        } finally {
            sink.resume();
        }

        assertThat(failure).isNotNull();
        SmtpFailure classified = SmtpFailure.of(failure);
        assertThat(classified.permanent()).as(classified.reason()).isFalse();
        assertThat(classified.replyCode()).isNull();
        assertThat(classified.reason()).containsIgnoringCase("connect");
        assertThat(classified.connectionLevel()).isTrue();
    }

    private Throwable sendRefusedWith(int code, String text) {
        SmtpSink sink = TestInfrastructure.smtpSink().orElseThrow();
        String to = TestEvents.uniqueEmail("refused-" + code);
        sink.addRule(SmtpReplyRule.refuse(Pattern.quote(to), code, text));
        try {
            return catchThrowable(() -> mailEventLoop.run(() -> mailer.send(Mail.withText(to, "Week 1", "Hello"))).await().atMost(Duration.ofSeconds(20)));
        } finally {
            sink.clearRules();
        }
    }
}
