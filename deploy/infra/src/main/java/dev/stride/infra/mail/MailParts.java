package dev.stride.infra.mail;

import jakarta.mail.BodyPart;
import jakarta.mail.MessagingException;
import jakarta.mail.Multipart;
import jakarta.mail.Part;

import java.io.IOException;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.List;

/**
 * The readable pieces of a MIME message: its first text and HTML bodies, its attachments, and the order of
 * the parts of its multipart/alternative (mail clients show the last one they can).
 */
public record MailParts(String text, String html, List<String> alternativeOrder, List<Attachment> attachments) {

    public record Attachment(String filename, String contentType, byte[] content) {
    }

    public static MailParts of(Part message) {
        Collector collector = new Collector();
        try {
            collector.walk(message);
        } catch (MessagingException | IOException e) {
            throw new IllegalStateException("unreadable MIME structure: " + e.getMessage(), e);
        }
        return new MailParts(collector.text, collector.html, List.copyOf(collector.alternativeOrder), List.copyOf(collector.attachments));
    }

    private static final class Collector {
        String text;
        String html;
        final List<Attachment> attachments = new ArrayList<>();
        final List<String> alternativeOrder = new ArrayList<>();

        void walk(Part part) throws MessagingException, IOException {
            if (part.isMimeType("multipart/*")) {
                Multipart multipart = (Multipart) part.getContent();
                boolean alternative = part.isMimeType("multipart/alternative");
                for (int i = 0; i < multipart.getCount(); i++) {
                    BodyPart child = multipart.getBodyPart(i);
                    if (alternative) {
                        alternativeOrder.add(child.getContentType().split(";")[0].trim().toLowerCase(java.util.Locale.ROOT));
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
