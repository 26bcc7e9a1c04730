package dev.stride.infra.testing;

import dev.stride.infra.KafkaSaslSsl;
import io.quarkus.test.common.QuarkusTestResourceLifecycleManager;

import java.util.Map;

/**
 * Points a test profile's service at the broker's SASL_SSL listener as one Kafka user ({@code dev.stride.infra.KafkaSaslSsl}),
 * over the PLAINTEXT settings {@link StrideInfraResource} gives every test: list it in the profile's
 * {@code testResources()} with the init argument {@code user} (the service's name, as in {@code KafkaAccess}). It starts after
 * {@link StrideInfraResource} ({@link #order()}), so its {@code kafka.*} keys win.
 */
public class KafkaSaslSslResource implements QuarkusTestResourceLifecycleManager {

    public static final String USER = "user";

    private String user;

    @Override
    public void init(Map<String, String> initArgs) {
        user = initArgs.get(USER);
        if (user == null || user.isBlank()) {
            throw new IllegalArgumentException(KafkaSaslSslResource.class.getSimpleName() + " needs the init argument '" + USER + "'");
        }
    }

    @Override
    public Map<String, String> start() {
        KafkaSaslSsl listener = TestInfrastructure.kafkaSaslSsl().orElseThrow(() -> new IllegalStateException(
                "The SASL_SSL listener belongs to the built-in broker; this test cannot run with Testcontainers or an external broker"));
        listener.useThisBrokersScramServer();
        return listener.serviceConfig(user);
    }

    @Override
    public void stop() {
    }

    @Override
    public int order() {
        return 100;
    }
}
