package dev.stride.infra.local;

import dev.stride.infra.InfrastructureException;
import dev.stride.infra.LocalInfrastructure;
import dev.stride.infra.Ports;
import dev.stride.infra.StrideInfrastructure;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

/**
 * The whole system on one machine: infrastructure in this JVM, the three services as child processes.
 * Prints where to go once everything is ready. A service that exits after that is restarted with back-off
 * ({@link ServiceSupervisor}, {@link RestartPolicy}); one that cannot start at all fails the launch. On Ctrl-C
 * (or SIGTERM) stops the services gracefully, then the infrastructure, and leaves nothing running. Started by
 * the {@code stride} script.
 */
public final class LocalSystem {

    private static final Duration READY_TIMEOUT = Duration.ofSeconds(240);
    private static final Duration STOP_GRACE = Duration.ofSeconds(30);

    private final LaunchOptions options;
    private final List<ServiceSupervisor> services = new CopyOnWriteArrayList<>();
    private final ProcessLedger ledger;
    private final ScheduledExecutorService restarts = Executors.newScheduledThreadPool(4, runnable -> {
        Thread thread = new Thread(runnable, "stride-restart");
        thread.setDaemon(true);
        return thread;
    });
    private final CompletableFuture<Void> stopped = new CompletableFuture<>();
    private LocalInfrastructure infrastructure;
    private ServiceTracing tracing;
    private volatile boolean stopping;

    private LocalSystem(LaunchOptions options) {
        this.options = options;
        this.ledger = new ProcessLedger(options.infra().dataDir());
    }

    public static void main(String[] args) {
        try {
            LaunchOptions options = LaunchOptions.parse(List.of(args), System.getenv());
            if (options == null) {
                System.out.print(LaunchOptions.USAGE);
                return;
            }
            LocalSystem system = new LocalSystem(options);
            try {
                system.run();
            } catch (InfrastructureException e) {
                if (system.stopping) {
                    return; // Ctrl-C while starting: the stop already says what happens
                }
                throw e;
            }
        } catch (InfrastructureException e) {
            System.err.println("stride: " + e.getMessage());
            System.exit(2);
        }
    }

    private void run() {
        Path dataDir = options.infra().dataDir();
        ledger.stopLeftovers(LocalSystem::say);
        requireServicePortsFree();
        say("Starting Stride (data and logs in " + dataDir + ")");
        if (options.fresh()) {
            deleteTree(dataDir);
        }
        Runtime.getRuntime().addShutdownHook(new Thread(this::stop, "stride-stop"));
        infrastructure = LocalInfrastructure.start(options.infra(), line -> say("  " + line));
        Path postgresData = dataDir.resolve("postgres");
        ProcessLedger.postgresPid(postgresData).ifPresent(pid -> ledger.record(pid, "-D " + postgresData));

        Map<String, String> environment = StrideInfrastructure.asEnvironment(infrastructure.serviceConfig());
        environment.putAll(LocalSecrets.load(dataDir.resolve("secrets.properties"), System.getenv()));
        tracing = ServiceTracing.of(options.projectDir(), infrastructure.traceEndpoint(), System.getenv());
        // The local run is a demo: the operator admin may move the services' clocks forward (never in prod); the
        // roadmap-service's too, so the pages' today is the one the reminder's emails speak of.
        // A packaged service runs the prod profile, where the demo clock never exists: the demo profile lets the flag count.
        Map<String, String> roadmapEnvironment = new LinkedHashMap<>(environment);
        roadmapEnvironment.put("QUARKUS_PROFILE", "demo");
        roadmapEnvironment.put("STRIDE_DEMO_CLOCK_CONTROL", "true");
        startService("roadmap-service", options.roadmapPort(), roadmapEnvironment);
        Map<String, String> reminderEnvironment = new LinkedHashMap<>(environment);
        reminderEnvironment.put("QUARKUS_PROFILE", "demo");
        reminderEnvironment.put("STRIDE_DEMO_CLOCK_CONTROL", "true");
        startService("reminder-service", options.reminderPort(), reminderEnvironment);
        startService("notifier-service", options.notifierPort(), environment);
        for (ServiceSupervisor supervisor : services) {
            ServiceProcess service = supervisor.current();
            service.awaitReady(READY_TIMEOUT);
            say("  " + service.name() + " ready on port " + service.port());
        }
        // A service that exited since it was ready is restarted at once by its supervisor: supervise() sees the exit.
        services.forEach(ServiceSupervisor::supervise);
        printBanner();
        stopped.join();
    }

    private void requireServicePortsFree() {
        requireFree(options.roadmapPort(), "roadmap-service", "--roadmap-port or STRIDE_ROADMAP_PORT");
        requireFree(options.reminderPort(), "reminder-service", "--reminder-port or STRIDE_REMINDER_PORT");
        requireFree(options.notifierPort(), "notifier-service", "--notifier-port or STRIDE_NOTIFIER_PORT");
    }

