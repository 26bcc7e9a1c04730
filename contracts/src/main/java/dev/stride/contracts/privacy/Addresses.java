package dev.stride.contracts.privacy;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.Locale;
import java.util.regex.Pattern;

/**
 * How Stride names an email address where the address itself must not appear: suppression lists, erasure events and
 * log lines. The hash is SHA-256 of the address stripped and lower-cased, in hex, so every service computes the same
 * one; a log line carries only its first 12 characters.
 */
public final class Addresses {

    private static final int LOG_ID_LENGTH = 12;

    /** Anything shaped like an address inside free text, such as a mail server's reply. */
    private static final Pattern IN_TEXT = Pattern.compile("[A-Za-z0-9._%+'-]+@[A-Za-z0-9-]+(?:\\.[A-Za-z0-9-]+)+");

    private Addresses() {
    }

    /** The address's stable pseudonym: 64 hex characters. */
    public static String hash(String address) {
        if (address == null) {
            throw new IllegalArgumentException("address must not be null");
        }
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256")
                    .digest(address.strip().toLowerCase(Locale.ROOT).getBytes(StandardCharsets.UTF_8));
            return HexFormat.of().formatHex(digest);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is unavailable in this JVM", e);
        }
    }

    /** What a log line says instead of the address: {@code addr:} and the hash's first 12 characters. */
    public static String logId(String address) {
        return address == null ? "addr:none" : "addr:" + hash(address).substring(0, LOG_ID_LENGTH);
    }

    /** Text for a log line with every address in it replaced by its {@link #logId}: an SMTP reply often quotes the recipient. */
    public static String redact(String text) {
        return text == null ? null : IN_TEXT.matcher(text).replaceAll(match -> logId(match.group()));
    }
}
