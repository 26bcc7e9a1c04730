package dev.stride.contracts.link;

import org.junit.jupiter.api.Test;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Base64;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** Rotating the link-signing key: the new key signs, the previous ones verify until their links expire, retired ones are refused. */
class LinkKeyRotationTest {

    private static final String OLD = "the-old-signing-key-of-at-least-32-bytes";
    private static final String NEW = "the-new-signing-key-of-at-least-32-bytes";
    private static final Instant NOW = Instant.parse("2026-12-01T09:00:00Z");
    private static final UUID SUBSCRIPTION = UUID.fromString("4c0e7c0a-6f43-4b36-9a0e-1d2b3c4d5e6f");
    private static final Clock CLOCK = Clock.fixed(NOW, ZoneOffset.UTC);

    private final LinkSigner before = new LinkSigner(LinkKeys.single("k1", OLD), CLOCK);
    private final LinkSigner after = new LinkSigner(LinkKeys.of("k2", NEW, "k1=" + OLD, "k1"), CLOCK);

    @Test
    void aLinkSignedWithThePreviousKeyStillWorksAfterTheRotation() {
        String sentBefore = before.sign(SUBSCRIPTION, LinkPurpose.MANAGE, Duration.ofDays(90));

        assertThat(after.verify(sentBefore, LinkPurpose.MANAGE, SUBSCRIPTION).subscriptionId()).isEqualTo(SUBSCRIPTION);
        assertThat(after.sign(SUBSCRIPTION, LinkPurpose.MANAGE, Duration.ofDays(90))).startsWith("v2.k2.");
    }

    @Test
    void anUnversionedLinkFromBeforeKeyIdsVerifiesWithTheV1Key() {
        String legacy = legacyToken(OLD, "v1." + SUBSCRIPTION + ".SNOOZE." + NOW.plusSeconds(600).getEpochSecond() + ".3");

        assertThat(after.verify(legacy, LinkPurpose.SNOOZE, SUBSCRIPTION).subject()).contains("3");
        assertThatThrownBy(() -> new LinkSigner(LinkKeys.single("k9", NEW), CLOCK).verify(legacy)).as("another key as the v1 key")
                .isInstanceOfSatisfying(LinkVerificationException.class, e -> assertThat(e.reason()).isEqualTo(LinkVerificationException.Reason.INVALID));
    }

    @Test
    void anExpiredLinkOfThePreviousKeyIsRefusedAsExpired() {
        String sentBefore = before.sign(SUBSCRIPTION, LinkPurpose.PAUSE, Duration.ofDays(14));
        LinkSigner later = new LinkSigner(LinkKeys.of("k2", NEW, "k1=" + OLD, "k1"), Clock.fixed(NOW.plus(Duration.ofDays(14)), ZoneOffset.UTC));
        String legacy = legacyToken(OLD, "v1." + SUBSCRIPTION + ".PAUSE." + NOW.getEpochSecond());

        for (String token : new String[]{sentBefore, legacy}) {
            assertThatThrownBy(() -> later.verify(token))
                    .isInstanceOfSatisfying(LinkVerificationException.class, e -> assertThat(e.reason()).isEqualTo(LinkVerificationException.Reason.EXPIRED));
        }
    }

    @Test
    void aRetiredOrUnknownKeyIsRefusedAsSuch() {
        String sentBefore = before.sign(SUBSCRIPTION, LinkPurpose.MANAGE, Duration.ofDays(90));
        String legacy = legacyToken(OLD, "v1." + SUBSCRIPTION + ".MANAGE." + NOW.plusSeconds(600).getEpochSecond());
        LinkSigner retiredK1 = new LinkSigner(LinkKeys.of("k3", "the-third-signing-key-of-at-least-32-bytes", "k2=" + NEW, ""), CLOCK);
        String unknownKid = "v2.zz" + sentBefore.substring("v2.k1".length());

        for (String token : new String[]{sentBefore, legacy, unknownKid}) {
            assertThatThrownBy(() -> retiredK1.verify(token)).as(token)
                    .isInstanceOfSatisfying(LinkVerificationException.class, e -> {
                        assertThat(e.reason()).isEqualTo(LinkVerificationException.Reason.UNKNOWN_KEY);
                        assertThat(e.getMessage()).contains("retired key");
                    });
        }
        assertThat(retiredK1.verify(after.sign(SUBSCRIPTION, LinkPurpose.MANAGE, Duration.ofDays(1))).subscriptionId()).isEqualTo(SUBSCRIPTION);
    }

    @Test
    void theKeyIdIsSignedSoItCannotBeSwapped() {
        String signedWithK2 = after.sign(SUBSCRIPTION, LinkPurpose.MANAGE, Duration.ofDays(1));
        String claimedK1 = "v2.k1" + signedWithK2.substring("v2.k2".length());

        assertThatThrownBy(() -> after.verify(claimedK1))
                .isInstanceOfSatisfying(LinkVerificationException.class, e -> assertThat(e.reason()).isEqualTo(LinkVerificationException.Reason.INVALID));
    }

    @Test
    void aBadKeyConfigurationStopsTheStartWithTheSettingToFix() {
        assertThatThrownBy(() -> LinkKeys.of("k2", NEW, "k1", "")).hasMessageContaining("stride.links.previous-signing-keys");
        assertThatThrownBy(() -> LinkKeys.of("k2", NEW, "k2=" + OLD, "")).hasMessageContaining("given twice");
        assertThatThrownBy(() -> LinkKeys.of("k.2", NEW, "", "")).hasMessageContaining("stride.links.key-id");
        assertThatThrownBy(() -> LinkKeys.of("k2", NEW, "k1=short", "")).hasMessageContaining("at least 32 bytes (key k1)");
        assertThatThrownBy(() -> LinkKeys.of("k2", NEW, "", "k1")).hasMessageContaining("stride.links.v1-key-id");
    }

    /** A token as LinkSigner wrote them before key ids: base64url(payload) "." base64url(HMAC-SHA256(payload)). */
    static String legacyToken(String secret, String payload) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(secret.getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
            byte[] bytes = payload.getBytes(StandardCharsets.UTF_8);
            Base64.Encoder encoder = Base64.getUrlEncoder().withoutPadding();
            return encoder.encodeToString(bytes) + "." + encoder.encodeToString(mac.doFinal(bytes));
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }
}
