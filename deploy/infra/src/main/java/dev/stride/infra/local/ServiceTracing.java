package dev.stride.infra.local;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * How a service process is traced: the OpenTelemetry Java agent (fetched by this module's build into
 * {@code deploy/infra/target/otel}) attached with {@code -javaagent}, and its settings as {@code OTEL_*} variables.
 * Spans go by OTLP/HTTP to {@code endpoint}; without one the agent still runs (so trace ids reach the logs) but
 * exports nothing. Agent metrics and logs stay off: Micrometer serves metrics, the log file the logs.
 *
 * @param agent    the agent jar, empty when it is not there (tracing off) or switched off with {@code STRIDE_OTEL_AGENT=off}
 * @param endpoint OTLP/HTTP base URL ({@code OTEL_EXPORTER_OTLP_ENDPOINT} from the launcher's environment wins over the local receiver)
 */
public record ServiceTracing(Optional<Path> agent, Optional<String> endpoint) {

    public static final String AGENT_JAR = "deploy/infra/target/otel/opentelemetry-javaagent.jar";

    public static ServiceTracing of(Path projectDir, Optional<String> localReceiver, Map<String, String> env) {
        Path jar = projectDir.resolve(AGENT_JAR);
        boolean off = "off".equalsIgnoreCase(env.getOrDefault("STRIDE_OTEL_AGENT", "").trim());
        Optional<String> configured = Optional.ofNullable(env.get("OTEL_EXPORTER_OTLP_ENDPOINT")).filter(url -> !url.isBlank());
        return new ServiceTracing(off || !Files.isRegularFile(jar) ? Optional.empty() : Optional.of(jar.toAbsolutePath()),
                configured.or(() -> localReceiver));
    }

    public List<String> jvmOptions() {
        return agent.map(jar -> List.of("-javaagent:" + jar)).orElse(List.of());
    }

    /** The agent's settings for the service {@code name}; nothing when the agent is not attached. */
    public Map<String, String> environment(String name) {
        Map<String, String> env = new LinkedHashMap<>();
        if (agent.isEmpty()) {
            return env;
        }
        env.put("OTEL_SERVICE_NAME", name);
        env.put("OTEL_TRACES_EXPORTER", endpoint.isPresent() ? "otlp" : "none");
        endpoint.ifPresent(url -> {
            env.put("OTEL_EXPORTER_OTLP_ENDPOINT", url);
            env.put("OTEL_EXPORTER_OTLP_PROTOCOL", "http/protobuf");
        });
        env.put("OTEL_METRICS_EXPORTER", "none");
        env.put("OTEL_LOGS_EXPORTER", "none");
        env.put("OTEL_INSTRUMENTATION_MICROMETER_ENABLED", "false");
        // A span is exported within a second of its end, so the local trace file follows what a person just did.
        env.put("OTEL_BSP_SCHEDULE_DELAY", "1000");
        return env;
    }
}
