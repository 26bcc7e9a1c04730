package dev.stride.notifier.messaging;

import dev.stride.infra.testing.StrideInfraResource;
import dev.stride.infra.testing.TestInfrastructure;
import io.quarkus.test.common.TestResourceScope;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.smallrye.reactive.messaging.kafka.KafkaClientService;
import jakarta.inject.Inject;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.ConsumerGroupDescription;
import org.apache.kafka.clients.consumer.CooperativeStickyAssignor;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * Every Kafka consumer of this service is noticed gone within 10 s of a hard kill (not the default 45 s) and
 * rebalances incrementally; read from the running consumers and from the broker's view of the group.
 */
@QuarkusTest
@WithTestResource(value = StrideInfraResource.class, scope = TestResourceScope.GLOBAL)
class KafkaConsumerSettingsTest {

    @Inject
    KafkaClientService clients;

    @Test
    void everyIncomingChannelRejoinsFastAfterAHardKillAndRebalancesCooperatively() {
        assertThat(clients.getConsumerChannels()).contains("nudge-events-in", "subscription-events-in");
        for (String channel : clients.getConsumerChannels()) {
            Map<String, ?> configuration = clients.getConsumer(channel).configuration();
            assertThat(configuration.get("session.timeout.ms")).as(channel).hasToString("10000");
            assertThat(configuration.get("heartbeat.interval.ms")).as(channel).hasToString("3000");
            assertThat(configuration.get("partition.assignment.strategy")).as(channel).hasToString(CooperativeStickyAssignor.class.getName());
        }
    }

    @Test
    void theBrokerRunsTheNotifierGroupWithTheCooperativeStickyAssignor() {
        try (Admin admin = Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, TestInfrastructure.get().kafkaBootstrapServers()))) {
            ConsumerGroupDescription group = await().atMost(Duration.ofSeconds(30)).until(
                    () -> admin.describeConsumerGroups(List.of("notifier-service")).all().get(10, TimeUnit.SECONDS).get("notifier-service"),
                    description -> !description.members().isEmpty() && !description.partitionAssignor().isEmpty());
            assertThat(group.partitionAssignor()).isEqualTo(CooperativeStickyAssignor.COOPERATIVE_STICKY_ASSIGNOR_NAME);
        }
    }
}
