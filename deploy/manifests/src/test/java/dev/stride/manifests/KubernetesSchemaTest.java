package dev.stride.manifests;

import com.fasterxml.jackson.databind.JsonNode;
import dev.stride.contracts.Topics;
import io.fabric8.kubernetes.api.model.LabelSelector;
import io.fabric8.kubernetes.api.model.Secret;
import io.fabric8.kubernetes.api.model.Service;
import io.fabric8.kubernetes.api.model.ServicePort;
import io.fabric8.openshift.api.model.monitoring.v1.Endpoint;
import io.fabric8.openshift.api.model.monitoring.v1.ServiceMonitor;
import io.strimzi.api.kafka.model.kafka.Kafka;
import io.strimzi.api.kafka.model.kafka.listener.GenericKafkaListener;
import io.strimzi.api.kafka.model.nodepool.KafkaNodePool;
import io.strimzi.api.kafka.model.topic.KafkaTopic;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Every overlay renders, and every object it renders is one the API server (with the operators' CRDs) would accept:
 * typed models catch misspelled fields and wrong types, npm's kubernetes-models the missing required fields, and the
 * CRDs without either are checked for the fields their schema requires.
 */
class KubernetesSchemaTest {

    /** Types npm's models do not cover; the Java models and the checks below do. */
    private static final Set<String> NOT_IN_NPM = Set.of("kafka.strimzi.io/v1/Kafka", "kafka.strimzi.io/v1/KafkaNodePool",
            "kafka.strimzi.io/v1/KafkaTopic", "kafka.strimzi.io/v1/KafkaUser", "postgresql.cnpg.io/v1/Cluster");

    static Set<String> overlays() {
        return Kustomize.overlays().keySet();
    }

    @ParameterizedTest
    @MethodSource("overlays")
    void rendersWithKustomize(String overlay) {
        assertThat(Kustomize.render(overlay)).as(overlay + " renders objects").isNotEmpty()
                .allSatisfy(object -> assertThat(object.path("metadata").path("name").asText()).as("every object has a name").isNotBlank());
    }

    @Test
    void everyOverlayFolderIsChecked() {
        assertThat(overlays()).contains("local", "production", "production+without-keda");
    }

    @ParameterizedTest
    @MethodSource("overlays")
    void everyObjectParsesAsItsTypedModel(String overlay) {
        List<String> failures = new ArrayList<>();
        for (JsonNode object : Kustomize.render(overlay)) {
            if (StrictModel.CHECKED_BY_REQUIRED_FIELDS.contains(StrictModel.typeOf(object))) {
                continue;
            }
            try {
                StrictModel.parse(object);
            } catch (AssertionError e) {
                failures.add(e.getMessage());
            }
        }
        assertThat(failures).as(overlay).isEmpty();
    }

    @ParameterizedTest
    @MethodSource("overlays")
    void everyObjectHasTheFieldsItsSchemaRequires(String overlay) {
        List<NpmModels.Verdict> verdicts = NpmModels.validate(Kustomize.render(overlay));
        assertThat(verdicts).as(overlay + ": one verdict per object").hasSize(Kustomize.render(overlay).size());
        assertThat(verdicts).as(overlay + ": npm's kubernetes-models").filteredOn(verdict -> verdict.result().equals("invalid")).isEmpty();
        assertThat(verdicts).filteredOn(verdict -> verdict.result().equals("no-model"))
                .as(overlay + ": types npm has no model for must be ones the CRD checks here cover")
                .allSatisfy(verdict -> assertThat(NOT_IN_NPM).contains(verdict.type()));
    }

    @ParameterizedTest
    @MethodSource("overlays")
    void strimziResourcesHaveWhatTheirCrdsRequire(String overlay) {
        Rendered rendered = Rendered.of(overlay);
        Set<String> clusters = rendered.all("Kafka", Kafka.class).stream().map(kafka -> kafka.getMetadata().getName()).collect(Collectors.toSet());
        for (Kafka kafka : rendered.all("Kafka", Kafka.class)) {
            assertThat(kafka.getSpec()).as("Kafka spec").isNotNull();
            assertThat(kafka.getSpec().getKafka().getListeners()).as("Kafka spec.kafka.listeners").isNotEmpty();
            for (GenericKafkaListener listener : kafka.getSpec().getKafka().getListeners()) {
                assertThat(listener.getName()).as("listener name").matches("[a-z0-9]{1,11}");
                assertThat(listener.getPort()).as("listener port").isBetween(9092, 65535);
                assertThat(listener.getType()).as("listener type").isNotNull();
            }
            assertThat(rendered.all("KafkaNodePool", KafkaNodePool.class)).as("KRaft: node pools of " + kafka.getMetadata().getName())
                    .filteredOn(pool -> kafka.getMetadata().getName().equals(pool.getMetadata().getLabels().get("strimzi.io/cluster")))
                    .extracting(pool -> pool.getSpec().getRoles().toString()).anySatisfy(roles -> assertThat(roles).contains("CONTROLLER"))
                    .anySatisfy(roles -> assertThat(roles).contains("BROKER"));
        }
        for (KafkaNodePool pool : rendered.all("KafkaNodePool", KafkaNodePool.class)) {
            assertThat(pool.getSpec().getReplicas()).as("KafkaNodePool spec.replicas").isPositive();
            assertThat(pool.getSpec().getRoles()).as("KafkaNodePool spec.roles").isNotEmpty();
            assertThat(pool.getSpec().getStorage()).as("KafkaNodePool spec.storage").isNotNull();
            assertThat(clusters).as("KafkaNodePool " + pool.getMetadata().getName() + " belongs to a Kafka")
                    .contains(pool.getMetadata().getLabels().get("strimzi.io/cluster"));
        }
        for (KafkaTopic topic : rendered.all("KafkaTopic", KafkaTopic.class)) {
            assertThat(clusters).as("KafkaTopic " + topic.getMetadata().getName() + " belongs to a Kafka")
                    .contains(topic.getMetadata().getLabels().get("strimzi.io/cluster"));
            assertThat(topic.getSpec().getPartitions()).as("KafkaTopic partitions").isPositive();
            assertThat(topic.getSpec().getReplicas()).as("KafkaTopic replicas").isPositive();
        }
    }

    @Test
    void theLocalKafkaHasEveryTopicAndDeadLetterTopic() {
        Set<String> topics = Rendered.of("local").all("KafkaTopic", KafkaTopic.class).stream()
                .map(topic -> topic.getSpec().getTopicName() != null ? topic.getSpec().getTopicName() : topic.getMetadata().getName())
                .collect(Collectors.toSet());
        assertThat(topics).containsExactlyInAnyOrderElementsOf(Topics.allWithDeadLetters());
    }

    @ParameterizedTest
    @MethodSource("overlays")
    void cloudNativePgClustersHaveWhatTheirCrdRequires(String overlay) {
        Rendered rendered = Rendered.of(overlay);
        for (JsonNode cluster : rendered.ofKind("Cluster")) {
            assertThat(StrictModel.typeOf(cluster)).isEqualTo("postgresql.cnpg.io/v1/Cluster");
            assertThat(StrictModel.metadata(cluster).getName()).isNotBlank();
            JsonNode spec = cluster.path("spec");
            assertThat(spec.path("instances").isInt() && spec.path("instances").asInt() >= 1).as("Cluster spec.instances (required, >= 1)").isTrue();
            assertThat(spec.path("storage").path("size").asText()).as("Cluster spec.storage.size").isNotBlank();
            JsonNode initdb = spec.path("bootstrap").path("initdb");
            assertThat(initdb.path("database").asText()).as("bootstrap.initdb.database").isEqualTo("stride");
            String secretName = initdb.path("secret").path("name").asText();
            Secret owner = rendered.get("Secret", secretName, Secret.class);
            assertThat(owner.getType()).as("initdb's secret is a basic-auth Secret").isEqualTo("kubernetes.io/basic-auth");
            assertThat(rendered.secretValue(secretName, "username")).as("initdb's owner").hasValue(initdb.path("owner").asText());
            assertThat(rendered.secretValue(secretName, "password")).isPresent();
        }
    }

    @ParameterizedTest
    @MethodSource("overlays")
    void scaledObjectsTargetADeploymentWithKafkaOrPrometheusTriggers(String overlay) {
        Rendered rendered = Rendered.of(overlay);
        for (Keda.ScaledObject scaled : rendered.all("ScaledObject", Keda.ScaledObject.class)) {
            assertThat(scaled.spec().scaleTargetRef().name()).as("ScaledObject scaleTargetRef.name").isNotBlank();
            assertThat(rendered.find("Deployment", scaled.spec().scaleTargetRef().name())).as("the Deployment it scales").isPresent();
            assertThat(scaled.spec().triggers()).as("ScaledObject triggers").isNotEmpty()
                    .allSatisfy(trigger -> assertThat(trigger.metadata()).as("trigger metadata").isNotEmpty())
                    .extracting(Keda.Trigger::type).isSubsetOf("kafka", "prometheus");
        }
    }

    @ParameterizedTest
    @MethodSource("overlays")
    void serviceMonitorsScrapeAServicePort(String overlay) {
        Rendered rendered = Rendered.of(overlay);
        for (ServiceMonitor monitor : rendered.all("ServiceMonitor", ServiceMonitor.class)) {
            Service service = selectedService(rendered, monitor.getSpec().getSelector());
            assertThat(monitor.getSpec().getEndpoints()).as("ServiceMonitor endpoints").isNotEmpty();
            for (Endpoint endpoint : monitor.getSpec().getEndpoints()) {
                assertThat(service.getSpec().getPorts()).extracting(ServicePort::getName).as("ports of Service " + service.getMetadata().getName())
                        .contains(endpoint.getPort());
                String scraped = service.getMetadata().getLabels().get("app.kubernetes.io/name");
                assertThat(endpoint.getPath()).isEqualTo(Project.service(scraped).config().metricsPath());
            }
        }
    }

    private static Service selectedService(Rendered rendered, LabelSelector selector) {
        List<Service> matching = rendered.all("Service", Service.class).stream()
                .filter(service -> service.getMetadata().getLabels() != null
                        && service.getMetadata().getLabels().entrySet().containsAll(selector.getMatchLabels().entrySet()))
                .toList();
        assertThat(matching).as("Services selected by " + selector.getMatchLabels()).hasSize(1);
        return matching.get(0);
    }
}
