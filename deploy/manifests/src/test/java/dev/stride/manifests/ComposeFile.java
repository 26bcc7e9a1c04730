package dev.stride.manifests;

import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.dataformat.yaml.YAMLMapper;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

/**
 * docker-compose.yml as typed records: the Compose keys this project uses, in the one form it writes each of them
 * (environment and depends_on as maps, healthcheck tests as lists). A misspelled or unexpected key fails to parse;
 * a key Compose knows but this file does not use yet must be added here first.
 */
record ComposeFile(String name, Map<String, Service> services, Map<String, Object> volumes) {

    private static final YAMLMapper YAML = YAMLMapper.builder().enable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES).build();

    static ComposeFile read(Path file) {
        try {
            return YAML.readValue(file.toFile(), ComposeFile.class);
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot read " + file + " as a Compose file: " + e.getMessage(), e);
        }
    }

    record Service(String image, Build build, String hostname, List<String> ports, Map<String, String> environment,
                   List<String> volumes, Healthcheck healthcheck, @JsonProperty("depends_on") Map<String, Dependency> dependsOn,
                   List<String> entrypoint, List<String> command, String restart, String user,
                   @JsonProperty("read_only") Boolean readOnly, List<String> tmpfs,
                   @JsonProperty("cap_drop") List<String> capDrop, @JsonProperty("security_opt") List<String> securityOpt,
                   @JsonProperty("stop_grace_period") String stopGracePeriod, @JsonProperty("network_mode") String networkMode) {

        Map<String, String> environmentOrEmpty() {
            return environment == null ? Map.of() : environment;
        }
    }

    record Build(String context, String dockerfile) {
    }

    record Healthcheck(List<String> test, String interval, String timeout, Integer retries,
                       @JsonProperty("start_period") String startPeriod, @JsonProperty("start_interval") String startInterval) {
    }

    record Dependency(String condition, Boolean restart, Boolean required) {
    }
}
