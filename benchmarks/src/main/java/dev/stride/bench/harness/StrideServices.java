package dev.stride.bench.harness;

import dev.stride.infra.Ports;
import dev.stride.infra.StrideInfrastructure;
import dev.stride.infra.local.ServiceProcess;

import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Stride's services as production runs them: each a separate JVM started from its built fast-jar with the image's
 * JVM options, pointed at the given infrastructure. The benchmarks and the fault suite run on this.
 */
public final class StrideServices implements AutoCloseable {

    /** A local signing key: links are minted but never followed here. */
    /** The public address every service signs links for and the notifier accepts links under (no page is served there). */
    public static final String PUBLIC_BASE_URL = "http://localhost:8080";

    public static final String SIGNING_KEY = "benchmark-signing-key-of-at-least-32-bytes";
    /** The operator admin's password in every service (the demo clock takes it). */
    public static final String ADMIN_PASSWORD = "benchmark-admin-password";

    /** One running service: its process, and how long it took from launch to ready. */
    public record Running(String name, ServiceProcess process, Duration startToReady) {

        public long pid() {
            return process.process().pid();
        }
    }

    private final Path projectDir;
    private final StrideInfrastructure infra;
    private final Path logDir;
    private final List<Running> running = new java.util.concurrent.CopyOnWriteArrayList<>();

    public StrideServices(Path projectDir, StrideInfrastructure infra, Path logDir) {
        this.projectDir = projectDir;
        this.infra = infra;
        this.logDir = logDir;
    }

    /** The project root: where {@code ./mvnw} runs (exec:java from the benchmarks folder sees its parent). */
    public static Path projectDir() {
        Path here = Path.of("").toAbsolutePath();
        return here.resolve("reminder-service").toFile().isDirectory() ? here : here.getParent();
    }

    /** The service's built fast-jar, or the one {@code -D<service>.jar} names (e.g. an older build to compare with). */
    public Path jar(String service) {
        String override = System.getProperty(service + ".jar");
        return override != null ? Path.of(override) : projectDir.resolve(service).resolve("target/quarkus-app/quarkus-run.jar");
    }

    /**
     * How long a service may take to get ready. Generous: a reminder restarted in the middle of a 100,000-learner burst
     * with two replicas of each service (five JVMs on two cores) logged "started in 147 s" and was not ready within the
     * 3 minutes allowed until then, which ended that fault scenario's injections (kill-replicas, 2026-12-08). A service that never gets ready still fails.
     */
    static final Duration READY_TIMEOUT = Duration.ofMinutes(10);

    /** Starts {@code service} (instance {@code instance}) with extra settings on top of the infrastructure's, and waits until ready. */
    public Running start(String service, int instance, Map<String, String> settings) {
        return start(service, jar(service), instance, settings);
    }

    /** As above, from the given fast-jar (an older build, to compare with). */
    public Running start(String service, Path jar, int instance, Map<String, String> settings) {
        Map<String, String> environment = new LinkedHashMap<>(StrideInfrastructure.asEnvironment(infra.serviceConfig()));
        environment.put("STRIDE_LINKS_SIGNING_KEY", SIGNING_KEY);
        environment.put("STRIDE_PUBLIC_BASE_URL", PUBLIC_BASE_URL);
        environment.put("STRIDE_OPERATORS_ADMIN_PASSWORD", ADMIN_PASSWORD);
        // The runs count one email per subscription-week at its moment; the welcome (a seeded learner's start week at once)
        // would be a second email for the same learner within the run, so it is off here unless a run's settings say otherwise.
        environment.put("STRIDE_REMINDER_WELCOME", "false");
        environment.putAll(ProductionJvm.environment(projectDir, service));
        environment.putAll(settings);
        String name = service + "-" + instance;
        List<String> jvm = new ArrayList<>(ProductionJvm.options(projectDir, service));
        // -Dservice.jvm.extra adds options to every service, e.g. to record a profile: -XX:StartFlightRecording=filename=...
        String extra = System.getProperty("service.jvm.extra", "").replace("{name}", name);
        jvm.addAll(extra.isBlank() ? List.of() : List.of(extra.trim().split("\\s+")));
        // HTTP and management ports from below the ephemeral range: between choosing a port and the service binding it,
        // the suite's many Kafka and database connections could take an ephemeral one (a restart once failed on that).
        ServiceProcess process = ServiceProcess.start(name, jar, Ports.freeBelowEphemeral(), Ports.freeBelowEphemeral(), environment,
                logDir.resolve(name + ".log"), jvm);
        Duration startToReady;
        try {
            startToReady = process.awaitReady(READY_TIMEOUT);
        } catch (RuntimeException e) {
            // Not left running: the next scenario reuses the servers, and an orphan joined its consumer group as a replica
            // of its own (kill-replicas' restarted reminder, 2026-12-08).
            process.stop(Duration.ofSeconds(5));
            throw e;
        }
        Running started = new Running(name, process, startToReady);
        running.add(started);
        return started;
    }

    /** Kills the service with SIGKILL, as a node failure or the OOM killer would: no shutdown hooks, no leaving the group. */
    public void kill(Running service) {
        service.process().process().destroyForcibly();
        try {
            service.process().process().waitFor();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        running.remove(service);
    }

    /** Stops one service gracefully (SIGTERM). */
    public void stop(Running service) {
        service.process().stop(Duration.ofSeconds(30));
        running.remove(service);
    }

    public List<Running> running() {
        return List.copyOf(running);
    }

    /** Stops every service gracefully (SIGTERM, as Kubernetes does), newest first. */
    @Override
    public void close() {
        for (int i = running.size() - 1; i >= 0; i--) {
            running.get(i).process().stop(Duration.ofSeconds(30));
        }
        running.clear();
    }
}
