package dev.stride.contracts.link;

import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Base64;
import java.util.Optional;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class LinkSignerTest {

    private static final String KEY = "a-test-key-that-is-at-least-32-bytes-long";
    private static final Instant NOW = Instant.parse("2026-11-21T10:00:00Z");
    private static final UUID SUBSCRIPTION = UUID.fromString("9b2f7a3e-2d7c-4f0e-8d55-0c7c1b1e2a01");

    private final LinkSigner signer = LinkSigner.fromText(KEY, Clock.fixed(NOW, ZoneOffset.UTC));

    @Test
    void aSignedLinkVerifiesWithItsClaims() {
        String token = signer.sign(new LinkToken(SUBSCRIPTION, LinkPurpose.MARK_DONE, NOW.plusSeconds(3600), Optional.of("python-basics")));

        LinkToken claims = signer.verify(token, LinkPurpose.MARK_DONE, SUBSCRIPTION);

        assertThat(claims.subject()).contains("python-basics");
        assertThat(claims.expiresAt()).isEqualTo(NOW.plusSeconds(3600));
        assertThat(token).matches("v2\\.k1\\.[A-Za-z0-9_-]+\\.[A-Za-z0-9_-]+");
    }

    @Test
    void anotherInstanceWithTheSameKeyAcceptsIt() {
        String token = signer.sign(SUBSCRIPTION, LinkPurpose.MANAGE, Duration.ofDays(30));

        LinkSigner elsewhere = LinkSigner.fromText(KEY, Clock.fixed(NOW.plusSeconds(60), ZoneOffset.UTC));

        assertThat(elsewhere.verify(token, LinkPurpose.MANAGE, SUBSCRIPTION).subscriptionId()).isEqualTo(SUBSCRIPTION);
    }

    @Test
    void aForgedOrAlteredLinkIsInvalid() {
        String token = signer.sign(SUBSCRIPTION, LinkPurpose.PAUSE, Duration.ofDays(1));
        String[] parts = token.split("\\.");
        String payload = parts[2];
        String alteredPayload = Base64.getUrlEncoder().withoutPadding().encodeToString(
                new String(Base64.getUrlDecoder().decode(payload), StandardCharsets.UTF_8).replace("PAUSE", "UNSUBSCRIBE").getBytes(StandardCharsets.UTF_8));
        String altered = "v2.k1." + alteredPayload + "." + parts[3];
        String otherKey = LinkSigner.fromText("another-key-that-is-at-least-32-bytes!!", Clock.fixed(NOW, ZoneOffset.UTC))
                .sign(SUBSCRIPTION, LinkPurpose.PAUSE, Duration.ofDays(1));

        for (String forged : new String[]{altered, otherKey, "garbage", "", "a.b.c", "v2.k1." + payload + ".", token + "x", "v2.k1.a.b.c", null}) {
            assertThatThrownBy(() -> signer.verify(forged)).as(forged)
                    .isInstanceOfSatisfying(LinkVerificationException.class, e -> assertThat(e.reason()).isEqualTo(LinkVerificationException.Reason.INVALID));
        }
    }

    @Test
    void anExpiredLinkSaysSo() {
        String token = signer.sign(SUBSCRIPTION, LinkPurpose.CONFIRM, Duration.ofHours(48));
        LinkSigner later = LinkSigner.fromText(KEY, Clock.fixed(NOW.plus(Duration.ofHours(48)), ZoneOffset.UTC));

        assertThatThrownBy(() -> later.verify(token))
                .isInstanceOfSatisfying(LinkVerificationException.class, e -> assertThat(e.reason()).isEqualTo(LinkVerificationException.Reason.EXPIRED));
    }

    @Test
    void aLinkForAnotherPurposeOrSubscriptionIsRefused() {
        String token = signer.sign(SUBSCRIPTION, LinkPurpose.SNOOZE, Duration.ofDays(7));

        assertThatThrownBy(() -> signer.verify(token, LinkPurpose.UNSUBSCRIBE, SUBSCRIPTION))
                .isInstanceOfSatisfying(LinkVerificationException.class, e -> assertThat(e.reason()).isEqualTo(LinkVerificationException.Reason.WRONG_PURPOSE));
        assertThatThrownBy(() -> signer.verify(token, LinkPurpose.SNOOZE, UUID.randomUUID()))
                .isInstanceOfSatisfying(LinkVerificationException.class, e -> assertThat(e.reason()).isEqualTo(LinkVerificationException.Reason.OTHER_SUBSCRIPTION));
    }

    @Test
    void aShortKeyIsRefused() {
        assertThatThrownBy(() -> LinkSigner.fromText("short", Clock.systemUTC())).hasMessageContaining("at least 32 bytes");
    }
}
