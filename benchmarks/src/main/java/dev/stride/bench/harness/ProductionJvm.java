package dev.stride.bench.harness;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * The JVM options a service runs with in production, read from the service's own container image definition
 * ({@code src/main/docker/Dockerfile.jvm}, {@code JAVA_OPTS_APPEND}) so the benchmarks run exactly what the image
 * runs. A container's memory limit is what the JVM sizes its heap from; on a bare host {@code -XX:MaxRAM} stands in
 * for it, at the limit the Kubernetes manifests give each service.
 */
public final class ProductionJvm {

    /** The memory limit of each service's container in deploy/k8s/base (resources.limits.memory). */
    public static final String CONTAINER_MEMORY = "768m";

    private ProductionJvm() {
    }

    public static List<String> options(Path projectDir, String service) {
        Path dockerfile = projectDir.resolve(service).resolve("src/main/docker/Dockerfile.jvm");
        try {
            String line = Files.readAllLines(dockerfile).stream().filter(l -> l.startsWith("ENV JAVA_OPTS_APPEND="))
                    .findFirst().orElseThrow(() -> new IllegalStateException(dockerfile + " sets no JAVA_OPTS_APPEND"));
            String value = line.substring("ENV JAVA_OPTS_APPEND=".length()).replace("\"", "").trim();
            List<String> options = new ArrayList<>(Arrays.asList(value.split("\\s+")));
            options.add("-XX:MaxRAM=" + CONTAINER_MEMORY);
            return options;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
