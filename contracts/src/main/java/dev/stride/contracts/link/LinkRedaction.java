package dev.stride.contracts.link;

import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The one place that keeps link tokens out of logs: a token in a path, a URL or any text (an exception message, a
 * header) becomes {@code {token}}. A token grants what its link does to whoever reads it, so every log line that
 * carries a request path or a link goes through {@link #redact(String)}. Two rules: the path segment after a link
 * page ({@code /confirm/}, {@code /manage/}, {@code /actions/}, {@code /unsubscribe/}, {@code /calendar/}) whatever it
 * holds, and anything shaped like a signed token (v2 or unversioned) wherever it stands.
 */
public final class LinkRedaction {

    public static final String REDACTED = "{token}";

    private static final Pattern LINK_PATH = Pattern.compile("(/(?:confirm|manage|actions|unsubscribe|calendar)/)[^/?#\\s\"']+");
    private static final Pattern V2_TOKEN = Pattern.compile("v2\\.[A-Za-z0-9_-]{1,32}\\.[A-Za-z0-9_-]+\\.[A-Za-z0-9_-]+");
    private static final Pattern V1_TOKEN = Pattern.compile("[A-Za-z0-9_-]{40,}\\.[A-Za-z0-9_-]{40,}");

    private LinkRedaction() {
    }

    public static String redact(String text) {
        if (text == null || text.isEmpty()) {
            return text;
        }
        String redacted = LINK_PATH.matcher(text).replaceAll("$1" + Matcher.quoteReplacement(REDACTED));
        redacted = V2_TOKEN.matcher(redacted).replaceAll(Matcher.quoteReplacement(REDACTED));
        return V1_TOKEN.matcher(redacted).replaceAll(Matcher.quoteReplacement(REDACTED));
    }
}
