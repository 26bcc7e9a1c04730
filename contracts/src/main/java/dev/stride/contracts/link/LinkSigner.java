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
 * Signs and verifies the links in Stride's emails: HMAC-SHA256 (the JDK's JCA) over
 * {@code v1.<subscription>.<purpose>.<expiry epoch s>[.<subject>]}, the token being that payload and the
 * MAC, each base64url. roadmap-service and reminder-service share the key, so either can mint a link
 * the other accepts. Nothing secret is in the payload; it is only tamper-proof.
 */
public final class LinkSigner {

    private static final String ALGORITHM = "HmacSHA256";
    private static final String VERSION = "v1";
    private static final Base64.Encoder ENCODER = Base64.getUrlEncoder().withoutPadding();
    private static final Base64.Decoder DECODER = Base64.getUrlDecoder();

    private final SecretKeySpec key;
    private final Clock clock;

    /** {@code secret} must have at least 32 bytes (256 bits), as HMAC-SHA256 wants. */
    public LinkSigner(byte[] secret, Clock clock) {
        if (secret == null || secret.length < 32) {
            throw new IllegalArgumentException("the link-signing key must be at least 32 bytes");
        }
        this.key = new SecretKeySpec(secret.clone(), ALGORITHM);
        this.clock = clock;
    }

    public static LinkSigner fromText(String secret, Clock clock) {
        return new LinkSigner(secret.getBytes(StandardCharsets.UTF_8), clock);
    }

    public String sign(UUID subscriptionId, LinkPurpose purpose, Duration validFor) {
        return sign(new LinkToken(subscriptionId, purpose, clock.instant().plus(validFor), Optional.empty()));
    }

    public String sign(LinkToken token) {
        String payload = VERSION + "." + token.subscriptionId() + "." + token.purpose() + "." + token.expiresAt().getEpochSecond()
                + token.subject().map(subject -> "." + subject).orElse("");
        byte[] bytes = payload.getBytes(StandardCharsets.UTF_8);
        return ENCODER.encodeToString(bytes) + "." + ENCODER.encodeToString(mac(bytes));
    }

    /** The token's claims, if we signed it and it has not expired; otherwise an exception saying which. */
    public LinkToken verify(String token) {
        int dot = token == null ? -1 : token.indexOf('.');
        if (dot <= 0 || dot != token.lastIndexOf('.')) {
            throw invalid();
        }
        byte[] payload;
        byte[] signature;
        try {
            payload = DECODER.decode(token.substring(0, dot));
            signature = DECODER.decode(token.substring(dot + 1));
        } catch (IllegalArgumentException e) {
            throw invalid();
        }
        if (!MessageDigest.isEqual(mac(payload), signature)) {
            throw invalid();
        }
        LinkToken claims = parse(new String(payload, StandardCharsets.UTF_8));
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

    private static LinkToken parse(String payload) {
        String[] parts = payload.split("\\.", -1);
        if ((parts.length != 4 && parts.length != 5) || !parts[0].equals(VERSION)) {
            throw invalid();
        }
        try {
            return new LinkToken(UUID.fromString(parts[1]), LinkPurpose.valueOf(parts[2]), Instant.ofEpochSecond(Long.parseLong(parts[3])),
                    parts.length == 5 ? Optional.of(parts[4]) : Optional.empty());
        } catch (IllegalArgumentException e) {
            throw invalid();
        }
    }

    private byte[] mac(byte[] payload) {
        try {
            Mac mac = Mac.getInstance(ALGORITHM);
            mac.init(key);
            return mac.doFinal(payload);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("HMAC-SHA256 is unavailable in this JVM", e);
        }
    }

    private static LinkVerificationException invalid() {
        return new LinkVerificationException(LinkVerificationException.Reason.INVALID, "This link is not valid.");
    }
}
