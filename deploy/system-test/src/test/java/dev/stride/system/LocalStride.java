package dev.stride.system;

import dev.stride.infra.Ports;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Runs README's first command, {@code ./stride}, on free ports with its own data folder, as the system tests need it. */
final class LocalStride {

    static final Path PROJECT = Path.of(System.getProperty("stride.build.dir")).getParent();

    private static final Map<String, String> FLAGS = Map.of("roadmap", "--roadmap-port", "reminder", "--reminder-port", "notifier", "--notifier-port",
            "inbox", "--inbox-port", "smtp", "--smtp-port", "kafka", "--kafka-port", "postgres", "--postgres-port");

    private LocalStride() {
    }

    /** The services, whose health and metrics are on their port + 1000 (the launcher's management ports). */
    static final List<String> SERVICES = List.of("roadmap", "reminder", "notifier");

    /**
     * A free port for every role the launcher listens on, no two alike, and each service's management port
     * ({@code <role>-management}, its port + 1000) among them; all below the ephemeral range, so no connection made
     * meanwhile by an earlier launch or the services takes one before the launcher binds it.
     */
    static Map<String, Integer> freePorts() {
        Map<String, Integer> ports = new LinkedHashMap<>();
        for (String role : List.of("roadmap", "reminder", "notifier", "inbox", "smtp", "kafka", "kafka-controller", "kafka-sasl-ssl", "postgres")) {
            boolean service = SERVICES.contains(role);
            int port;
            do {
                port = Ports.freeBelowEphemeral();
            } while (ports.containsValue(port) || service && (ports.containsValue(port + 1000)
                    || Ports.isListening("127.0.0.1", port + 1000)));
            ports.put(role, port);
            if (service) {
                ports.put(role + "-management", port + 1000);
            }
        }
        return ports;
    }

    /** Where the service serves {@code path} under /q (health, metrics): its management port. */
    static String managementUrl(Map<String, Integer> ports, String service, String path) {
        return "http://127.0.0.1:" + ports.get(service + "-management") + "/q/" + path;
    }

    /** The admin password the local run generated into the data folder (user admin: admin API and demo clock). */
    static String adminPassword(Path dataDir) throws IOException {
        java.util.Properties secrets = new java.util.Properties();
        try (var in = Files.newBufferedReader(dataDir.resolve("secrets.properties"))) {
            secrets.load(in);
        }
        return secrets.getProperty("STRIDE_OPERATORS_ADMIN_PASSWORD");
    }

    /** Starts the launcher; its output (stdout and stderr) goes to {@code output}. Extra environment as NAME=value. */
    static Process launch(Map<String, Integer> ports, Path dataDir, Path output, List<String> env) throws IOException {
        List<String> command = new ArrayList<>(List.of(PROJECT.resolve("stride").toString(), "--data-dir", dataDir.toString()));
        FLAGS.forEach((role, flag) -> command.addAll(List.of(flag, ports.get(role).toString())));
        ProcessBuilder builder = new ProcessBuilder(command).directory(PROJECT.toFile())
                .redirectErrorStream(true).redirectOutput(output.toFile());
        builder.environment().put("STRIDE_KAFKA_CONTROLLER_PORT", ports.get("kafka-controller").toString());
        builder.environment().put("STRIDE_KAFKA_SASL_SSL_PORT", ports.get("kafka-sasl-ssl").toString());
        env.forEach(pair -> builder.environment().put(pair.substring(0, pair.indexOf('=')), pair.substring(pair.indexOf('=') + 1)));
        return builder.start();
    }

    static String read(Path file) throws IOException {
        return Files.exists(file) ? Files.readString(file) : "";
    }
}
