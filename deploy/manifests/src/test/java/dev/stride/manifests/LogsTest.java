package dev.stride.manifests;

import dev.stride.manifests.Project.StrideService;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

import java.util.HashMap;
import java.util.Map;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Logs: one JSON object a line wherever the services run as containers (the image, docker compose, every overlay), with
 * the MDC ids in it; human-readable where a person runs them (the local run, dev, tests), with the MDC on the line too.
 */
class LogsTest {

    static final String JSON_ENABLED = "quarkus.log.console.json.enabled";

    static Set<String> overlays() {
        return KubernetesSchemaTest.overlays();
    }

    @Test
    void servicesLogHumanReadableLinesUnlessToldOtherwiseAndShowTheMdc() {
        for (StrideService service : Project.services()) {
            assertThat(service.config().prodValue(JSON_ENABLED)).as(service.name() + ": " + JSON_ENABLED + " by default").contains("false");
            for (String profile : service.config().profiles()) {
                assertThat(service.config().profileValue(profile, JSON_ENABLED).orElse("false"))
                        .as(service.name() + ": no profile turns JSON on for a person running it (%" + profile + ")").isEqualTo("false");
            }
            assertThat(service.config().prodValue("quarkus.log.console.format")).as(service.name() + ": the line shows the MDC")
                    .hasValueSatisfying(format -> assertThat(format).contains("%X"));
            assertThat(service.config().prodValue("quarkus.log.console.json.excluded-keys").orElse(""))
                    .as(service.name() + ": the JSON keeps the MDC").doesNotContain("mdc");
            assertThat(service.config().prodValue("quarkus.log.console.json.additional-field.service.value"))
                    .as(service.name() + ": each JSON line names its service").contains("${quarkus.application.name}");
        }
    }

    @Test
    void theImagesLogJson() {
        for (StrideService service : Project.services()) {
            Map<String, String> image = Dockerfile.read(service.dockerfile()).environment();
            assertThat(service.config().effectiveValue(JSON_ENABLED, image)).as(service.name() + ": its image logs JSON").contains("true");
        }
    }

    @ParameterizedTest
    @MethodSource("overlays")
    void everyDeploymentLogsJson(String overlay) {
        Rendered rendered = Rendered.of(overlay);
        for (StrideService service : Project.services()) {
            Map<String, String> environment = new HashMap<>(Dockerfile.read(service.dockerfile()).environment());
            environment.putAll(rendered.environment(service.name()));
            assertThat(service.config().effectiveValue(JSON_ENABLED, environment)).as(overlay + ": " + service.name() + " logs JSON")
                    .contains("true");
            assertThat(rendered.environment(service.name())).as(overlay + ": " + service.name() + " says so itself, not only through its image")
                    .containsEntry(ServiceConfig.environmentName(JSON_ENABLED), "true");
        }
    }
}
