package dev.stride.roadmap.retention;

import dev.stride.contracts.Topics;
import dev.stride.contracts.event.LearnerErased;
import dev.stride.contracts.event.StrideEvents;
import dev.stride.contracts.link.LinkPurpose;
import dev.stride.contracts.privacy.Addresses;
import dev.stride.contracts.time.AdjustableClock;
import dev.stride.infra.testing.KafkaTestConsumer;
import dev.stride.infra.testing.StrideInfraResource;
import dev.stride.roadmap.TestSupport;
import dev.stride.roadmap.link.Links;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.common.TestResourceScope;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import org.assertj.core.api.Condition;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.UUID;

import static dev.stride.roadmap.TestSupport.count;
import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.anyOf;

/**
 * A learner who paused and never came back is erased everywhere (LearnerErased) two years after the pause began; one
 * paused a day less is kept until their day comes; one who still follows another roadmap is kept. The manage page of a
 * paused plan says so, with the date, in the learner's language.
 */
@QuarkusTest
@WithTestResource(value = StrideInfraResource.class, scope = TestResourceScope.GLOBAL)
class PausedLearnersTest {

    private static final String OTHER_ROADMAP = "ai-ml-four-phases";
    private static final Duration WINDOW = Duration.ofDays(730);

    @Inject
    AdjustableClock clock;

    @Inject
    Links links;

    @Inject
    RetentionJob retention;

    @Inject
    RetentionSettings settings;

    @Inject
    EntityManager em;

    @Test
    void aLearnerPausedPastTheWindowIsErasedOneJustInsideOrStillFollowingIsKept() {
        assertThat(settings.pausedLearners()).as("the window these tests move the clock past").isEqualTo(WINDOW);
        String gone = TestSupport.uniqueEmail("paused-long-ago");
        UUID goneSubscription = paused(TestSupport.subscribed(gone, TestSupport.ROADMAP, clock, links));
        String follows = TestSupport.uniqueEmail("paused-one-follows-another");
        UUID followsPaused = paused(TestSupport.subscribed(follows, TestSupport.ROADMAP, clock, links));
        UUID followsActive = TestSupport.subscribed(follows, OTHER_ROADMAP, clock, links);
        clock.advance(Duration.ofDays(1));
        String inside = TestSupport.uniqueEmail("paused-a-day-later");
        UUID insideSubscription = paused(TestSupport.subscribed(inside, TestSupport.ROADMAP, clock, links));

        clock.advance(WINDOW.minusDays(1).minusHours(1));
        retention.run();
        assertThat(learners(gone)).as("an hour before the pause is two years old").isEqualTo(1);

        try (KafkaTestConsumer events = new KafkaTestConsumer(Topics.SUBSCRIPTION_EVENTS, StrideEvents.CODEC)) {
            clock.advance(Duration.ofHours(2));
            assertThat(retention.run().get("paused_learner")).isPositive();

            assertThat(learners(gone)).isZero();
            assertThat(count("SELECT count(*) FROM subscription WHERE id = ?1", goneSubscription)).isZero();
            List<KafkaTestConsumer.Received> erased = events.await(
                    KafkaTestConsumer.key(goneSubscription.toString()).and(r -> r.type().equals("LearnerErased")), 1, Duration.ofSeconds(30));
            assertThat(erased).hasSize(1);
            assertThat(((LearnerErased) erased.get(0).data()).addressHash()).isEqualTo(Addresses.hash(gone));
        }
        assertThat(learners(inside)).as("paused a day later: inside the window").isEqualTo(1);
        assertThat(learners(follows)).as("follows another roadmap").isEqualTo(1);

        clock.advance(Duration.ofDays(1));
        retention.run();
        assertThat(learners(inside)).as("its own two years are up now").isZero();
        assertThat(count("SELECT count(*) FROM subscription WHERE id = ?1", insideSubscription)).isZero();
        assertThat(count("SELECT count(*) FROM subscription WHERE id IN (?1, ?2)", followsPaused, followsActive))
                .as("a day past the window, the learner who still follows a roadmap keeps both plans").isEqualTo(2);
    }

