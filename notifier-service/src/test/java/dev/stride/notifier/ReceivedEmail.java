package dev.stride.notifier;

import dev.stride.infra.mail.StoredMail;
import dev.stride.infra.testing.TestInfrastructure;
import jakarta.mail.BodyPart;
import jakarta.mail.Header;
import jakarta.mail.Multipart;
import jakarta.mail.Part;
import jakarta.mail.internet.MimeMessage;

import java.io.InputStream;
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

    public static List<ReceivedEmail> messagesTo(String address) {
        return TestInfrastructure.get().inbox().messagesTo(address).stream().map(ReceivedEmail::of).toList();
    }

    public static ReceivedEmail of(StoredMail stored) {
        try {
            MimeMessage message = stored.parse();
            Collector collector = new Collector();
            collector.walk(message);
            return new ReceivedEmail(stored, message, message.getSubject(), collector.text, collector.html,
                    List.copyOf(collector.alternativeOrder), List.copyOf(collector.attachments));
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

    private static final class Collector {
        String text;
        String html;
        final List<String> alternativeOrder = new ArrayList<>();
        final List<Attachment> attachments = new ArrayList<>();

        void walk(Part part) throws Exception {
            if (part.isMimeType("multipart/*")) {
                Multipart multipart = (Multipart) part.getContent();
                boolean alternative = part.isMimeType("multipart/alternative");
                for (int i = 0; i < multipart.getCount(); i++) {
                    BodyPart child = multipart.getBodyPart(i);
                    if (alternative) {
                        alternativeOrder.add(child.getContentType().split(";")[0].trim().toLowerCase());
                    }
                    walk(child);
                }
                return;
            }
            boolean attached = Part.ATTACHMENT.equalsIgnoreCase(part.getDisposition()) || part.getFileName() != null;
            if (!attached && part.isMimeType("text/plain") && text == null) {
                text = part.getContent().toString();
            } else if (!attached && part.isMimeType("text/html") && html == null) {
                html = part.getContent().toString();
            } else {
                try (InputStream in = part.getInputStream()) {
                    attachments.add(new Attachment(part.getFileName(), part.getContentType(), in.readAllBytes()));
                }
            }
        }
    }
}
