package dev.stride.manifests;

import com.fasterxml.jackson.databind.JsonNode;
import dev.stride.manifests.Project.StrideService;
import io.fabric8.kubernetes.api.model.autoscaling.v2.HorizontalPodAutoscaler;
import io.strimzi.api.kafka.model.topic.KafkaTopic;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * roadmap-service scales on CPU; the Kafka consumers on their consumer lag (KEDA), or on CPU where KEDA is missing;
 * and no consumer ever scales past the partitions of a topic it reads, where extra replicas would only sit idle.
 */
class AutoscalingTest {

    /** Where an overlay has no KafkaTopic resources, the partitions it assumes, as "topic=partitions,...". */
    static final String PARTITIONS_ANNOTATION = "stride.dev/topic-partitions";

    static Set<String> overlays() {
        return KubernetesSchemaTest.overlays();
    }

    @ParameterizedTest
    @MethodSource("overlays")
    void roadmapServiceScalesOnCpu(String overlay) {
        HorizontalPodAutoscaler autoscaler = Rendered.of(overlay).get("HorizontalPodAutoscaler", "roadmap-service", HorizontalPodAutoscaler.class);
        assertThat(autoscaler.getSpec().getScaleTargetRef().getKind()).isEqualTo("Deployment");
        assertThat(autoscaler.getSpec().getScaleTargetRef().getName()).isEqualTo("roadmap-service");
        assertThat(autoscaler.getSpec().getMetrics()).singleElement()
                .satisfies(metric -> assertThat(metric.getResource().getName()).isEqualTo("cpu"));
        assertThat(autoscaler.getSpec().getMinReplicas()).isLessThanOrEqualTo(autoscaler.getSpec().getMaxReplicas());
    }

    @ParameterizedTest
    @MethodSource("overlays")
    void consumersScaleOnTheLagOfEveryTopicTheyRead(String overlay) {
        Rendered rendered = Rendered.of(overlay);
        for (Keda.ScaledObject scaled : rendered.all("ScaledObject", Keda.ScaledObject.class)) {
            StrideService service = Project.service(scaled.spec().scaleTargetRef().name());
            Map<String, String> groups = service.config().consumedTopicsAndGroups();
            List<Keda.Trigger> lagTriggers = scaled.spec().triggers().stream().filter(trigger -> trigger.type().equals("kafka")).toList();
            assertThat(lagTriggers).extracting(trigger -> trigger.metadata().get("topic"))
                    .as(overlay + ": " + service.name() + " has a lag trigger for each topic it reads").containsExactlyInAnyOrderElementsOf(groups.keySet());
            for (Keda.Trigger trigger : lagTriggers) {
                String topic = trigger.metadata().get("topic");
                assertThat(trigger.metadata()).as(service.name() + " trigger on " + topic)
                        .containsEntry("consumerGroup", groups.get(topic))
                        .containsEntry("bootstrapServersFromEnv", "KAFKA_BOOTSTRAP_SERVERS")
                        .containsKey("lagThreshold");
                assertThat(rendered.environment(service.name())).as("the variable KEDA reads the brokers from").containsKey("KAFKA_BOOTSTRAP_SERVERS");
            }
            assertThat(scaled.spec().minReplicaCount()).as(service.name() + " keeps at least one consumer").isPositive();
            if (rendered.isProduction()) {
                assertThat(scaled.spec().minReplicaCount()).as("production: " + service.name()).isGreaterThanOrEqualTo(2);
            }
        }
    }

    /** In production the dispatcher also scales on its own load, the nudges due in PostgreSQL, read from Prometheus. */
    @Test
    void productionScalesTheDispatcherOnItsDueBacklog() {
        Keda.ScaledObject reminder = Rendered.of("production").get("ScaledObject", "reminder-service", Keda.ScaledObject.class);
        List<Keda.Trigger> backlog = reminder.spec().triggers().stream().filter(trigger -> trigger.type().equals("prometheus")).toList();
        assertThat(backlog).singleElement().satisfies(trigger -> {
            // max, not sum: every replica reports the same global count.
            assertThat(trigger.metadata().get("query")).startsWith("max(stride_nudges_due_backlog");
            assertThat(Integer.parseInt(trigger.metadata().get("threshold"))).isPositive();
            assertThat(trigger.metadata().get("serverAddress")).startsWith("http");
        });
        assertThat(reminder.spec().triggers()).as("the lag triggers stay").anyMatch(trigger -> trigger.type().equals("kafka"));
    }

    @ParameterizedTest
    @MethodSource("overlays")
    void consumersNeverScalePastTheirTopicsPartitions(String overlay) {
        Rendered rendered = Rendered.of(overlay);
        Map<String, Integer> kafkaTopics = rendered.all("KafkaTopic", KafkaTopic.class).stream().collect(Collectors.toMap(
                topic -> topic.getSpec().getTopicName() != null ? topic.getSpec().getTopicName() : topic.getMetadata().getName(),
                topic -> topic.getSpec().getPartitions()));
        for (StrideService service : Project.services()) {
            Map<String, String> consumed = service.config().consumedTopicsAndGroups();
            if (consumed.isEmpty()) {
                continue;
            }
            JsonNode autoscaler = rendered.find("ScaledObject", service.name())
                    .or(() -> rendered.find("HorizontalPodAutoscaler", service.name()))
                    .orElseThrow(() -> new AssertionError(overlay + ": no autoscaler for " + service.name()));
            int maxReplicas = autoscaler.path("spec").path(autoscaler.path("kind").asText().equals("ScaledObject") ? "maxReplicaCount" : "maxReplicas").asInt();
            Map<String, Integer> partitions = kafkaTopics.isEmpty() ? annotatedPartitions(autoscaler) : kafkaTopics;
            for (String topic : consumed.keySet()) {
                assertThat(partitions).as(overlay + ": the partitions of " + topic + " (KafkaTopic resources, or the "
                        + PARTITIONS_ANNOTATION + " annotation of " + StrictModel.describe(autoscaler) + ")").containsKey(topic);
                assertThat(maxReplicas).as(overlay + ": " + StrictModel.describe(autoscaler) + " max replicas, at most the partitions of " + topic)
                        .isLessThanOrEqualTo(partitions.get(topic));
            }
        }
    }

    @Test
    void withoutKedaEveryServiceScalesOnCpu() {
        Rendered rendered = Rendered.of("production+without-keda");
        assertThat(rendered.ofKind("ScaledObject")).isEmpty();
        for (String service : Project.SERVICE_NAMES) {
            HorizontalPodAutoscaler autoscaler = rendered.get("HorizontalPodAutoscaler", service, HorizontalPodAutoscaler.class);
            assertThat(autoscaler.getSpec().getScaleTargetRef().getName()).isEqualTo(service);
            assertThat(autoscaler.getMetadata().getNamespace()).isEqualTo("stride");
            assertThat(autoscaler.getSpec().getMinReplicas()).as("production: " + service).isGreaterThanOrEqualTo(2);
        }
    }

    private static Map<String, Integer> annotatedPartitions(JsonNode autoscaler) {
        Map<String, Integer> partitions = new HashMap<>();
        String annotation = autoscaler.path("metadata").path("annotations").path(PARTITIONS_ANNOTATION).asText("");
        for (String entry : annotation.split(",")) {
            String[] topicAndCount = entry.trim().split("=");
            if (topicAndCount.length == 2) {
                partitions.put(topicAndCount[0].trim(), Integer.parseInt(topicAndCount[1].trim()));
            }
        }
        return partitions;
    }
}
