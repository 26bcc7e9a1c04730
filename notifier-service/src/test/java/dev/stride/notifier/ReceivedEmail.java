package dev.stride.notifier;

import dev.stride.infra.mail.MailParts;
import dev.stride.infra.mail.StoredMail;
import dev.stride.infra.testing.TestInfrastructure;
import jakarta.mail.Header;
import jakarta.mail.internet.MimeMessage;
import org.eclipse.microprofile.config.Config;
import org.eclipse.microprofile.config.ConfigProvider;

import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

import static org.awaitility.Awaitility.await;

/** One message as the real SMTP server received it, parsed with Jakarta Mail the way a mail client reads it. */
public record ReceivedEmail(StoredMail stored, MimeMessage message, String subject, String text, String html,
                            List<String> alternativeOrder, List<Attachment> attachments) {

    public record Attachment(String filename, String contentType, byte[] content) {
    }

    /** Waits for the first message to {@code address} and returns every message to it so far. */
    public static List<ReceivedEmail> awaitMessagesTo(String address, int atLeast) {
        await().atMost(Duration.ofSeconds(30)).until(() -> TestInfrastructure.get().inbox().messagesTo(address).size() >= atLeast);
        return messagesTo(address);
    }

    /**
     * How long "no second email" must be watched before it means anything. A second copy comes from a row claimed
     * again, which happens only once its lease has run out and the sender has polled: lease + poll interval, plus a
     * margin for the send itself. A shorter wait passes even when the duplicate it is about is on its way.
     */
    public static Duration repeatWindow() {
        Config config = ConfigProvider.getConfig();
        return config.getValue("stride.delivery.lease", Duration.class)
                .plus(config.getValue("stride.delivery.poll-interval", Duration.class))
                .plusSeconds(2);
    }

    /** Asserts that exactly {@code count} messages reach {@code address} and no more arrive within {@link #repeatWindow()}. */
    public static void awaitNoMoreThan(String address, int count) {
        Duration window = repeatWindow();
        await().during(window).atMost(window.plusSeconds(30)).until(() -> messagesTo(address).size() == count);
    }

    public static List<ReceivedEmail> messagesTo(String address) {
        return TestInfrastructure.get().inbox().messagesTo(address).stream().map(ReceivedEmail::of).toList();
    }

    public static ReceivedEmail of(StoredMail stored) {
        try {
            MimeMessage message = stored.parse();
            MailParts parts = MailParts.of(message);
            return new ReceivedEmail(stored, message, message.getSubject(), parts.text(), parts.html(), parts.alternativeOrder(),
                    parts.attachments().stream().map(a -> new Attachment(a.filename(), a.contentType(), a.content())).toList());
        } catch (Exception e) {
            throw new IllegalStateException("unreadable message: " + e.getMessage(), e);
        }
    }

    public String header(String name) {
        try {
            String[] values = message.getHeader(name);
            return values == null ? null : values[0];
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    public List<String> headerNames() {
        try {
            List<String> names = new ArrayList<>();
            for (Header header : Collections.list(message.getAllHeaders())) {
                names.add(header.getName());
            }
            return names;
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    public Attachment attachment(String filename) {
        return attachments.stream().filter(attachment -> filename.equals(attachment.filename())).findFirst()
                .orElseThrow(() -> new AssertionError("no attachment " + filename + " in " + attachments));
    }
}
