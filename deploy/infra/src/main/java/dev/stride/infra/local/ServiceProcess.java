package dev.stride.infra.local;

import dev.stride.infra.InfrastructureException;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * One Stride service run from its Quarkus fast-jar as a child process, its output in a log file. The launcher
 * uses it, and so do the benchmarks and fault tests, which run the services as production does: separate JVMs.
 * Each listens on loopback on two ports: {@link #port()} for HTTP, {@link #managementPort()} for health and metrics
 * (the Quarkus management interface).
 */
public final class ServiceProcess {

    private static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();

    private final String name;
    private final int port;
    private final int managementPort;
    private final Path log;
    private final Process process;
    private final long startedNanos = System.nanoTime();

    private ServiceProcess(String name, int port, int managementPort, Path log, Process process) {
        this.name = name;
        this.port = port;
        this.managementPort = managementPort;
        this.log = log;
        this.process = process;
    }

    /** The local run's JVM options: quick start-up over peak throughput (STRIDE_SERVICE_JAVA_OPTS overrides them). */
    static ServiceProcess start(String name, Path jar, int port, int managementPort, Map<String, String> environment, Path log,
                                ServiceTracing tracing) {
        String javaOpts = System.getenv().getOrDefault("STRIDE_SERVICE_JAVA_OPTS", "-Xmx384m -XX:+UseSerialGC -XX:TieredStopAtLevel=1");
        List<String> jvmOptions = new ArrayList<>(tracing.jvmOptions());
        jvmOptions.addAll(List.of(javaOpts.trim().split("\\s+")));
        Map<String, String> traced = new LinkedHashMap<>(environment);
        traced.putAll(tracing.environment(name));
        return start(name, jar, port, managementPort, traced, log, jvmOptions);
    }

    public static ServiceProcess start(String name, Path jar, int port, int managementPort, Map<String, String> environment, Path log,
                                       List<String> jvmOptions) {
        if (!Files.isRegularFile(jar)) {
            throw new InfrastructureException(name + " is not built (" + jar + " is missing). Run ./stride without --no-build, "
                    + "or build with ./mvnw -DskipTests install.");
        }
        List<String> command = new ArrayList<>();
        command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
        command.addAll(jvmOptions);
        command.add("-jar");
        command.add(jar.toString());
        return launch(name, command, jar.getParent(), port, managementPort, environment, log);
    }

    /** Runs {@code command} in {@code workDir} as the service {@code name} (the tests run stand-ins this way). */
    static ServiceProcess launch(String name, List<String> command, Path workDir, int port, int managementPort, Map<String, String> environment,
                                 Path log) {
        ProcessBuilder builder = new ProcessBuilder(command)
                .directory(workDir.toFile())
                .redirectErrorStream(true)
                .redirectOutput(ProcessBuilder.Redirect.appendTo(log.toFile()));
        builder.environment().putAll(environment);
        builder.environment().put("QUARKUS_HTTP_PORT", Integer.toString(port));
        builder.environment().put("QUARKUS_MANAGEMENT_PORT", Integer.toString(managementPort));
        try {
            Files.createDirectories(log.getParent());
            return new ServiceProcess(name, port, managementPort, log, builder.start());
        } catch (IOException e) {
            throw new InfrastructureException("Could not start " + name + ": " + e.getMessage(), e);
        }
    }

    public String name() {
        return name;
    }

    public int port() {
        return port;
    }

    /** Health ({@code /q/health}) and metrics ({@code /q/metrics}) are here, not on {@link #port()}. */
    public int managementPort() {
        return managementPort;
    }

    public Process process() {
        return process;
    }

    public Path log() {
        return log;
    }

    /**
     * Waits until {@code /q/health/ready} on the management port answers 200 and returns how long that took from launch; fails with the end of the
     * log if the process dies or time runs out.
     */
    public Duration awaitReady(Duration timeout) {
        URI ready = URI.create("http://127.0.0.1:" + managementPort + "/q/health/ready");
        long deadline = System.nanoTime() + timeout.toNanos();
        while (System.nanoTime() < deadline) {
            if (!process.isAlive()) {
                throw new InfrastructureException(name + " exited with code " + process.exitValue() + " while starting. "
                        + "End of " + log + ":\n" + tail(40));
            }
            try {
                HttpResponse<Void> response = HTTP.send(HttpRequest.newBuilder(ready).timeout(Duration.ofSeconds(2)).build(),
                        HttpResponse.BodyHandlers.discarding());
                if (response.statusCode() == 200) {
                    return Duration.ofNanos(System.nanoTime() - startedNanos);
                }
            } catch (IOException e) {
                // not listening yet
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new InfrastructureException("Interrupted while waiting for " + name);
            }
            sleep(50);
        }
        throw new InfrastructureException(name + " was not ready within " + timeout.toSeconds() + " s. End of " + log + ":\n" + tail(40));
    }

    /** Asks the service to shut down gracefully (SIGTERM), and kills it if it has not within {@code grace}. */
    public void stop(Duration grace) {
        if (!process.isAlive()) {
            return;
        }
        process.destroy();
        try {
            if (!process.waitFor(grace.toMillis(), TimeUnit.MILLISECONDS)) {
                process.descendants().forEach(ProcessHandle::destroyForcibly);
                process.destroyForcibly().waitFor(10, TimeUnit.SECONDS);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            process.destroyForcibly();
        }
    }

    public String tail(int lines) {
        try {
            List<String> all = Files.readAllLines(log);
            return String.join("\n", all.subList(Math.max(0, all.size() - lines), all.size()));
        } catch (IOException e) {
            return "(log unreadable: " + e.getMessage() + ")";
        }
    }

    private static void sleep(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
