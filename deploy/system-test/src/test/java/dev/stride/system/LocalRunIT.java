package dev.stride.system;

import dev.stride.infra.Ports;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * Runs README's first command, {@code ./stride}, the way a person does (on free ports, with its own data
 * folder): all three services must come up ready, a stop must leave no process and no port behind, a
 * second run on the same data must work, and bad configuration must fail fast with a plain message.
 */
class LocalRunIT {

    private static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();

    @TempDir
    Path work;

    private final List<Process> launched = new ArrayList<>();

    @AfterEach
    void killLeftovers() {
        launched.forEach(process -> {
            process.descendants().forEach(ProcessHandle::destroyForcibly);
            process.destroyForcibly();
        });
    }

    @Test
    void startsEverythingReadyAndStopsWithoutLeavingAnythingBehindTwice() throws Exception {
        Map<String, Integer> ports = LocalStride.freePorts();
        Path dataDir = work.resolve("data");

        for (int run = 1; run <= 2; run++) {
            Path output = work.resolve("run-" + run + ".log");
            Process stride = launch(ports, dataDir, output, List.of());

            await("run " + run + " ready").atMost(Duration.ofMinutes(4)).pollInterval(Duration.ofSeconds(1))
                    .until(() -> LocalStride.read(output).contains("Stride is running.") || !stride.isAlive());
            assertThat(stride.isAlive()).as("launcher alive; its output:\n%s", LocalStride.read(output)).isTrue();

            for (String service : List.of("roadmap", "reminder", "notifier")) {
                HttpResponse<String> ready = get(LocalStride.managementUrl(ports, service, "health/ready"));
                assertThat(ready.statusCode()).as(service + " ready").isEqualTo(200);
                assertThat(ready.body()).contains("\"status\": \"UP\"");
            }
            assertThat(get("http://127.0.0.1:" + ports.get("inbox") + "/api/messages").statusCode()).isEqualTo(200);
            assertThat(LocalStride.read(output)).contains("http://localhost:" + ports.get("roadmap") + "/").contains("http://localhost:" + ports.get("inbox"));

            List<ProcessHandle> processes = new ArrayList<>(stride.descendants().toList());
            postgresPid(dataDir).ifPresent(processes::add);
            assertThat(processes).as("three services and PostgreSQL").hasSizeGreaterThanOrEqualTo(4);

            stride.destroy();
            assertThat(stride.waitFor(90, TimeUnit.SECONDS)).as("launcher stopped").isTrue();
            assertThat(LocalStride.read(output)).contains("Stride stopped.");
            await("run " + run + " processes gone").atMost(Duration.ofSeconds(20))
                    .until(() -> processes.stream().noneMatch(ProcessHandle::isAlive));
            ports.forEach((role, port) -> assertThat(Ports.isListening("127.0.0.1", port)).as(role + " port " + port + " freed").isFalse());
        }
    }

    @Test
    void aLaunchAfterAHardKillStopsWhatTheKilledOneLeftRunning() throws Exception {
        Map<String, Integer> ports = LocalStride.freePorts();
        Path dataDir = work.resolve("data");
        Process killed = launch(ports, dataDir, work.resolve("killed.log"), List.of());
        await().atMost(Duration.ofMinutes(4)).pollInterval(Duration.ofSeconds(1))
                .until(() -> LocalStride.read(work.resolve("killed.log")).contains("Stride is running.") || !killed.isAlive());
        List<ProcessHandle> orphans = new ArrayList<>(killed.descendants().toList());
        postgresPid(dataDir).ifPresent(orphans::add);
        killed.destroyForcibly().waitFor(30, TimeUnit.SECONDS);
        assertThat(orphans).as("services and PostgreSQL outlive a killed launcher").allMatch(ProcessHandle::isAlive);

        Path output = work.resolve("next.log");
        Process next = launch(ports, dataDir, output, List.of());
        await().atMost(Duration.ofMinutes(4)).pollInterval(Duration.ofSeconds(1))
                .until(() -> LocalStride.read(output).contains("Stride is running.") || !next.isAlive());
        assertThat(LocalStride.read(output)).contains("left running by an earlier launch that did not stop cleanly").contains("Stride is running.");
        assertThat(orphans).noneMatch(ProcessHandle::isAlive);

        next.destroy();
        assertThat(next.waitFor(90, TimeUnit.SECONDS)).isTrue();
        ports.forEach((role, port) -> assertThat(Ports.isListening("127.0.0.1", port)).as(role + " port " + port + " freed").isFalse());
    }

    @Test
    void aTakenServicePortFailsFastWithOneLineSayingWhatToDo() throws Exception {
        Map<String, Integer> ports = LocalStride.freePorts();
        try (ServerSocket taken = new ServerSocket(ports.get("roadmap"), 1, InetAddress.getLoopbackAddress())) {
            Path output = work.resolve("taken.log");
            Process stride = launch(ports, work.resolve("data"), output, List.of());

            assertThat(stride.waitFor(60, TimeUnit.SECONDS)).isTrue();
            assertThat(stride.exitValue()).isEqualTo(2);
            assertThat(withoutBuildLine(LocalStride.read(output))).isEqualTo("stride: Port " + ports.get("roadmap") + " for roadmap-service is already in use. "
                    + "Stop whatever listens there (for example: ss -ltnp 'sport = :" + ports.get("roadmap")
                    + "') or choose another port with --roadmap-port or STRIDE_ROADMAP_PORT.");
        }
    }

    @Test
    void anUnreachableDatabaseUrlFailsFastWithoutAStackTrace() throws Exception {
        Map<String, Integer> ports = LocalStride.freePorts();
        int nobody = Ports.free();
        Path output = work.resolve("db.log");
        Process stride = launch(ports, work.resolve("data"), output,
                List.of("STRIDE_DATABASE_URL=jdbc:postgresql://127.0.0.1:" + nobody + "/stride"));

        assertThat(stride.waitFor(60, TimeUnit.SECONDS)).isTrue();
        String said = LocalStride.read(output);
        assertThat(stride.exitValue()).isEqualTo(2);
        assertThat(said).contains("stride: Cannot reach PostgreSQL at jdbc:postgresql://127.0.0.1:" + nobody + "/stride")
                .contains("unset STRIDE_DATABASE_URL")
                .doesNotContain("\tat ").doesNotContain("Exception:");
        assertThat(Ports.isListening("127.0.0.1", ports.get("kafka"))).as("nothing left running").isFalse();
    }

    private Process launch(Map<String, Integer> ports, Path dataDir, Path output, List<String> env) throws IOException {
        Process process = LocalStride.launch(ports, dataDir, output, env);
        launched.add(process);
        return process;
    }

    /** PostgreSQL detaches from the launcher (pg_ctl), so it is found through its pid file. */
    private static Optional<ProcessHandle> postgresPid(Path dataDir) throws IOException {
        Path pidFile = dataDir.resolve("postgres/postmaster.pid");
        if (!Files.exists(pidFile)) {
            return Optional.empty();
        }
        return ProcessHandle.of(Long.parseLong(Files.readAllLines(pidFile).get(0).trim()));
    }

    private static HttpResponse<String> get(String url) throws Exception {
        return HTTP.send(HttpRequest.newBuilder(URI.create(url)).timeout(Duration.ofSeconds(5)).build(), HttpResponse.BodyHandlers.ofString());
    }

    /** The script may first say it builds (sources newer than the jars); what follows must be the one line. */
    private static String withoutBuildLine(String output) {
        return output.strip().replaceFirst("^Building Stride \\(\\./mvnw -DskipTests install\\)\\.\\.\\.\\R", "");
    }
}
