package dev.stride.contracts.link;

import java.util.function.UnaryOperator;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The one place that keeps link tokens out of logs: a token in a path, a URL or any text (an exception message, a
 * header) becomes {@code {token}}. A token grants what its link does to whoever reads it, so every log line that
 * carries a request path or a link goes through {@link #redact(String)}. Two rules: the path segment after a link
 * page ({@code /confirm/}, {@code /manage/}, {@code /actions/}, {@code /unsubscribe/}, {@code /calendar/}, {@code /home/},
 * {@code /verify-address/}, {@code /not-me/}, {@code /stop-all/}) whatever it
 * holds, and anything shaped like a signed token (v2 or unversioned) wherever it stands.
 */
public final class LinkRedaction {

    public static final String REDACTED = "{token}";

    private static final Pattern LINK_PATH = Pattern.compile("(/(?:confirm|manage|actions|unsubscribe|calendar|home|verify-address|not-me|stop-all)/)[^/?#\\s\"']+");
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

    /**
     * The same throwable for a log: its class, message and stack, and those of its causes and suppressed ones, with
     * every token redacted. The original when nothing in it needed redacting.
     */
    public static Throwable redact(Throwable thrown) {
        return redact(thrown, LinkRedaction::redact);
    }

    /**
     * The same throwable with {@code text} applied to its message and to those of its causes and suppressed ones (a log's
     * last guard applies more than the token rule); the original when {@code text} changes none of them.
     */
    public static Throwable redact(Throwable thrown, UnaryOperator<String> text) {
        if (thrown == null || !needsRedaction(thrown, text, 0)) {
            return thrown;
        }
        return copy(thrown, text, 0);
    }

    private static boolean needsRedaction(Throwable thrown, UnaryOperator<String> text, int depth) {
        if (thrown == null || depth > 16) {
            return false;
        }
        String message = String.valueOf(thrown.getMessage());
        if (!message.equals(text.apply(message)) || needsRedaction(thrown.getCause(), text, depth + 1)) {
            return true;
        }
        for (Throwable suppressed : thrown.getSuppressed()) {
            if (needsRedaction(suppressed, text, depth + 1)) {
                return true;
            }
        }
        return false;
    }

    private static Throwable copy(Throwable thrown, UnaryOperator<String> text, int depth) {
        // A copy made earlier (a problem mapper redacts before it logs) already starts with its original's class name.
        String message = thrown instanceof Redacted ? text.apply(thrown.getMessage())
                : thrown.getClass().getName() + ": " + text.apply(thrown.getMessage());
        Redacted copy = new Redacted(message, thrown.getCause() == null || depth > 16 ? null : copy(thrown.getCause(), text, depth + 1));
        copy.setStackTrace(thrown.getStackTrace());
        if (depth <= 16) {
            for (Throwable suppressed : thrown.getSuppressed()) {
                copy.addSuppressed(copy(suppressed, text, depth + 1));
            }
        }
        return copy;
    }

    /** Stands in for a throwable whose message held a token or an address; its message starts with the original's class name. */
    static final class Redacted extends RuntimeException {
        Redacted(String message, Throwable cause) {
            super(message, cause);
        }

        @Override
        public String toString() {
            return getMessage();
        }
    }
}
