package dev.stride.roadmap.subscription;

import dev.stride.contracts.link.LinkPurpose;
import dev.stride.contracts.time.AdjustableClock;
import dev.stride.infra.testing.StrideInfraResource;
import dev.stride.roadmap.TestSupport;
import dev.stride.roadmap.link.Links;
import io.quarkus.test.common.TestResourceScope;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import jakarta.inject.Inject;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.Optional;
import java.util.UUID;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;

@QuarkusTest
@WithTestResource(value = StrideInfraResource.class, scope = TestResourceScope.GLOBAL)
class PendingExpiryTest {

    @Inject
    AdjustableClock clock;

    @Inject
    Links links;

    @Inject
    PendingExpiry expiry;

    @Test
    void anUnconfirmedSubscriptionExpiresAndTheEmailCanSubscribeAgain() {
        String email = TestSupport.uniqueEmail("late");
        UUID pending = TestSupport.subscribe(email, TestSupport.ROADMAP, clock);
        String confirmToken = links.token(pending, LinkPurpose.CONFIRM, Optional.empty());

        clock.advance(Duration.ofHours(49));
        assertThat(expiry.expirePending(500)).isGreaterThanOrEqualTo(1);

        TestSupport.as(pending, links).when().get("/api/subscriptions/" + pending).then().body("status", equalTo("EXPIRED"));
        given().contentType(ContentType.JSON).body("{\"token\": \"" + confirmToken + "\"}").when().post("/api/subscriptions/confirm")
                .then().statusCode(410);
        UUID fresh = TestSupport.subscribe(email, TestSupport.ROADMAP, clock);
        assertThat(fresh).isNotEqualTo(pending);
    }
}
