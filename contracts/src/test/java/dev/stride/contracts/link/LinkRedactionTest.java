package dev.stride.contracts.link;

import org.junit.jupiter.api.Test;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

class LinkRedactionTest {

    private static final LinkSigner SIGNER = LinkSigner.fromText("a-test-key-that-is-at-least-32-bytes-long",
            Clock.fixed(Instant.parse("2026-12-01T09:00:00Z"), ZoneOffset.UTC));
    private static final UUID SUBSCRIPTION = UUID.fromString("4c0e7c0a-6f43-4b36-9a0e-1d2b3c4d5e6f");

    @Test
    void tokensInLinkPathsAndUrlsAreRedacted() {
        String token = SIGNER.sign(SUBSCRIPTION, LinkPurpose.SNOOZE, Duration.ofDays(14));

        assertThat(LinkRedaction.redact("/actions/" + token)).isEqualTo("/actions/{token}");
        assertThat(LinkRedaction.redact("https://stride.example.org/calendar/" + token + ".ics?x=1")).isEqualTo("https://stride.example.org/calendar/{token}?x=1");
        assertThat(LinkRedaction.redact("/manage/" + token + "/plan")).isEqualTo("/manage/{token}/plan");
        assertThat(LinkRedaction.redact("/confirm/not-even-a-token")).isEqualTo("/confirm/{token}");
        assertThat(LinkRedaction.redact("/home/short/profile")).isEqualTo("/home/{token}/profile");
        assertThat(LinkRedaction.redact("/verify-address/short")).isEqualTo("/verify-address/{token}");
    }

    @Test
    void aTokenAnywhereInTextIsRedacted() {
        String token = SIGNER.sign(SUBSCRIPTION, LinkPurpose.MANAGE, Duration.ofDays(90));
        String legacy = LinkKeyRotationTest.legacyToken("a-test-key-that-is-at-least-32-bytes-long",
                "v1." + SUBSCRIPTION + ".MANAGE." + Instant.parse("2027-01-01T00:00:00Z").getEpochSecond());

        String redacted = LinkRedaction.redact("Bearer " + token + " failed; older " + legacy + " too");

        assertThat(redacted).isEqualTo("Bearer {token} failed; older {token} too");
    }

    @Test
    void aThrowableKeepsItsStackButLosesItsTokens() {
        String token = SIGNER.sign(SUBSCRIPTION, LinkPurpose.MANAGE, Duration.ofDays(90));
        IllegalStateException original = new IllegalStateException("wrapper", new IllegalArgumentException("bad token " + token));

        Throwable redacted = LinkRedaction.redact(original);

        assertThat(redacted.toString()).isEqualTo("java.lang.IllegalStateException: wrapper");
        assertThat(redacted.getCause().toString()).isEqualTo("java.lang.IllegalArgumentException: bad token {token}");
        assertThat(redacted.getStackTrace()).isEqualTo(original.getStackTrace());
        IllegalStateException clean = new IllegalStateException("nothing secret");
        assertThat(LinkRedaction.redact(clean)).isSameAs(clean);
    }

    @Test
    void otherPathsAreLeftAlone() {
        assertThat(LinkRedaction.redact("/api/subscriptions/" + SUBSCRIPTION + "/plan")).isEqualTo("/api/subscriptions/" + SUBSCRIPTION + "/plan");
        assertThat(LinkRedaction.redact("/roadmaps/ai-ml-engineer-12-months")).isEqualTo("/roadmaps/ai-ml-engineer-12-months");
        assertThat(LinkRedaction.redact((String) null)).isNull();
    }
}