    private static void requireFree(int port, String service, String flag) {
        Ports.requireFree(port, service, flag);
        Ports.requireFree(LaunchOptions.managementPort(port), service + " (health and metrics: its port + "
                + LaunchOptions.MANAGEMENT_PORT_OFFSET + ")", flag);
    }

    /** Synchronized with {@link #stop()}: a service is either started before the stop sees it, or not at all. */
    private synchronized void startService(String name, int port, Map<String, String> infraEnvironment) {
        if (stopping) {
            throw new InfrastructureException("Stopped while starting.");
        }
        Map<String, String> environment = new LinkedHashMap<>(infraEnvironment);
        environment.put("STRIDE_PUBLIC_BASE_URL", "http://localhost:" + options.roadmapPort());
        Path jar = options.projectDir().resolve(name).resolve("target/quarkus-app/quarkus-run.jar");
        Path log = options.infra().dataDir().resolve("logs").resolve(name + ".log");
        ServiceSupervisor supervisor = new ServiceSupervisor(name, () -> {
            ServiceProcess service = ServiceProcess.start(name, jar, port, LaunchOptions.managementPort(port), environment, log, tracing);
            ledger.record(service.process().pid(), jar.toString());
            return service;
        }, RestartPolicy.standard(Clock.systemUTC()), (delay, task) -> restarts.schedule(task, delay.toMillis(), TimeUnit.MILLISECONDS),
                READY_TIMEOUT, LocalSystem::say);
        services.add(supervisor);
        supervisor.start();
    }

    private void printBanner() {
        String inbox = infrastructure.inboxUrl().map(url -> url.replace("127.0.0.1", "localhost")).orElse("(external SMTP: no inbox)");
        say("""

                Stride is running.

                  Open the catalog   http://localhost:%d/
                  Read the mail      %s   (JSON: %s/api/messages)
                  Traces             %s

                  roadmap-service    http://localhost:%d   health http://localhost:%d/q/health  metrics /q/metrics
                  reminder-service   http://localhost:%d   health and metrics on %d
                  notifier-service   http://localhost:%d   health and metrics on %d
                  A week later:      curl -u admin:PASSWORD -X POST 'http://localhost:%d/ops/clock/advance?by=P7D'
                                     curl -u admin:PASSWORD -X POST 'http://localhost:%d/ops/clock/advance?by=P7D'
                  Kafka %s · PostgreSQL %s · SMTP %s:%d
                  Admin (API and demo clock): user admin, PASSWORD is STRIDE_OPERATORS_ADMIN_PASSWORD in %s
                  Logs in %s

                Press Ctrl-C to stop everything.
                """.formatted(options.roadmapPort(), inbox, inbox, tracesLine(), options.roadmapPort(), LaunchOptions.managementPort(options.roadmapPort()),
                options.reminderPort(), LaunchOptions.managementPort(options.reminderPort()),
                options.notifierPort(), LaunchOptions.managementPort(options.notifierPort()), options.reminderPort(), options.roadmapPort(),
                infrastructure.kafkaBootstrapServers(), infrastructure.database().jdbcUrl(), infrastructure.smtpHost(), infrastructure.smtpPort(),
                options.infra().dataDir().resolve("secrets.properties"), options.infra().dataDir().resolve("logs")));
    }

    private String tracesLine() {
        if (tracing.agent().isEmpty()) {
            return "off (no OpenTelemetry agent at " + ServiceTracing.AGENT_JAR + ", or STRIDE_OTEL_AGENT=off)";
        }
        Optional<String> local = infrastructure.traceEndpoint();
        return tracing.endpoint().map(url -> url.equals(local.orElse(null))
                        ? url.replace("127.0.0.1", "localhost") + "/traces   (one span per line, kept in "
                                + infrastructure.traceFile().map(Path::toString).orElse("") + ")"
                        : "exported to " + url)
                .orElse("not exported (set OTEL_EXPORTER_OTLP_ENDPOINT)");
    }

    /** Services first (they still need Kafka and PostgreSQL to leave cleanly), then the infrastructure. */
    private synchronized void stop() {
        if (stopping) {
            return;
        }
        stopping = true;
        services.forEach(ServiceSupervisor::shutdown); // before anything slow: the services' exits from here on are expected
        say("Stopping Stride...");
        List<CompletableFuture<Void>> stops = services.stream()
                .map(supervisor -> CompletableFuture.runAsync(() -> supervisor.stop(STOP_GRACE)))
                .toList();
        stops.forEach(CompletableFuture::join);
        restarts.shutdownNow();
        if (infrastructure != null) {
            infrastructure.close();
        }
        ledger.clear();
        say("Stride stopped.");
        stopped.complete(null);
    }

    private static void deleteTree(Path root) {
        if (!Files.exists(root)) {
            return;
        }
        try (Stream<Path> paths = Files.walk(root)) {
            for (Path path : paths.sorted(Comparator.reverseOrder()).toList()) {
                Files.delete(path);
            }
        } catch (IOException e) {
            throw new InfrastructureException("Could not wipe " + root + " for --fresh: " + e.getMessage(), e);
        }
    }

    private static void say(String line) {
        System.out.println(line);
        System.out.flush();
    }
}
