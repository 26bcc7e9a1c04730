package dev.stride.contracts.link;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.Optional;
import java.util.UUID;

/**
 * Signs and verifies the links in Stride's emails with HMAC-SHA256 (the JDK's JCA). A token is
 * {@code v2.<key id>.<payload>.<mac>}: the payload {@code <subscription>.<purpose>.<expiry epoch s>[.<subject>]}
 * and the MAC over everything before it, both base64url, so the key id cannot be swapped. Tokens signed before key
 * ids existed ({@code <payload>.<mac>}, the payload starting {@code v1.}) verify with {@link LinkKeys}'s v1 key until
 * they expire. roadmap-service and reminder-service share the keys, so either can mint a link the other accepts.
 * Nothing secret is in the payload; it is only tamper-proof.
 */
public final class LinkSigner {

    private static final String V1 = "v1";
    private static final String V2_PREFIX = "v2.";
    private static final Base64.Encoder ENCODER = Base64.getUrlEncoder().withoutPadding();
    private static final Base64.Decoder DECODER = Base64.getUrlDecoder();

    private final LinkKeys keys;
    private final Clock clock;

    public LinkSigner(LinkKeys keys, Clock clock) {
        this.keys = keys;
        this.clock = clock;
    }

    /** A single key under id {@code k1}, which also verifies unversioned tokens. */
    public static LinkSigner fromText(String secret, Clock clock) {
        return new LinkSigner(LinkKeys.single("k1", secret), clock);
    }

    public String sign(UUID subscriptionId, LinkPurpose purpose, Duration validFor) {
        return sign(new LinkToken(subscriptionId, purpose, clock.instant().plus(validFor), Optional.empty()));
    }

    public String sign(LinkToken token) {
        String claims = token.subscriptionId() + "." + token.purpose() + "." + token.expiresAt().getEpochSecond()
                + token.subject().map(subject -> "." + subject).orElse("");
        String signed = V2_PREFIX + keys.currentId() + "." + ENCODER.encodeToString(claims.getBytes(StandardCharsets.UTF_8));
        return signed + "." + ENCODER.encodeToString(mac(keys.current(), signed.getBytes(StandardCharsets.UTF_8)));
    }

    /** The token's claims, if we signed it with a key still in use and it has not expired; otherwise an exception saying which. */
    public LinkToken verify(String token) {
        LinkToken claims = token != null && token.startsWith(V2_PREFIX) ? verifyV2(token) : verifyV1(token);
        if (!clock.instant().isBefore(claims.expiresAt())) {
            throw new LinkVerificationException(LinkVerificationException.Reason.EXPIRED, "This link expired at " + claims.expiresAt() + ".");
        }
        return claims;
    }

    /** Verifies and also requires the purpose and, when given, the subscription the link is used for. */
    public LinkToken verify(String token, LinkPurpose purpose, UUID subscriptionId) {
        LinkToken claims = verify(token);
        if (claims.purpose() != purpose) {
            throw new LinkVerificationException(LinkVerificationException.Reason.WRONG_PURPOSE,
                    "This link is for " + claims.purpose() + ", not " + purpose + ".");
        }
        if (subscriptionId != null && !claims.subscriptionId().equals(subscriptionId)) {
            throw new LinkVerificationException(LinkVerificationException.Reason.OTHER_SUBSCRIPTION, "This link belongs to another subscription.");
        }
        return claims;
    }

    private LinkToken verifyV2(String token) {
        String[] parts = token.split("\\.", -1);
        if (parts.length != 4) {
            throw invalid();
        }
        SecretKeySpec key = keys.verifying(parts[1]).orElseThrow(LinkSigner::retired);
        String signed = token.substring(0, token.lastIndexOf('.'));
        String claims = new String(checked(key, signed.getBytes(StandardCharsets.UTF_8), parts[2], parts[3]), StandardCharsets.UTF_8);
        return parse(claims.split("\\.", -1), 0);
    }

    private LinkToken verifyV1(String token) {
        int dot = token == null ? -1 : token.indexOf('.');
        if (dot <= 0 || dot != token.lastIndexOf('.')) {
            throw invalid();
        }
        SecretKeySpec key = keys.v1().orElseThrow(LinkSigner::retired);
        byte[] payload = decode(token.substring(0, dot));
        String[] parts = new String(checked(key, payload, token.substring(0, dot), token.substring(dot + 1)), StandardCharsets.UTF_8).split("\\.", -1);
        if (!parts[0].equals(V1)) {
            throw invalid();
        }
        return parse(parts, 1);
    }

    /** The decoded payload, if {@code mac} is the MAC of {@code signed} under {@code key}. */
    private static byte[] checked(SecretKeySpec key, byte[] signed, String payload, String mac) {
        byte[] claims = decode(payload);
        if (!MessageDigest.isEqual(mac(key, signed), decode(mac))) {
            throw invalid();
        }
        return claims;
    }

    private static LinkToken parse(String[] parts, int from) {
        int count = parts.length - from;
        if (count != 3 && count != 4) {
            throw invalid();
        }
        try {
            return new LinkToken(UUID.fromString(parts[from]), LinkPurpose.valueOf(parts[from + 1]), Instant.ofEpochSecond(Long.parseLong(parts[from + 2])),
                    count == 4 ? Optional.of(parts[from + 3]) : Optional.empty());
        } catch (IllegalArgumentException e) {
            throw invalid();
        }
    }

    private static byte[] decode(String base64) {
        try {
            return DECODER.decode(base64);
        } catch (IllegalArgumentException e) {
            throw invalid();
        }
    }

    private static byte[] mac(SecretKeySpec key, byte[] payload) {
        try {
            Mac mac = Mac.getInstance(LinkKeys.ALGORITHM);
            mac.init(key);
            return mac.doFinal(payload);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("HMAC-SHA256 is unavailable in this JVM", e);
        }
    }

    private static LinkVerificationException invalid() {
        return new LinkVerificationException(LinkVerificationException.Reason.INVALID, "This link is not valid.");
    }

    private static LinkVerificationException retired() {
        return new LinkVerificationException(LinkVerificationException.Reason.UNKNOWN_KEY,
                "This link was signed with a retired key. Use the link in a newer email, or open your plan from the latest one.");
    }
}
