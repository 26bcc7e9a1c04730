package dev.stride.roadmap.link;

import dev.stride.contracts.link.LinkKeys;
import dev.stride.contracts.link.LinkPurpose;
import dev.stride.contracts.link.LinkSigner;
import dev.stride.contracts.link.LinkToken;
import dev.stride.infra.testing.StrideInfraResource;
import dev.stride.roadmap.TestSupport;
import io.quarkus.test.common.TestResourceScope;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;
import jakarta.inject.Inject;
import org.junit.jupiter.api.Test;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.util.Base64;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;

/**
 * The service after a key rotation: k2 signs, k1 (the test profile's usual key) still verifies, as it verifies the
 * unversioned tokens from before key ids; a link of any other key is refused with a page that says why.
 */
@QuarkusTest
@TestProfile(LinkKeyRotationTest.Rotated.class)
@WithTestResource(value = StrideInfraResource.class, scope = TestResourceScope.GLOBAL)
class LinkKeyRotationTest {

    static final String OLD_KEY = "test-signing-key-of-at-least-32-bytes!!";
    static final String NEW_KEY = "the-rotated-test-signing-key-of-32-bytes";

    public static class Rotated implements QuarkusTestProfile {
        @Override
        public Map<String, String> getConfigOverrides() {
            return Map.of("stride.links.signing-key", NEW_KEY, "stride.links.key-id", "k2",
                    "stride.links.previous-signing-keys", "k1=" + OLD_KEY, "stride.links.v1-key-id", "k1");
        }
    }

    @Inject
    Links links;

    @Inject
    Clock clock;

    @Test
    void linksSentBeforeTheRotationStillWorkAndNewOnesNameTheNewKey() {
        UUID id = TestSupport.subscribed(TestSupport.uniqueEmail("rotated"), TestSupport.ROADMAP, clock, links);
        String beforeRotation = new LinkSigner(LinkKeys.single("k1", OLD_KEY), clock).sign(id, LinkPurpose.MANAGE, Duration.ofDays(90));
        String beforeKeyIds = legacyToken(OLD_KEY, "v1." + id + ".MANAGE." + clock.instant().plus(Duration.ofDays(90)).getEpochSecond());

        assertThat(links.manageUrl(id)).contains("/manage/v2.k2.");
        given().when().get("/manage/" + beforeRotation).then().statusCode(200);
        given().when().get("/manage/" + beforeKeyIds).then().statusCode(200);
        given().header("Authorization", "Bearer " + beforeRotation).when().get("/api/subscriptions/" + id).then().statusCode(200);
    }

    @Test
    void anExpiredOldLinkAndALinkOfAnUnknownKeyAreRefused() {
        UUID id = TestSupport.subscribed(TestSupport.uniqueEmail("refused"), TestSupport.ROADMAP, clock, links);
        String expired = new LinkSigner(LinkKeys.single("k1", OLD_KEY), clock)
                .sign(new LinkToken(id, LinkPurpose.MANAGE, clock.instant().minusSeconds(1), Optional.empty()));
        String unknown = new LinkSigner(LinkKeys.single("k0", "a-key-this-service-never-had-of-32-bytes"), clock)
                .sign(id, LinkPurpose.MANAGE, Duration.ofDays(1));

        given().when().get("/manage/" + expired).then().statusCode(410).body(containsString("Link expired"));
        given().when().get("/manage/" + unknown).then().statusCode(403).body(containsString("signed with a retired key"));
    }

    /** A token as roadmap-service signed them before key ids: base64url(payload) "." base64url(HMAC-SHA256(payload)). */
    private static String legacyToken(String secret, String payload) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(secret.getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
            Base64.Encoder encoder = Base64.getUrlEncoder().withoutPadding();
            byte[] bytes = payload.getBytes(StandardCharsets.UTF_8);
            return encoder.encodeToString(bytes) + "." + encoder.encodeToString(mac.doFinal(bytes));
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }
}
