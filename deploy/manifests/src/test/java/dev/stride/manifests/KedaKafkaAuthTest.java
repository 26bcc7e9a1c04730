package dev.stride.manifests;

import com.fasterxml.jackson.databind.JsonNode;
import io.fabric8.kubernetes.api.model.EnvVar;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * With ACLs on, KEDA's Kafka scaler reads consumer-group lag only when it logs in: in production every Kafka trigger
 * names a TriggerAuthentication that logs in as the same Kafka user as the service it scales, with SCRAM-SHA-512 over TLS
 * and the cluster CA, and that user may describe the trigger's topic and consumer group.
 */
class KedaKafkaAuthTest {

    @Test
    void everyKafkaTriggerLogsInAsTheServicesOwnUserOverSaslSsl() {
        Rendered rendered = Rendered.of("production");
        List<Keda.Trigger> checked = new ArrayList<>();
        for (Keda.ScaledObject scaled : rendered.all("ScaledObject", Keda.ScaledObject.class)) {
            String service = scaled.spec().scaleTargetRef().name();
            String user = ownKafkaUser(rendered, service);
            for (Keda.Trigger trigger : scaled.spec().triggers()) {
                if (!trigger.type().equals("kafka")) {
                    continue;
                }
                String what = service + "'s trigger on " + trigger.metadata().get("topic");
                assertThat(trigger.authenticationRef()).as(what + " has an authenticationRef").isNotNull();
                assertThat(Optional.ofNullable(trigger.authenticationRef().kind()).orElse("TriggerAuthentication"))
                        .as(what + ": a TriggerAuthentication in the namespace").isEqualTo("TriggerAuthentication");
                Keda.TriggerAuthentication authentication = rendered.get("TriggerAuthentication", trigger.authenticationRef().name(),
                        Keda.TriggerAuthentication.class);
                assertThat(trigger.metadata()).as(what + ": SASL mechanism and TLS (KEDA's kafka scaler parameters)")
                        .containsEntry("sasl", "scram_sha512").containsEntry("tls", "enable");
                assertLogsInAs(rendered, authentication, user, what);
                assertMayDescribe(rendered, user, "topic", trigger.metadata().get("topic"), what);
                assertMayDescribe(rendered, user, "group", trigger.metadata().get("consumerGroup"), what);
                checked.add(trigger);
            }
        }
        assertThat(checked).as("production scales consumers on Kafka lag").isNotEmpty();
    }

    @Test
    void withoutKedaNothingIsLeftForKedaToRead() {
        Rendered rendered = Rendered.of("production+without-keda");
        assertThat(rendered.ofKind("TriggerAuthentication")).isEmpty();
        assertThat(rendered.find("ConfigMap", "kafka-scaler-users")).isEmpty();
    }

    /** The Kafka user the service itself logs in as: the Secret its KAFKA_SASL_JAAS_CONFIG comes from (KafkaUsersTest). */
    private static String ownKafkaUser(Rendered rendered, String service) {
        EnvVar jaas = rendered.container(service).getEnv().stream().filter(v -> v.getName().equals("KAFKA_SASL_JAAS_CONFIG"))
                .findFirst().orElseThrow(() -> new AssertionError(service + " has no KAFKA_SASL_JAAS_CONFIG"));
        String user = jaas.getValueFrom().getSecretKeyRef().getName();
        JsonNode kafkaUser = rendered.find("KafkaUser", user).orElseThrow(() -> new AssertionError("no KafkaUser " + user));
        assertThat(kafkaUser.path("spec").path("authentication").path("type").asText()).as("KafkaUser " + user).isEqualTo("scram-sha-512");
        return user;
    }

    private static void assertLogsInAs(Rendered rendered, Keda.TriggerAuthentication authentication, String user, String what) {
        String name = "TriggerAuthentication " + authentication.metadata().getName() + " (" + what + ")";
        List<Keda.SecretTargetRef> secrets = Optional.ofNullable(authentication.spec().secretTargetRef()).orElse(List.of());
        List<Keda.ConfigMapTargetRef> configMaps = Optional.ofNullable(authentication.spec().configMapTargetRef()).orElse(List.of());
        assertThat(authentication.spec().env()).as(name + ": nothing from the container's environment").isNullOrEmpty();
        assertThat(parameters(secrets, configMaps)).as(name + ": sasl and tls stay on the trigger, where they are checked")
                .doesNotContain("sasl", "tls");

        Keda.ConfigMapTargetRef username = configMaps.stream().filter(ref -> ref.parameter().equals("username")).findFirst()
                .orElseThrow(() -> new AssertionError(name + " takes no username from a ConfigMap (Strimzi's Secret has none)"));
        assertThat(rendered.configMap(username.name()).getData()).as(name + ": the username").containsEntry(username.key(), user);

        Keda.SecretTargetRef password = secret(secrets, "password", name);
        assertThat(password.name()).as(name + ": the password of the user the service logs in as").isEqualTo(user);
        assertThat(password.key()).as("the key Strimzi's User Operator writes the password to").isEqualTo("password");

        Keda.SecretTargetRef ca = secret(secrets, "ca", name);
        assertThat(ca.name()).as(name + ": the cluster CA").isEqualTo(KafkaUsersTest.CLUSTER_CA_SECRET);
        assertThat(ca.key()).as(name + ": KEDA reads the CA as PEM").isEqualTo("ca.crt");
        secrets.forEach(ref -> assertThat(KafkaUsersTest.generatedByStrimzi(rendered, ref.name()))
                .as(name + ": Secret " + ref.name() + " is one Strimzi writes").isTrue());
    }

    private static Keda.SecretTargetRef secret(List<Keda.SecretTargetRef> secrets, String parameter, String name) {
        return secrets.stream().filter(ref -> ref.parameter().equals(parameter)).findFirst()
                .orElseThrow(() -> new AssertionError(name + " takes no " + parameter + " from a Secret"));
    }

    private static Set<String> parameters(List<Keda.SecretTargetRef> secrets, List<Keda.ConfigMapTargetRef> configMaps) {
        Set<String> parameters = new HashSet<>();
        secrets.forEach(ref -> parameters.add(ref.parameter()));
        configMaps.forEach(ref -> parameters.add(ref.parameter()));
        return parameters;
    }

    /** The lag check describes the topic (metadata, end offsets) and the group (committed offsets). */
    private static void assertMayDescribe(Rendered rendered, String user, String type, String resource, String what) {
        Set<String> allowed = new HashSet<>();
        for (JsonNode rule : rendered.find("KafkaUser", user).orElseThrow().path("spec").path("authorization").path("acls")) {
            if (rule.path("resource").path("type").asText().equals(type) && rule.path("resource").path("name").asText().equals(resource)) {
                rule.path("operations").forEach(operation -> allowed.add(operation.asText()));
            }
        }
        assertThat(allowed).as(what + ": KafkaUser " + user + " may describe " + type + " " + resource).contains("Describe");
    }
}
