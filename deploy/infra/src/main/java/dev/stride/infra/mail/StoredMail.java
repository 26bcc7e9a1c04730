package dev.stride.infra.mail;

import jakarta.mail.Session;
import jakarta.mail.internet.MimeMessage;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.List;
import java.util.Properties;

/**
 * One message as the SMTP server received it: the envelope (MAIL FROM, RCPT TO) and the raw MIME
 * source, byte for byte.
 */
public record StoredMail(long id, Instant receivedAt, String envelopeFrom, List<String> envelopeTo, byte[] raw) {

    private static final Session SESSION = Session.getInstance(new Properties());

    public StoredMail {
        envelopeTo = List.copyOf(envelopeTo);
    }

    /** The message parsed with Jakarta Mail, for reading headers and parts. */
    public MimeMessage parse() {
        try {
            return new MimeMessage(SESSION, new ByteArrayInputStream(raw));
        } catch (Exception e) {
            throw new IllegalStateException("message " + id + " is not readable MIME: " + e.getMessage(), e);
        }
    }

    public String rawText() {
        return new String(raw, StandardCharsets.UTF_8);
    }

    /** The decoded Subject header, or an empty string. */
    public String subject() {
        try {
            String subject = parse().getSubject();
            return subject == null ? "" : subject;
        } catch (Exception e) {
            return "";
        }
    }

    public boolean isFor(String address) {
        return envelopeTo.stream().anyMatch(to -> to.equalsIgnoreCase(address));
    }
}
