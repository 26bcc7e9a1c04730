package dev.stride.infra.mail;

import jakarta.mail.BodyPart;
import jakarta.mail.MessagingException;
import jakarta.mail.Multipart;
import jakarta.mail.Part;

import java.io.IOException;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.List;

/** The readable pieces of a MIME message: its first text and HTML bodies and its attachments. */
record MailParts(String text, String html, List<Attachment> attachments) {

    record Attachment(String filename, String contentType, byte[] content) {
    }

    static MailParts of(Part message) {
        Collector collector = new Collector();
        try {
            collector.walk(message);
        } catch (MessagingException | IOException e) {
            throw new IllegalStateException("unreadable MIME structure: " + e.getMessage(), e);
        }
        return new MailParts(collector.text, collector.html, List.copyOf(collector.attachments));
    }

    private static final class Collector {
        String text;
        String html;
        final List<Attachment> attachments = new ArrayList<>();

        void walk(Part part) throws MessagingException, IOException {
            if (part.isMimeType("multipart/*")) {
                Multipart multipart = (Multipart) part.getContent();
                for (int i = 0; i < multipart.getCount(); i++) {
                    BodyPart child = multipart.getBodyPart(i);
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
