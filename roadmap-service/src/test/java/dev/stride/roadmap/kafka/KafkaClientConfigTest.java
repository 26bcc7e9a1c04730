package dev.stride.roadmap.kafka;

import io.quarkus.kafka.client.runtime.KafkaRuntimeConfigProducer;
import io.quarkus.runtime.ApplicationConfig;
import io.smallrye.config.EnvConfigSource;
import io.smallrye.config.PropertiesConfigSource;
import io.smallrye.config.SmallRyeConfig;
import io.smallrye.config.SmallRyeConfigBuilder;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.lang.reflect.Proxy;
import java.util.Map;
import java.util.Optional;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A deployment's {@code KAFKA_*} variables reach every plain client of the service: the service's own
 * application.properties, the variables production sets, and Quarkus's collection of {@code kafka.*} keys, as at runtime.
 */
class KafkaClientConfigTest {

    @Test
    void productionsSecurityVariablesOverrideTheLocalDefaultsForThePlainClients() throws IOException {
        Map<String, Object> config = clientConfig(Map.of(
                "KAFKA_BOOTSTRAP_SERVERS", "stride-kafka-bootstrap:9093",
                "KAFKA_SECURITY_PROTOCOL", "SASL_SSL",
                "KAFKA_SASL_JAAS_CONFIG", "org.apache.kafka.common.security.scram.ScramLoginModule required username=\"roadmap-service\" password=\"p\";",
                "KAFKA_SSL_TRUSTSTORE_LOCATION", "/etc/stride/kafka-ca/ca.p12",
                "KAFKA_SSL_TRUSTSTORE_PASSWORD", "ca-password",
                "KAFKA_SSL_TRUSTSTORE_TYPE", "PKCS12"));

        assertThat(config)
                .containsEntry("bootstrap.servers", "stride-kafka-bootstrap:9093")
                .containsEntry("security.protocol", "SASL_SSL")
                .containsEntry("sasl.mechanism", "SCRAM-SHA-512")
                .containsEntry("sasl.jaas.config", "org.apache.kafka.common.security.scram.ScramLoginModule required username=\"roadmap-service\" password=\"p\";")
                .containsEntry("ssl.truststore.location", "/etc/stride/kafka-ca/ca.p12")
                .containsEntry("ssl.truststore.password", "ca-password")
                .containsEntry("ssl.truststore.type", "PKCS12")
                .doesNotContainKey("group.id");
    }

    @Test
    void locallyTheClientsArePlaintext() throws IOException {
        assertThat(clientConfig(Map.of()))
                .containsEntry("bootstrap.servers", "127.0.0.1:9092")
                .containsEntry("security.protocol", "PLAINTEXT")
                .doesNotContainKey("sasl.jaas.config");
    }

    private static Map<String, Object> clientConfig(Map<String, String> environment) throws IOException {
        SmallRyeConfig config = new SmallRyeConfigBuilder()
                .withSources(new PropertiesConfigSource(KafkaClientConfigTest.class.getResource("/application.properties"), 250))
                .withSources(new EnvConfigSource(environment, 300))
                .build();
        ApplicationConfig application = (ApplicationConfig) Proxy.newProxyInstance(ApplicationConfig.class.getClassLoader(),
                new Class<?>[] {ApplicationConfig.class},
                (proxy, method, args) -> method.getName().equals("name") ? Optional.of("roadmap-service") : Optional.empty());
        return new KafkaClientConfig(new KafkaRuntimeConfigProducer().createKafkaRuntimeConfig(config, application)).copy();
    }
}
