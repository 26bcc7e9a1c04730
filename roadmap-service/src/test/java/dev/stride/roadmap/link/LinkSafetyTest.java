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
import jakarta.inject.Inject;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.Optional;
import java.util.UUID;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.allOf;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.greaterThanOrEqualTo;
import static org.hamcrest.Matchers.lessThan;
import static org.hamcrest.Matchers.not;

/** Snooze links work once, a link of an unknown key gets a page saying so, and no token reaches a log line. */
@QuarkusTest
@WithTestResource(value = StrideInfraResource.class, scope = TestResourceScope.GLOBAL)
class LinkSafetyTest {

    /** Where the test profile's file handler writes, through the same filter as the console. */
    static final Path LOG = Path.of("target/quarkus-test.log");

    @Inject
    Links links;

    @Inject
    SingleUseLinks singleUse;

    @Inject
    Clock clock;

    @Test
    void aSnoozeLinkUsedTwiceSnoozesOnce() {
        UUID id = TestSupport.subscribed(TestSupport.uniqueEmail("snooze"), TestSupport.ROADMAP, clock, links);
        String url = "/actions/" + links.token(id, LinkPurpose.SNOOZE, Optional.of("3"));

        given().when().post(url).then().statusCode(200).body(containsString("Snoozed for 3 days."));
        given().when().post(url).then().statusCode(200).body(containsString("Already done")).body(not(containsString("Snoozed for")));
        given().when().get(url).then().statusCode(200).body(containsString("Already done")).body(not(containsString("<form method=\"post\"")));

        assertThat(TestSupport.count("SELECT count(*) FROM plan_break WHERE subscription_id = ?1 AND kind = 'SNOOZE'", id)).isEqualTo(1);
        assertThat(TestSupport.count("SELECT count(*) FROM outbox_event WHERE aggregate_id = ?1 AND event_type = 'Snoozed'", id.toString())).isEqualTo(1);
        assertThat(TestSupport.count("SELECT count(*) FROM used_link WHERE subscription_id = ?1", id)).isEqualTo(1);

        String another = "/actions/" + links.token(id, LinkPurpose.SNOOZE, Optional.of("2"));
        given().when().post(another).then().statusCode(200).body(containsString("Snoozed for 2 days."));
        assertThat(TestSupport.count("SELECT count(*) FROM plan_break WHERE subscription_id = ?1 AND kind = 'SNOOZE'", id)).isEqualTo(2);
    }

    @Test
    void aRefusedSnoozeLeavesTheLinkUsable() {
        UUID id = TestSupport.subscribed(TestSupport.uniqueEmail("refused"), TestSupport.ROADMAP, clock, links);
        String url = "/actions/" + links.token(id, LinkPurpose.SNOOZE, Optional.of("99"));

        given().when().post(url).then().statusCode(400);

        assertThat(TestSupport.count("SELECT count(*) FROM used_link WHERE subscription_id = ?1", id)).isZero();
        assertThat(TestSupport.count("SELECT count(*) FROM plan_break WHERE subscription_id = ?1", id)).isZero();
    }

    @Test
    void usedLinksAreForgottenOnceExpired() {
        UUID id = TestSupport.subscribed(TestSupport.uniqueEmail("purge"), TestSupport.ROADMAP, clock, links);
        LinkToken expired = new LinkToken(id, LinkPurpose.SNOOZE, clock.instant().minusSeconds(1), Optional.of("1"));
        String lasting = links.token(id, LinkPurpose.SNOOZE, Optional.of("1"));
        assertThat(singleUse.once(links.signer().sign(expired), expired, () -> { })).isTrue();
        assertThat(singleUse.once(lasting, links.signer().verify(lasting), () -> { })).isTrue();
        assertThat(TestSupport.count("SELECT count(*) FROM used_link WHERE subscription_id = ?1", id)).isEqualTo(2);

        singleUse.purgeExpired();

        assertThat(TestSupport.count("SELECT count(*) FROM used_link WHERE subscription_id = ?1", id)).isEqualTo(1);
    }

    @Test
    void aLinkOfAnUnknownKeyGetsAPageSayingTheKeyIsRetired() {
        UUID id = TestSupport.subscribed(TestSupport.uniqueEmail("retired"), TestSupport.ROADMAP, clock, links);
        String retired = new LinkSigner(LinkKeys.single("k0", "a-key-this-service-never-had-of-32-bytes"), clock)
                .sign(id, LinkPurpose.MANAGE, Duration.ofDays(1));

        given().when().get("/manage/" + retired).then().statusCode(403).contentType(containsString("text/html"))
                .body(containsString("signed with a retired key"));
        given().header("Authorization", "Bearer " + retired).when().get("/api/subscriptions/" + id).then().statusCode(403)
                .body(containsString("retired-key-link"));
    }

    @Test
    void noTokenReachesTheLogOnAnUnexpectedError() throws IOException {
        UUID id = TestSupport.subscribed(TestSupport.uniqueEmail("logs"), TestSupport.ROADMAP, clock, links);
        String echoed = links.token(id, LinkPurpose.MANAGE, Optional.empty());

        given().when().get(FailingTestResource.PATH + echoed).then().statusCode(500);

        String log = Files.readString(LOG);
        assertThat(log).contains("Unexpected error on " + FailingTestResource.PATH + "{token}")
                .contains("cannot use {token}")
                .doesNotContain(echoed);
    }

    @Test
    void aSnoozeLinkWhoseDaysAreNoNumberIsRefusedNotAnError() {
        UUID id = TestSupport.subscribed(TestSupport.uniqueEmail("days"), TestSupport.ROADMAP, clock, links);
        String broken = links.token(id, LinkPurpose.SNOOZE, Optional.of("many"));

        given().when().get("/actions/" + broken).then().statusCode(allOf(greaterThanOrEqualTo(400), lessThan(500)));
        given().when().post("/actions/" + broken).then().statusCode(allOf(greaterThanOrEqualTo(400), lessThan(500)));
    }
}