    @Test
    void theManagePageOfAPausedPlanSaysWhenItIsDeletedInTheLearnersLanguage() {
        String email = TestSupport.uniqueEmail("pausiert");
        UUID german = TestSupport.subscribe(email, TestSupport.ROADMAP,
                TestSupport.subscribeJson(email, TestSupport.ROADMAP, TestSupport.today(clock)).replace("\"locale\": \"en\"", "\"locale\": \"de\""));
        confirm(german);
        Instant before = clock.instant();
        paused(german);
        Instant after = clock.instant();
        assertThat(count("SELECT count(*) FROM subscription WHERE id = ?1 AND paused_at BETWEEN ?2 AND ?3", german,
                before.atOffset(ZoneOffset.UTC), after.atOffset(ZoneOffset.UTC)))
                .as("the pause's instant is stored").isOne();

        String page = managePage(german);
        assertThat(page).contains("id=\"paused-erasure\"", "länger als 730 Tage pausiert")
                .satisfies(anyOf(deletionOn(before, Locale.GERMAN, "d. MMMM uuuu"), deletionOn(after, Locale.GERMAN, "d. MMMM uuuu")));

        String english = TestSupport.uniqueEmail("paused-reads");
        UUID id = TestSupport.subscribed(english, TestSupport.ROADMAP, clock, links);
        before = clock.instant();
        paused(id);
        after = clock.instant();
        assertThat(managePage(id)).contains("paused for more than 730 days is deleted with your data")
                .satisfies(anyOf(deletionOn(before, Locale.ENGLISH, "d MMMM uuuu"), deletionOn(after, Locale.ENGLISH, "d MMMM uuuu")));

        TestSupport.as(id, links).post("/api/subscriptions/" + id + "/resume").then().statusCode(200);
        assertThat(count("SELECT count(*) FROM subscription WHERE id = ?1 AND paused_at IS NULL", id)).as("resuming clears the pause").isOne();
        assertThat(managePage(id)).as("a running plan is not deleted").contains("id=\"this-week\"").doesNotContain("paused-erasure");

        String fromEmail = TestSupport.uniqueEmail("pauses-from-email");
        UUID linked = TestSupport.subscribed(fromEmail, TestSupport.ROADMAP, clock, links);
        before = clock.instant();
        String done = given().when().post("/actions/" + links.token(linked, LinkPurpose.PAUSE, Optional.empty())).then().statusCode(200)
                .extract().asString();
        after = clock.instant();
        assertThat(done).as("the email's pause link says it too").contains("Paused. Resume whenever you are ready.", "if you have not resumed by")
                .satisfies(anyOf(deletionOn(before, Locale.ENGLISH, "d MMMM uuuu"), deletionOn(after, Locale.ENGLISH, "d MMMM uuuu")));

        TestSupport.subscribed(english, OTHER_ROADMAP, clock, links);
        paused(id);
        assertThat(managePage(id)).as("paused, but the learner follows another roadmap").contains("id=\"this-week\"").doesNotContain("paused-erasure");
    }

    @Test
    void aPauseWithoutItsInstantKeepsTheLearnerAndTheirPage() {
        String email = TestSupport.uniqueEmail("paused-by-an-older-version");
        UUID left = TestSupport.subscribed(email, OTHER_ROADMAP, clock, links);
        TestSupport.as(left, links).when().delete("/api/subscriptions/" + left).then().statusCode(200);
        UUID plan = paused(TestSupport.subscribed(email, TestSupport.ROADMAP, clock, links));
        // As a version before V20 leaves a pause during a rollout: no instant.
        QuarkusTransaction.requiringNew().run(() -> em.createNativeQuery("UPDATE subscription SET paused_at = NULL WHERE id = ?1")
                .setParameter(1, plan).executeUpdate());

        clock.advance(WINDOW.plusDays(1));
        retention.run();

        assertThat(learners(email)).as("the old plan's end is no pause: the learner who just paused stays").isOne();
        assertThat(managePage(plan)).as("no date to name, and no error").doesNotContain("paused-erasure");
    }

    private UUID paused(UUID subscription) {
        TestSupport.as(subscription, links).post("/api/subscriptions/" + subscription + "/pause").then().statusCode(200);
        return subscription;
    }

    private void confirm(UUID subscription) {
        given().contentType(ContentType.JSON).body("{\"token\": \"" + links.token(subscription, LinkPurpose.CONFIRM, Optional.empty()) + "\"}")
                .when().post("/api/subscriptions/confirm").then().statusCode(200);
    }

    private String managePage(UUID subscription) {
        return given().when().get("/manage/" + links.token(subscription, LinkPurpose.MANAGE, Optional.empty())).then().statusCode(200)
                .extract().asString();
    }

    /** The page names the day two years after the pause, on the plan's calendar (TestSupport.ZONE), as the learner writes dates. */
    private static Condition<String> deletionOn(Instant pausedAt, Locale locale, String pattern) {
        String date = DateTimeFormatter.ofPattern(pattern, locale).format(pausedAt.plus(WINDOW).atZone(ZoneId.of(TestSupport.ZONE)));
        return new Condition<>(page -> page.contains(date), "names " + date);
    }

    private static long learners(String email) {
        return count("SELECT count(*) FROM learner WHERE lower(email) = lower(?1)", email);
    }
}
