package dev.stride.bench.harness;

import org.junit.jupiter.api.Test;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/** The benchmarks start each service as its image does: the image's JVM options, its agent, its OTEL_* settings. */
class ProductionJvmTest {

    @Test
    void theImagesAgentIsTakenFromTheBuildAndExportsNothingWithoutACollector() {
        Path project = StrideServices.projectDir();
        for (String service : List.of("roadmap-service", "reminder-service", "notifier-service")) {
            List<String> options = ProductionJvm.options(project, service);
            String agent = options.stream().filter(o -> o.startsWith("-javaagent:")).findFirst().orElseThrow();
            assertThat(agent).doesNotContain("/deployments/");
            assertThat(Files.isRegularFile(Path.of(agent.substring("-javaagent:".length())))).as(agent).isTrue();
            assertThat(options).contains("-XX:MaxRAM=" + ProductionJvm.CONTAINER_MEMORY);

            Map<String, String> environment = ProductionJvm.environment(project, service);
            assertThat(environment).containsEntry("OTEL_SERVICE_NAME", service).containsEntry("OTEL_TRACES_EXPORTER", "none")
                    .containsEntry("OTEL_EXPORTER_OTLP_ENDPOINT", "");
        }
    }
}
