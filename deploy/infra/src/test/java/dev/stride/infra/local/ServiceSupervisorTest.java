package dev.stride.infra.local;

import dev.stride.infra.Ports;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.FutureTask;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The supervisor over stand-in processes (a shell that fails at once, or sleeps): the waits it asks for are recorded and
 * run by the test at once, and the policy's clock is moved by hand, so nothing here sleeps through a back-off.
 */
class ServiceSupervisorTest {

    private record Scheduled(Duration delay, FutureTask<?> task) {
    }

    @TempDir
    Path work;

    private final BlockingQueue<Scheduled> scheduled = new LinkedBlockingQueue<>();
    private final List<String> said = new CopyOnWriteArrayList<>();
    private final List<ServiceProcess> launched = new CopyOnWriteArrayList<>();
    private final RestartPolicyTest.TestClock clock = new RestartPolicyTest.TestClock();
    private final int port = Ports.free();

    @AfterEach
    void stopStandIns() {
        launched.forEach(service -> service.process().destroyForcibly());
    }

    @Test
    void aServiceThatExitsIsReportedAndRestartedAfterAWaitThatDoublesAndResetsOnceItRanAMinute() throws Exception {
        ServiceSupervisor supervisor = supervisor("echo 'boom: out of memory'; exit 3");
        supervisor.start();
        supervisor.supervise();

        List<Long> waits = new ArrayList<>();
        for (int i = 0; i < 3; i++) {
            runNext(ServiceSupervisor.SETTLE); // the exit is judged
            Scheduled restart = next();
            waits.add(restart.delay().toSeconds());
            restart.task().run(); // starts it again; it fails again
        }
        assertThat(waits).containsExactly(1L, 2L, 4L);
        assertThat(launched).hasSize(4);
        assertThat(said.get(0)).contains("stride: svc (pid " + launched.get(0).process().pid() + ") exited unexpectedly with code 3")
                .contains("Its log: " + work.resolve("svc.log")).contains("boom: out of memory");
        assertThat(said.get(1)).contains("restarting svc in 1 s (restart 1");
        assertThat(said.get(2)).startsWith("stride: svc restarted (pid " + launched.get(1).process().pid() + ")");
        assertThat(supervisor.current()).isSameAs(launched.get(3));

        clock.advance(RestartPolicy.STABLE_AFTER); // the fourth run "lasted" a minute
        runNext(ServiceSupervisor.SETTLE);
        assertThat(next().delay()).isEqualTo(Duration.ofSeconds(1));
    }

    @Test
    void stoppingCallsOffAPendingRestart() throws Exception {
        ServiceSupervisor supervisor = supervisor("exit 1");
        supervisor.start();
        supervisor.supervise();
        runNext(ServiceSupervisor.SETTLE);
        Scheduled restart = next();

        supervisor.stop(Duration.ofSeconds(5));
        restart.task().run();

        assertThat(restart.task().isCancelled()).isTrue();
        assertThat(launched).hasSize(1);
    }

    @Test
    void theExitThatStoppingCausesIsNeitherReportedNorAnsweredWithARestart() throws Exception {
        ServiceSupervisor supervisor = supervisor("exec sleep 60");
        ServiceProcess service = supervisor.start();
        supervisor.supervise();

        supervisor.stop(Duration.ofSeconds(5));

        assertThat(service.process().isAlive()).isFalse();
        runNext(ServiceSupervisor.SETTLE);
        assertThat(scheduled.poll(300, TimeUnit.MILLISECONDS)).as("no restart asked for").isNull();
        assertThat(said).isEmpty();
        assertThat(launched).hasSize(1);
    }

    private ServiceSupervisor supervisor(String script) {
        return new ServiceSupervisor("svc", () -> {
            ServiceProcess service = ServiceProcess.launch("svc", List.of("sh", "-c", script), work, port, Ports.free(), Map.of(), work.resolve("svc.log"));
            launched.add(service);
            return service;
        }, RestartPolicy.standard(clock), (delay, task) -> {
            FutureTask<Void> future = new FutureTask<>(task, null);
            scheduled.add(new Scheduled(delay, future));
            return future;
        }, Duration.ofSeconds(20), said::add);
    }

    private Scheduled next() throws InterruptedException {
        Scheduled next = scheduled.poll(20, TimeUnit.SECONDS);
        assertThat(next).as("the supervisor asked for a wait").isNotNull();
        return next;
    }

    private void runNext(Duration expectedDelay) throws InterruptedException {
        Scheduled next = next();
        assertThat(next.delay()).isEqualTo(expectedDelay);
        next.task().run();
    }
}
