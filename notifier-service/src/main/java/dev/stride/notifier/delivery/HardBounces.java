package dev.stride.notifier.delivery;

import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * What counts as a hard bounce, and how it is told. A hard bounce is the mail server refusing the <em>recipient</em>
 * with a 5xx reply (RFC 5321: do not repeat as is) for a reason that is the address's own: unknown user, unknown
 * domain, disabled mailbox. A 5xx for anything else is a permanent failure of that one email but says nothing about
 * the address: a refused sender or message, a policy or block aimed at us (enhanced status 5.7.x), a full mailbox
 * (5.2.2, which RFC 3463 allows to be temporary).
 * <p>
 * Every DeliveryFailed reason about a hard bounce starts with {@value #PREFIX}: roadmap-service tells the learner from it.
 */
public final class HardBounces {

    /** The start of every DeliveryFailed reason about a hard-bounced address. */
    public static final String PREFIX = "hard-bounce: ";

    /** How the Vert.x mail client (behind the Quarkus mailer) starts the message of a refused RCPT TO; SmtpFailureTest pins it. */
    static final String RECIPIENT_REFUSED = "recipient address not accepted";

    /** An RFC 3463 enhanced status code of class 5: 5.subject.detail. */
    private static final Pattern ENHANCED_STATUS = Pattern.compile("(?<![\\d.])5\\.(\\d{1,3})\\.(\\d{1,3})(?![\\d.])");

    private HardBounces() {
    }

    /** Whether the mail client's report of a {@code replyCode} refusal is a hard bounce of the recipient. */
    static boolean isHardBounce(int replyCode, String clientMessage) {
        if (replyCode < 500 || replyCode > 599 || clientMessage == null || !clientMessage.startsWith(RECIPIENT_REFUSED)) {
            return false;
        }
        Matcher status = ENHANCED_STATUS.matcher(clientMessage);
        if (!status.find()) {
            return true; // a plain 550/551/553 for RCPT TO: the mailbox is unavailable or its name not allowed
        }
        int subject = Integer.parseInt(status.group(1));
        int detail = Integer.parseInt(status.group(2));
        // 5.1.x: the address (no such user, no such domain); 5.2.x: the mailbox (disabled), except 5.2.2 mailbox full.
        return subject == 1 || (subject == 2 && detail != 2);
    }

    /** The reason of the bounced email's own DeliveryFailed event. */
    static String bouncedReason(String smtpReply) {
        return PREFIX + "the mail server refused the address permanently (" + smtpReply + "); no further emails are sent to it";
    }

    /** The reason of a later email's DeliveryFailed event, settled without being sent because its address hard-bounced. */
    static String laterEmailReason(AddressSuppression bounce) {
        return PREFIX + "not sent; the mail server refused the address permanently at " + bounce.suppressedAt
                + " (" + bounce.smtpReply + ")";
    }
}
