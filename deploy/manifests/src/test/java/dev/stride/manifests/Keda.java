package dev.stride.manifests;

import com.fasterxml.jackson.databind.JsonNode;
import io.fabric8.kubernetes.api.model.ObjectMeta;

import java.util.List;
import java.util.Map;

/**
 * KEDA's resources (keda.sh/v1alpha1) as typed records, fields as KEDA's CRDs name them. No Java model of KEDA is
 * published, and npm's models check required fields, not spelling: these records do the spelling.
 */
final class Keda {

    private Keda() {
    }

    record ScaledObject(String apiVersion, String kind, ObjectMeta metadata, ScaledObjectSpec spec) {
    }

    record ScaledObjectSpec(ScaleTargetRef scaleTargetRef, Integer pollingInterval, Integer cooldownPeriod,
                            Integer initialCooldownPeriod, Integer idleReplicaCount, Integer minReplicaCount,
                            Integer maxReplicaCount, JsonNode advanced, JsonNode fallback, List<Trigger> triggers) {
    }

    record ScaleTargetRef(String apiVersion, String kind, String name, String envSourceContainerName) {
    }

    record Trigger(String type, String name, Map<String, String> metadata, AuthenticationRef authenticationRef,
                   String metricType, Boolean useCachedMetrics) {
    }

    record AuthenticationRef(String name, String kind) {
    }

    record TriggerAuthentication(String apiVersion, String kind, ObjectMeta metadata, TriggerAuthenticationSpec spec) {
    }

    record TriggerAuthenticationSpec(List<SecretTargetRef> secretTargetRef, List<EnvTarget> env, JsonNode podIdentity,
                                     JsonNode hashiCorpVault, JsonNode azureKeyVault, JsonNode gcpSecretManager,
                                     JsonNode awsSecretManager, List<ConfigMapTargetRef> configMapTargetRef, JsonNode boundServiceAccountToken) {
    }

    record SecretTargetRef(String parameter, String name, String key) {
    }

    record ConfigMapTargetRef(String parameter, String name, String key) {
    }

    record EnvTarget(String parameter, String name, String containerName) {
    }
}
