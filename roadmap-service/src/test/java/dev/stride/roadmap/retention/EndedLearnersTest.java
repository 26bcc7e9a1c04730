package dev.stride.roadmap.retention;

import dev.stride.contracts.Topics;
import dev.stride.contracts.event.LearnerErased;
import dev.stride.contracts.event.StrideEvents;
import dev.stride.contracts.privacy.Addresses;
import dev.stride.contracts.time.AdjustableClock;
import dev.stride.infra.testing.KafkaTestConsumer;
import dev.stride.infra.testing.StrideInfraResource;
import dev.stride.roadmap.TestSupport;
import dev.stride.roadmap.link.Links;
import io.quarkus.test.common.TestResourceScope;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.List;
import java.util.UUID;

import static dev.stride.roadmap.TestSupport.count;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * A learner who left is kept a year (a comeback finds their progress), then erased everywhere through LearnerErased; a
 * learner who still follows another roadmap is kept whatever they left.
 */
@QuarkusTest
@WithTestResource(value = StrideInfraResource.class, scope = TestResourceScope.GLOBAL)
class EndedLearnersTest {

    private static final String OTHER_ROADMAP = "ai-ml-four-phases";

    @Inject
    AdjustableClock clock;

    @Inject
    Links links;

    @Inject
    RetentionJob retention;

    @Test
    void aLearnerWhoLeftIsErasedAYearLaterAndOneWhoStillFollowsIsKept() {
        String left = TestSupport.uniqueEmail("left-long-ago");
        UUID leftSubscription = TestSupport.subscribed(left, TestSupport.ROADMAP, clock, links);
        TestSupport.as(leftSubscription, links).delete("/api/subscriptions/" + leftSubscription).then().statusCode(200);
        String stays = TestSupport.uniqueEmail("still-follows");
        UUID staysLeft = TestSupport.subscribed(stays, TestSupport.ROADMAP, clock, links);
        UUID staysFollowing = TestSupport.subscribed(stays, OTHER_ROADMAP, clock, links);
        TestSupport.as(staysLeft, links).delete("/api/subscriptions/" + staysLeft).then().statusCode(200);

        clock.advance(Duration.ofDays(360));
        retention.run();
        assertThat(learners(left)).as("kept within the year").isEqualTo(1);

        try (KafkaTestConsumer events = new KafkaTestConsumer(Topics.SUBSCRIPTION_EVENTS, StrideEvents.CODEC)) {
            clock.advance(Duration.ofDays(6));
            assertThat(retention.run().get("ended_learner")).isPositive();

            assertThat(learners(left)).isZero();
            assertThat(count("SELECT count(*) FROM subscription WHERE id = ?1", leftSubscription)).isZero();
            List<KafkaTestConsumer.Received> erased = events.await(
                    KafkaTestConsumer.key(leftSubscription.toString()).and(r -> r.type().equals("LearnerErased")), 1, Duration.ofSeconds(30));
            assertThat(erased).hasSize(1);
            assertThat(((LearnerErased) erased.get(0).data()).addressHash()).isEqualTo(Addresses.hash(left));
        }
        assertThat(learners(stays)).isEqualTo(1);
        assertThat(count("SELECT count(*) FROM subscription WHERE id IN (?1, ?2)", staysLeft, staysFollowing)).isEqualTo(2);
    }

    private static long learners(String email) {
        return count("SELECT count(*) FROM learner WHERE lower(email) = lower(?1)", email);
    }
}
