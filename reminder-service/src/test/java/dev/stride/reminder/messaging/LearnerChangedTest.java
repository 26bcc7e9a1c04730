package dev.stride.reminder.messaging;

import dev.stride.contracts.Topics;
import dev.stride.contracts.event.Learner;
import dev.stride.contracts.event.LearnerChanged;
import dev.stride.contracts.time.AdjustableClock;
import dev.stride.infra.testing.StrideInfraResource;
import dev.stride.reminder.ReminderTestSupport;
import io.quarkus.test.common.TestResourceScope;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import org.junit.jupiter.api.Test;

import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

/** A learner's new name, language or verified address reaches the projection the nudges are built from. */
@QuarkusTest
@WithTestResource(value = StrideInfraResource.class, scope = TestResourceScope.GLOBAL)
class LearnerChangedTest {

    @Inject
    AdjustableClock clock;

    @Test
    void theNextNudgesGoToTheLearnerAsTheyAreNow() {
        String roadmap = ReminderTestSupport.publishRoadmap(5, 2, clock);
        UUID id = ReminderTestSupport.activate(roadmap, ReminderTestSupport.PLAN, ReminderTestSupport.today(clock), clock);
        ReminderTestSupport.awaitCount(1, "SELECT count(*) FROM subscription_projection WHERE subscription_id = ?1", id);
        String address = "moved-" + id + "@example.org";
        assertThat(ReminderTestSupport.count("SELECT count(*) FROM subscription_projection WHERE subscription_id = ?1 AND email = ?2", id, address))
                .isZero();

        ReminderTestSupport.send(Topics.SUBSCRIPTION_EVENTS, id.toString(), new LearnerChanged(id, new Learner(address, "Grace", "de")), clock);

        ReminderTestSupport.awaitCount(1, "SELECT count(*) FROM subscription_projection WHERE subscription_id = ?1 AND email = ?2 "
                + "AND display_name = 'Grace' AND locale = 'de'", id, address);
    }
}
