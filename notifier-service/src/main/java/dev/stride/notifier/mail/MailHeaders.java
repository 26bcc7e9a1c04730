package dev.stride.notifier.mail;

import java.net.URI;
import java.util.Locale;
import java.util.UUID;
import java.util.regex.Pattern;

/**
 * Values that end up in a header line. Whatever a learner or an upstream service typed, a header value never
 * carries CR, LF or another control character, so it cannot end its line and start a header of its own.
 */
public final class MailHeaders {

    private static final Pattern CONTROL = Pattern.compile("[\\p{Cntrl}\\u0085\\u2028\\u2029]+");
    private static final Pattern SPACES = Pattern.compile("\\s{2,}");
    // Deliberately simple: one @, no spaces, quotes, angle brackets, commas or control characters.
    private static final Pattern ADDRESS = Pattern.compile("[^\\s@<>\",;:()\\[\\]\\\\]+@[^\\s@<>\",;:()\\[\\]\\\\]+\\.[^\\s@<>\",;:()\\[\\]\\\\]+");

    private MailHeaders() {
    }

    /** Free text for a header (Subject, display names): control characters become spaces. */
    public static String text(String value) {
        if (value == null) {
            return "";
        }
        return SPACES.matcher(CONTROL.matcher(value).replaceAll(" ")).replaceAll(" ").trim();
    }

    /** A recipient address, lower-cased; anything that is not plainly one address is refused, never repaired. */
    public static String address(String value) {
        if (value == null || CONTROL.matcher(value).find() || !ADDRESS.matcher(value.trim()).matches()) {
            throw new InvalidRecipientException("not a deliverable email address: " + text(value));
        }
        return value.trim().toLowerCase(Locale.ROOT);
    }

    /** An http(s) URL fit for a link or a header, or null. */
    public static String url(String value) {
        if (value == null || value.isBlank() || CONTROL.matcher(value).find()) {
            return null;
        }
        try {
            URI uri = new URI(value.trim());
            String scheme = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase(Locale.ROOT);
            if (!(scheme.equals("https") || scheme.equals("http")) || uri.getHost() == null) {
                return null;
            }
            return uri.toASCIIString();
        } catch (java.net.URISyntaxException e) {
            return null;
        }
    }

    /** The stable Message-ID of an email: the same id gives the same Message-ID on every attempt. */
    public static String messageId(UUID emailId, String domain) {
        return "<" + emailId + "@" + text(domain).replaceAll("[^A-Za-z0-9.-]", "") + ">";
    }
}
