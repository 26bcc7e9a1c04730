package dev.stride.manifests;

import com.fasterxml.jackson.databind.JsonNode;
import io.fabric8.kubernetes.api.model.ConfigMap;
import io.fabric8.kubernetes.api.model.Container;
import io.fabric8.kubernetes.api.model.EnvFromSource;
import io.fabric8.kubernetes.api.model.EnvVar;
import io.fabric8.kubernetes.api.model.Secret;
import io.fabric8.kubernetes.api.model.apps.Deployment;

import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** One overlay as {@code kubectl kustomize} renders it, with typed access to what the checks look at. */
record Rendered(String overlay, List<JsonNode> objects) {

    static Rendered of(String overlay) {
        return new Rendered(overlay, Kustomize.render(overlay));
    }

    List<JsonNode> ofKind(String kind) {
        return objects.stream().filter(object -> object.path("kind").asText().equals(kind)).toList();
    }

    <T> List<T> all(String kind, Class<T> model) {
        return ofKind(kind).stream().map(object -> StrictModel.as(object, model)).toList();
    }

    Optional<JsonNode> find(String kind, String name) {
        return ofKind(kind).stream().filter(object -> object.path("metadata").path("name").asText().equals(name)).findFirst();
    }

    <T> T get(String kind, String name, Class<T> model) {
        return StrictModel.as(find(kind, name).orElseThrow(() -> new AssertionError(overlay + " renders no " + kind + " " + name)), model);
    }

    Deployment deployment(String name) {
        return get("Deployment", name, Deployment.class);
    }

    /** The service's container in its Deployment (named like the service). */
    Container container(String service) {
        return deployment(service).getSpec().getTemplate().getSpec().getContainers().stream()
                .filter(container -> container.getName().equals(service)).findFirst()
                .orElseThrow(() -> new AssertionError(overlay + ": Deployment " + service + " has no container " + service));
    }

    /**
     * The environment the container gets, by variable: the ConfigMaps of its envFrom, then its env (which wins).
     * A value from a Secret is shown as {@code <secret name/key>}, or its value where this overlay renders the Secret.
     */
    Map<String, String> environment(String service) {
        Container container = container(service);
        Map<String, String> environment = new LinkedHashMap<>();
        for (EnvFromSource source : container.getEnvFrom() == null ? List.<EnvFromSource>of() : container.getEnvFrom()) {
            if (source.getConfigMapRef() != null) {
                environment.putAll(configMap(source.getConfigMapRef().getName()).getData());
            }
        }
        for (EnvVar variable : container.getEnv() == null ? List.<EnvVar>of() : container.getEnv()) {
            String value = variable.getValue();
            if (variable.getValueFrom() != null && variable.getValueFrom().getSecretKeyRef() != null) {
                var reference = variable.getValueFrom().getSecretKeyRef();
                value = secretValue(reference.getName(), reference.getKey()).orElse("<" + reference.getName() + "/" + reference.getKey() + ">");
            }
            environment.put(variable.getName(), value);
        }
        return environment;
    }

    ConfigMap configMap(String name) {
        return get("ConfigMap", name, ConfigMap.class);
    }

    Optional<String> secretValue(String name, String key) {
        return find("Secret", name).map(object -> StrictModel.as(object, Secret.class)).map(secret -> {
            if (secret.getStringData() != null && secret.getStringData().containsKey(key)) {
                return secret.getStringData().get(key);
            }
            String encoded = secret.getData() == null ? null : secret.getData().get(key);
            return encoded == null ? null : new String(Base64.getDecoder().decode(encoded), StandardCharsets.UTF_8);
        });
    }

    boolean isProduction() {
        return overlay.startsWith("production");
    }
}
