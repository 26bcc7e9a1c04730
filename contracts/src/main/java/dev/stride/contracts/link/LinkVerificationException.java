package dev.stride.contracts.link;

/** A link that does not grant what it is used for: forged, expired, for another purpose or subscription, or signed with a retired key. */
public class LinkVerificationException extends RuntimeException {

    public enum Reason {
        /** Not a token we signed, or altered since: 403. */
        INVALID,
        /** Signed by us but past its expiry: 410. */
        EXPIRED,
        /** Signed by us for another purpose: 403. */
        WRONG_PURPOSE,
        /** Signed by us for another subscription: 403. */
        OTHER_SUBSCRIPTION,
        /** Signed with a key id we no longer (or never) had: a retired key after a rotation: 403. */
        UNKNOWN_KEY
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
