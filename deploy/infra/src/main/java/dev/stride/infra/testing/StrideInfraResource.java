package dev.stride.infra.testing;

import io.quarkus.test.common.QuarkusTestResourceLifecycleManager;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Points a {@code @QuarkusTest} at the real Kafka, PostgreSQL and SMTP server of this test JVM
 * ({@link TestInfrastructure}). Register it once per module with
 * {@code @WithTestResource(value = StrideInfraResource.class, scope = TestResourceScope.GLOBAL)}.
 * Stopping is left to the JVM's exit, so every profile restart reuses the same servers.
 */
public class StrideInfraResource implements QuarkusTestResourceLifecycleManager {

    @Override
    public Map<String, String> start() {
        Map<String, String> config = new LinkedHashMap<>(TestInfrastructure.get().serviceConfig());
        config.put("stride.test.inbox-url", TestInfrastructure.get().inbox().webUrl());
        return config;
    }

    @Override
    public void stop() {
    }
}
