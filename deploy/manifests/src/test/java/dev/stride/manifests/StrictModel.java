package dev.stride.manifests;

import com.fasterxml.jackson.databind.BeanDescription;
import com.fasterxml.jackson.databind.DeserializationConfig;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.deser.BeanDeserializerBuilder;
import com.fasterxml.jackson.databind.deser.BeanDeserializerModifier;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.databind.module.SimpleModule;
import io.fabric8.kubernetes.api.model.ConfigMap;
import io.fabric8.kubernetes.api.model.Namespace;
import io.fabric8.kubernetes.api.model.ObjectMeta;
import io.fabric8.kubernetes.api.model.Secret;
import io.fabric8.kubernetes.api.model.Service;
import io.fabric8.kubernetes.api.model.ServiceAccount;
import io.fabric8.kubernetes.api.model.apps.Deployment;
import io.fabric8.kubernetes.api.model.autoscaling.v2.HorizontalPodAutoscaler;
import io.fabric8.kubernetes.api.model.networking.v1.Ingress;
import io.fabric8.kubernetes.api.model.networking.v1.NetworkPolicy;
import io.fabric8.kubernetes.api.model.policy.v1.PodDisruptionBudget;
import io.fabric8.openshift.api.model.monitoring.v1.PrometheusRule;
import io.fabric8.openshift.api.model.monitoring.v1.ServiceMonitor;
import io.strimzi.api.kafka.model.kafka.Kafka;
import io.strimzi.api.kafka.model.nodepool.KafkaNodePool;
import io.strimzi.api.kafka.model.topic.KafkaTopic;
import io.strimzi.api.kafka.model.user.KafkaUser;

import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Rendered objects as typed model classes that refuse what the API server would not store: a misspelled field or
 * a value of the wrong type fails to parse. The fabric8 and Strimzi classes keep unknown fields in an
 * "additionalProperties" map; this mapper removes that catch-all, so unknown fields fail instead.
 */
final class StrictModel {

    static final ObjectMapper MAPPER = JsonMapper.builder()
            .enable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
            .addModule(new SimpleModule("strict").setDeserializerModifier(new BeanDeserializerModifier() {
                @Override
                public BeanDeserializerBuilder updateBuilder(DeserializationConfig config, BeanDescription description,
                                                             BeanDeserializerBuilder builder) {
                    builder.setAnySetter(null);
                    builder.setIgnoreUnknownProperties(false);
                    return builder;
                }
            }))
            .build();

    /** apiVersion/kind → model class, for every kind the manifests use; KEDA's come from {@link Keda}. */
    private static final Map<String, Class<?>> MODELS = Map.ofEntries(
            Map.entry("v1/Namespace", Namespace.class),
            Map.entry("v1/ServiceAccount", ServiceAccount.class),
            Map.entry("v1/ConfigMap", ConfigMap.class),
            Map.entry("v1/Secret", Secret.class),
            Map.entry("v1/Service", Service.class),
            Map.entry("apps/v1/Deployment", Deployment.class),
            Map.entry("policy/v1/PodDisruptionBudget", PodDisruptionBudget.class),
            Map.entry("autoscaling/v2/HorizontalPodAutoscaler", HorizontalPodAutoscaler.class),
            Map.entry("networking.k8s.io/v1/NetworkPolicy", NetworkPolicy.class),
            Map.entry("networking.k8s.io/v1/Ingress", Ingress.class),
            Map.entry("monitoring.coreos.com/v1/ServiceMonitor", ServiceMonitor.class),
            Map.entry("monitoring.coreos.com/v1/PrometheusRule", PrometheusRule.class),
            Map.entry("kafka.strimzi.io/v1/Kafka", Kafka.class),
            Map.entry("kafka.strimzi.io/v1/KafkaNodePool", KafkaNodePool.class),
            Map.entry("kafka.strimzi.io/v1/KafkaTopic", KafkaTopic.class),
            Map.entry("kafka.strimzi.io/v1/KafkaUser", KafkaUser.class),
            Map.entry("keda.sh/v1alpha1/ScaledObject", Keda.ScaledObject.class),
            Map.entry("keda.sh/v1alpha1/TriggerAuthentication", Keda.TriggerAuthentication.class));

    /** Kinds without a Java model: their CRD's required fields are checked by hand (see KubernetesSchemaTest). */
    static final List<String> CHECKED_BY_REQUIRED_FIELDS = List.of("postgresql.cnpg.io/v1/Cluster");

    private StrictModel() {
    }

    static String typeOf(JsonNode object) {
        return object.path("apiVersion").asText() + "/" + object.path("kind").asText();
    }

    static String describe(JsonNode object) {
        return object.path("kind").asText() + " " + object.path("metadata").path("name").asText();
    }

    static Optional<Class<?>> modelOf(JsonNode object) {
        return Optional.ofNullable(MODELS.get(typeOf(object)));
    }

    /** The object as its model class; fails naming the object and the offending field. */
    static Object parse(JsonNode object) {
        Class<?> model = modelOf(object).orElseThrow(() -> new AssertionError("No model class for " + typeOf(object)
                + " (" + describe(object) + "): add one to StrictModel, or a required-field check for it"));
        return as(object, model);
    }

    static <T> T as(JsonNode object, Class<T> model) {
        try {
            return MAPPER.treeToValue(object, model);
        } catch (Exception e) {
            throw new AssertionError(describe(object) + " is not a valid " + typeOf(object) + ": " + e.getMessage(), e);
        }
    }

    static ObjectMeta metadata(JsonNode object) {
        return as(object.path("metadata"), ObjectMeta.class);
    }
}
