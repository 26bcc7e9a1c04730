package dev.stride.bench.harness;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The JVM options a service runs with in production, read from the service's own container image definition
 * ({@code src/main/docker/Dockerfile.jvm}, {@code JAVA_OPTS_APPEND}) so the benchmarks run exactly what the image
 * runs. A container's memory limit is what the JVM sizes its heap from; on a bare host {@code -XX:MaxRAM} stands in
 * for it, at the limit the Kubernetes manifests give each service. The image attaches the OpenTelemetry agent (copied by the
 * build to the service's {@code target/otel/}) with its {@code OTEL_*} settings, and exports nothing while no collector is
 * named: so do the benchmarks, whose services are thus traced as in production, with the spans dropped
 * ({@code STRIDE_OTEL_AGENT=off} leaves the agent out).
 */
public final class ProductionJvm {

    /** The memory limit of each service's container in deploy/k8s/base (resources.limits.memory). */
    public static final String CONTAINER_MEMORY = "768m";

    private static final String IMAGE_AGENT_DIR = "/deployments/otel/";

    private ProductionJvm() {
    }

    /** {@code STRIDE_OTEL_AGENT=off}, as for ./stride: the services run without the agent, to measure what it costs. */
    private static boolean agentOff() {
        return "off".equalsIgnoreCase(System.getenv().getOrDefault("STRIDE_OTEL_AGENT", "").trim());
    }

    /**
     * The image's {@code OTEL_*} environment ({@code ENV} lines of the Dockerfile), plus what its entrypoint adds while
     * {@code OTEL_EXPORTER_OTLP_ENDPOINT} is empty: {@code OTEL_TRACES_EXPORTER=none}.
     */
    public static Map<String, String> environment(Path projectDir, String service) {
        if (agentOff()) {
            return Map.of();
        }
        Path dockerfile = projectDir.resolve(service).resolve("src/main/docker/Dockerfile.jvm");
        Map<String, String> environment = new LinkedHashMap<>();
        try {
            Files.readAllLines(dockerfile).stream().filter(l -> l.startsWith("ENV OTEL_"))
                    .flatMap(l -> Arrays.stream(l.substring("ENV ".length()).trim().split("\\s+")))
                    .map(pair -> pair.split("=", 2))
                    .forEach(pair -> environment.put(pair[0], pair.length > 1 ? pair[1].replace("\"", "") : ""));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        if (environment.getOrDefault("OTEL_EXPORTER_OTLP_ENDPOINT", "").isBlank()) {
            environment.put("OTEL_TRACES_EXPORTER", "none");
        }
        return environment;
    }

    public static List<String> options(Path projectDir, String service) {
        Path dockerfile = projectDir.resolve(service).resolve("src/main/docker/Dockerfile.jvm");
        try {
            String line = Files.readAllLines(dockerfile).stream().filter(l -> l.startsWith("ENV JAVA_OPTS_APPEND="))
                    .findFirst().orElseThrow(() -> new IllegalStateException(dockerfile + " sets no JAVA_OPTS_APPEND"));
            String value = line.substring("ENV JAVA_OPTS_APPEND=".length()).replace("\"", "").trim();
            String agentDir = projectDir.resolve(service).resolve("target/otel").toAbsolutePath() + "/";
            List<String> options = new ArrayList<>(Arrays.asList(value.replace(IMAGE_AGENT_DIR, agentDir).split("\\s+")));
            if (agentOff()) {
                options.removeIf(option -> option.startsWith("-javaagent:"));
            }
            options.add("-XX:MaxRAM=" + CONTAINER_MEMORY);
            return options;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
