package dev.stride.infra.mail;

import java.util.regex.Pattern;

/**
 * Makes the SMTP server refuse recipients that match a pattern with a given reply, so tests can meet
 * a transient (4xx) or permanent (5xx) failure from a real server.
 */
public record SmtpReplyRule(Pattern recipient, int code, String text) {

    public SmtpReplyRule {
        if (code < 400 || code > 599) {
            throw new IllegalArgumentException("a refusal needs a 4xx or 5xx code, not " + code);
        }
    }

    public static SmtpReplyRule refuse(String recipientRegex, int code, String text) {
        return new SmtpReplyRule(Pattern.compile(recipientRegex, Pattern.CASE_INSENSITIVE), code, text);
    }

    boolean matches(String address) {
        return recipient.matcher(address).matches();
    }
}
