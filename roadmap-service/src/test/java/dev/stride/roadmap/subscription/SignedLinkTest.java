package dev.stride.roadmap.subscription;

import dev.stride.contracts.link.LinkPurpose;
import dev.stride.contracts.link.LinkToken;
import dev.stride.infra.testing.StrideInfraResource;
import dev.stride.roadmap.TestSupport;
import dev.stride.roadmap.link.Links;
import io.quarkus.test.common.TestResourceScope;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import jakarta.inject.Inject;
import org.junit.jupiter.api.Test;

import java.time.Clock;
import java.util.Optional;
import java.util.UUID;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;

/** Links that do not grant what they are used for change nothing: forged, expired, for another purpose or subscription. */
@QuarkusTest
@WithTestResource(value = StrideInfraResource.class, scope = TestResourceScope.GLOBAL)
class SignedLinkTest {

    @Inject
    Links links;

    @Inject
    Clock clock;

    @Test
    void apiCallsNeedTheSubscriptionsOwnManageToken() {
        UUID mine = TestSupport.subscribed(TestSupport.uniqueEmail("mine"), TestSupport.ROADMAP, clock, links);
        UUID theirs = TestSupport.subscribed(TestSupport.uniqueEmail("theirs"), TestSupport.ROADMAP, clock, links);
        String path = "/api/subscriptions/" + mine + "/milestones/python-setup-and-syntax";
        String done = "{\"state\": \"DONE\"}";
        String manage = links.token(mine, LinkPurpose.MANAGE, Optional.empty());
        String forged = manage.substring(0, manage.length() - 4) + (manage.endsWith("AAAA") ? "BBBB" : "AAAA");
        String expired = links.signer().sign(new LinkToken(mine, LinkPurpose.MANAGE, clock.instant().minusSeconds(1), Optional.empty()));

        given().contentType(ContentType.JSON).body(done).when().put(path).then().statusCode(401).body("detail", containsString("Bearer"));
        withToken(forged).body(done).when().put(path).then().statusCode(403).body("title", equalTo("Link not valid"));
        withToken("not-a-token").body(done).when().put(path).then().statusCode(403);
        withToken(expired).body(done).when().put(path).then().statusCode(410).body("title", equalTo("Link expired"));
        withToken(links.token(mine, LinkPurpose.UNSUBSCRIBE, Optional.empty())).body(done).when().put(path).then().statusCode(403);
        withToken(links.token(theirs, LinkPurpose.MANAGE, Optional.empty())).body(done).when().put(path).then().statusCode(403)
                .body("detail", equalTo("This link belongs to another subscription."));

        assertThat(TestSupport.count("SELECT count(*) FROM milestone_progress WHERE subscription_id = ?1", mine)).isZero();
        withToken(manage).body(done).when().put(path).then().statusCode(200);
        assertThat(TestSupport.count("SELECT count(*) FROM milestone_progress WHERE subscription_id = ?1", mine)).isEqualTo(1);
    }

    @Test
    void aGetOfAnActionLinkChangesNothingAndThePostDoesIt() {
        UUID id = TestSupport.subscribed(TestSupport.uniqueEmail("page"), TestSupport.ROADMAP, clock, links);
        String url = "/actions/" + links.token(id, LinkPurpose.MARK_DONE, Optional.of("python-setup-and-syntax"));

        given().when().get(url).then().statusCode(200).contentType(containsString("text/html"))
                .body(containsString("Mark “Set up Python and learn the basic syntax” as done?")).body(containsString("<form method=\"post\""));
        given().when().get(url).then().statusCode(200);
        assertThat(TestSupport.count("SELECT count(*) FROM milestone_progress WHERE subscription_id = ?1", id)).isZero();

        given().when().post(url).then().statusCode(200).body(containsString("Marked done"));
        assertThat(TestSupport.count("SELECT count(*) FROM milestone_progress WHERE subscription_id = ?1 AND state = 'DONE'", id)).isEqualTo(1);
    }

    @Test
    void linkPagesRefuseBadLinksWithAPage() {
        UUID id = TestSupport.subscribed(TestSupport.uniqueEmail("pages"), TestSupport.ROADMAP, clock, links);
        String pause = links.token(id, LinkPurpose.PAUSE, Optional.empty());
        String expired = links.signer().sign(new LinkToken(id, LinkPurpose.PAUSE, clock.instant().minusSeconds(60), Optional.empty()));

        given().when().post("/actions/" + pause.replace('.', 'x')).then().statusCode(403).body(containsString("Link not valid"));
        given().when().post("/actions/" + expired).then().statusCode(410).body(containsString("Link expired"));
        given().when().post("/actions/" + links.token(id, LinkPurpose.UNSUBSCRIBE, Optional.empty())).then().statusCode(403);
        given().when().post("/unsubscribe/" + pause).then().statusCode(403);
        given().when().post("/confirm/" + pause).then().statusCode(403);

        TestSupport.as(id, links).when().get("/api/subscriptions/" + id).then().body("status", equalTo("ACTIVE"));
    }

    @Test
    void oneClickUnsubscribeFollowsRfc8058() {
        UUID id = TestSupport.subscribed(TestSupport.uniqueEmail("oneclick"), TestSupport.ROADMAP, clock, links);
        String url = "/unsubscribe/" + links.token(id, LinkPurpose.UNSUBSCRIBE, Optional.empty());

        given().when().get(url).then().statusCode(200).body(containsString("Unsubscribe from AI/ML engineer in 12 months?"));
        TestSupport.as(id, links).when().get("/api/subscriptions/" + id).then().body("status", equalTo("ACTIVE"));

        given().contentType(ContentType.URLENC).formParam("List-Unsubscribe", "One-Click").when().post(url).then().statusCode(200);
        TestSupport.as(id, links).when().get("/api/subscriptions/" + id).then().body("status", equalTo("UNSUBSCRIBED"));
    }

    @Test
    void aConfirmationLinkShowsAButtonAndExpiresWithThePendingSubscription() {
        UUID id = TestSupport.subscribe(TestSupport.uniqueEmail("confirm"), TestSupport.ROADMAP, clock);
        String url = "/confirm/" + links.token(id, LinkPurpose.CONFIRM, Optional.empty());

        given().when().get(url).then().statusCode(200).body(containsString("Yes, send me my weekly plan"));
        TestSupport.as(id, links).when().get("/api/subscriptions/" + id).then().body("status", equalTo("PENDING"));
        given().when().post(url).then().statusCode(200).body(containsString("Subscription confirmed"));
        TestSupport.as(id, links).when().get("/api/subscriptions/" + id).then().body("status", equalTo("ACTIVE"));
    }

    private static io.restassured.specification.RequestSpecification withToken(String token) {
        return given().contentType(ContentType.JSON).header("Authorization", "Bearer " + token);
    }
}
