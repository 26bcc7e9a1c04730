package dev.stride.notifier.delivery;

import io.vertx.ext.mail.SMTPException;

/**
 * Why a send failed and whether trying again can help. The Vert.x mail client reports a server's refusal as
 * {@link SMTPException} with the reply code (5xx permanent, 4xx transient); anything that never got a reply
 * (refused or reset connection, timeout, unknown host) is transient. {@code hardBounce}: the server refused the
 * recipient's address for good ({@link HardBounces}), so nothing is sent to that address again.
 */
public record SmtpFailure(boolean permanent, Integer replyCode, String reason, boolean hardBounce) {

    /** 421: the server is closing the channel, "service not available" (RFC 5321 4.2.3): about the server, not the recipient. */
    private static final int SERVICE_NOT_AVAILABLE = 421;

    public static SmtpFailure permanent(String reason) {
        return new SmtpFailure(true, null, reason, false);
    }

    /**
     * The mail server gave no verdict on this email: the connection was refused, reset or timed out, or the server said
     * it is not available (421). Such failures open the {@link SmtpCircuit}; a refusal of one recipient does not.
     */
    public boolean connectionLevel() {
        return !permanent && (replyCode == null || replyCode == SERVICE_NOT_AVAILABLE);
    }

    public static SmtpFailure of(Throwable failure) {
        SMTPException smtp = find(failure, SMTPException.class);
        if (smtp != null) {
            int code = smtp.getReplyCode();
            // The client's message names the step and carries the server's reply, e.g. "recipient address not accepted: 550 5.1.1 ...".
            String reason = smtp.getMessage();
            // Some servers send 5xx for a policy they lift later, but RFC 5321 says 5xx means "do not repeat as is".
            boolean permanent = code >= 500 && code < 600;
            return new SmtpFailure(permanent, code, reason, HardBounces.isHardBounce(code, reason));
        }
        IllegalArgumentException badAddress = find(failure, IllegalArgumentException.class);
        if (badAddress != null) {
            return new SmtpFailure(true, null, "invalid message or address: " + badAddress.getMessage(), false);
        }
        Throwable root = rootOf(failure);
        String reason = root.getClass().getSimpleName() + (root.getMessage() == null ? "" : ": " + root.getMessage());
        // Connection refused or reset, timeouts, unknown host: no server verdict, so it may well work later.
        return new SmtpFailure(false, null, reason, false);
    }

    private static <T extends Throwable> T find(Throwable failure, Class<T> type) {
        for (Throwable cause = failure; cause != null; cause = cause.getCause()) {
            if (type.isInstance(cause)) {
                return type.cast(cause);
            }
            if (cause.getCause() == cause) {
                break;
            }
        }
        return null;
    }

    private static Throwable rootOf(Throwable failure) {
        Throwable root = failure;
        while (root.getCause() != null && root.getCause() != root) {
            root = root.getCause();
        }
        return root;
    }
}
