package dev.stride.reminder.scheduling;

import dev.stride.contracts.Topics;
import dev.stride.contracts.event.StrideEvents;
import dev.stride.contracts.kafka.KafkaAccess;
import dev.stride.contracts.time.AdjustableClock;
import dev.stride.infra.testing.KafkaSaslSslResource;
import dev.stride.infra.testing.KafkaTestConsumer;
import dev.stride.infra.testing.StrideInfraResource;
import dev.stride.infra.testing.TestInfrastructure;
import dev.stride.reminder.ReminderTestSupport;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.common.TestResourceScope;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * reminder-service against the broker's SASL_SSL listener as its own Kafka user ({@link KafkaAccess#REMINDER}), as in
 * production: its consumers read roadmap and subscription events in its group and its publisher writes the nudge. The test
 * writes and reads as the broker's super user on the PLAINTEXT listener.
 */
@QuarkusTest
@TestProfile(KafkaSaslSslTest.AsReminderUser.class)
@WithTestResource(value = StrideInfraResource.class, scope = TestResourceScope.GLOBAL)
class KafkaSaslSslTest {

    public static class AsReminderUser implements QuarkusTestProfile {
        @Override
        public List<TestResourceEntry> testResources() {
            return List.of(new TestResourceEntry(KafkaSaslSslResource.class, Map.of(KafkaSaslSslResource.USER, KafkaAccess.REMINDER.user())));
        }
    }

    @Inject
    AdjustableClock clock;

    @Inject
    EntityManager em;

    @Inject
    Dispatcher dispatcher;

    @ConfigProperty(name = "kafka.bootstrap.servers")
    String bootstrapServers;

    @Test
    void eventsAreConsumedAndTheNudgePublishedAsTheReminderUser() {
        assertThat(bootstrapServers).isEqualTo(TestInfrastructure.kafkaSaslSsl().orElseThrow().bootstrapServers());
        String roadmap = ReminderTestSupport.publishRoadmap(5, 2, clock);
        UUID id = ReminderTestSupport.activate(roadmap, ReminderTestSupport.PLAN, ReminderTestSupport.today(clock), clock);
        ReminderTestSupport.awaitCount(1, "SELECT count(*) FROM nudge WHERE subscription_id = ?1 AND status = 'PENDING'", id);
        Nudge pending = QuarkusTransaction.requiringNew().call(() -> em.createQuery(
                        "from Nudge where key.subscriptionId = ?1 and status = ?2", Nudge.class)
                .setParameter(1, id).setParameter(2, Nudge.Status.PENDING).getSingleResult());

        try (KafkaTestConsumer nudges = new KafkaTestConsumer(Topics.NUDGE_EVENTS, StrideEvents.CODEC)) {
            ReminderTestSupport.passDue(clock, pending.dueAt);
            dispatcher.dispatchAll("test", Dispatcher.AfterPublish.NOTHING);
            assertThat(nudges.await(KafkaTestConsumer.key(id.toString()), 1, Duration.ofSeconds(20))).hasSize(1);
        }
    }
}
