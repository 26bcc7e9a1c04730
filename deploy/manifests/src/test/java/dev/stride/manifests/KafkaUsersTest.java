package dev.stride.manifests;

import com.fasterxml.jackson.databind.JsonNode;
import dev.stride.contracts.kafka.KafkaAccess;
import io.fabric8.kubernetes.api.model.EnvVar;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Production's Kafka users (Strimzi {@code KafkaUser}) are the ones {@link KafkaAccess} says, with exactly its ACLs, and each
 * service connects over SASL_SSL as its own user with the cluster CA as truststore.
 */
class KafkaUsersTest {

    static final String CLUSTER_CA_SECRET = "stride-kafka-cluster-ca-cert";

    /** Secrets the Strimzi operators write: each KafkaUser's (named after it) and the cluster CA certificate's. */
    static boolean generatedByStrimzi(Rendered rendered, String secret) {
        return secret.equals(CLUSTER_CA_SECRET) || rendered.find("KafkaUser", secret).isPresent();
    }

    @ParameterizedTest
    @ValueSource(strings = {"production", "production+without-keda"})
    void everyServiceHasItsOwnUserWithExactlyTheAclsOfKafkaAccess(String overlay) {
        Rendered rendered = Rendered.of(overlay);
        assertThat(rendered.ofKind("KafkaUser")).extracting(user -> user.path("metadata").path("name").asText())
                .containsExactlyInAnyOrderElementsOf(KafkaAccess.ALL.stream().map(KafkaAccess::user).toList());
        for (KafkaAccess access : KafkaAccess.ALL) {
            JsonNode user = rendered.find("KafkaUser", access.user()).orElseThrow();
            assertThat(user.path("metadata").path("labels").path("strimzi.io/cluster").asText()).isEqualTo("stride-kafka");
            assertThat(user.path("spec").path("authentication").path("type").asText()).isEqualTo("scram-sha-512");
            assertThat(user.path("spec").path("authorization").path("type").asText()).isEqualTo("simple");
            Set<String> acls = new TreeSet<>();
            for (JsonNode rule : user.path("spec").path("authorization").path("acls")) {
                assertThat(rule.path("type").asText("allow")).isEqualTo("allow");
                assertThat(rule.path("resource").path("patternType").asText()).as("literal names only").isEqualTo("literal");
                for (JsonNode operation : rule.path("operations")) {
                    acls.add(rule.path("resource").path("type").asText() + ":" + rule.path("resource").path("name").asText() + ":" + operation.asText());
                }
            }
            assertThat(acls).as(access.user() + "'s ACLs").isEqualTo(expected(access));
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {"production", "production+without-keda"})
    void everyServiceConnectsOverSaslSslAsItsOwnUser(String overlay) {
        Rendered rendered = Rendered.of(overlay);
        for (KafkaAccess access : KafkaAccess.ALL) {
            Map<String, String> environment = rendered.environment(access.user());
            assertThat(environment).as(access.user()).containsEntry("KAFKA_SECURITY_PROTOCOL", "SASL_SSL")
                    .containsEntry("KAFKA_SASL_MECHANISM", "SCRAM-SHA-512").containsEntry("KAFKA_SSL_TRUSTSTORE_TYPE", "PKCS12")
                    .containsEntry("KAFKA_SSL_TRUSTSTORE_LOCATION", "/etc/stride/kafka-ca/ca.p12");
            EnvVar jaas = rendered.container(access.user()).getEnv().stream().filter(v -> v.getName().equals("KAFKA_SASL_JAAS_CONFIG"))
                    .findFirst().orElseThrow();
            assertThat(jaas.getValueFrom().getSecretKeyRef().getName()).as(access.user() + " logs in as itself").isEqualTo(access.user());
            assertThat(jaas.getValueFrom().getSecretKeyRef().getKey()).isEqualTo("sasl.jaas.config");
            EnvVar truststorePassword = rendered.container(access.user()).getEnv().stream()
                    .filter(v -> v.getName().equals("KAFKA_SSL_TRUSTSTORE_PASSWORD")).findFirst().orElseThrow();
            assertThat(truststorePassword.getValueFrom().getSecretKeyRef().getName()).isEqualTo(CLUSTER_CA_SECRET);
            assertThat(rendered.deployment(access.user()).getSpec().getTemplate().getSpec().getVolumes())
                    .anySatisfy(volume -> assertThat(volume.getSecret().getSecretName()).isEqualTo(CLUSTER_CA_SECRET));
            assertThat(rendered.container(access.user()).getVolumeMounts())
                    .anySatisfy(mount -> assertThat(mount.getMountPath()).isEqualTo("/etc/stride/kafka-ca"));
        }
    }

    private static Set<String> expected(KafkaAccess access) {
        Set<String> acls = new TreeSet<>();
        access.reads().forEach(topic -> acls.addAll(Set.of("topic:" + topic + ":Read", "topic:" + topic + ":Describe")));
        access.writes().forEach(topic -> acls.addAll(Set.of("topic:" + topic + ":Write", "topic:" + topic + ":Describe")));
        access.groups().forEach(group -> acls.addAll(Set.of("group:" + group + ":Read", "group:" + group + ":Describe")));
        return acls;
    }
}
