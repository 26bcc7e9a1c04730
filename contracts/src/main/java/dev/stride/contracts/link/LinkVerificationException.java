package dev.stride.contracts.link;

/** A link that does not grant what it is used for: forged, expired, for another purpose or subscription. */
public class LinkVerificationException extends RuntimeException {

    public enum Reason {
        /** Not a token we signed, or altered since: 403. */
        INVALID,
        /** Signed by us but past its expiry: 410. */
        EXPIRED,
        /** Signed by us for another purpose: 403. */
        WRONG_PURPOSE,
        /** Signed by us for another subscription: 403. */
        OTHER_SUBSCRIPTION
    }

    private final Reason reason;

    public LinkVerificationException(Reason reason, String message) {
        super(message);
        this.reason = reason;
    }

    public Reason reason() {
        return reason;
    }
}
