package dev.stride.infra.local;

import dev.stride.infra.InfrastructureException;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.StandardOpenOption;
import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.Future;
import java.util.function.Consumer;
import java.util.function.Supplier;

/**
 * Keeps one service running for the launcher: when its process exits while the launch is not stopping, says so (exit
 * code, log, its last lines) and starts it again after the {@link RestartPolicy}'s delay, into the same log. {@link
 * #stop} ends supervision first, so the exit it causes is not taken for a crash.
 */
final class ServiceSupervisor {

    /** Runs {@code task} after {@code delay}; the launcher uses a scheduled executor, the tests a queue they drain. */
    interface Delayer {
        Future<?> after(Duration delay, Runnable task);
    }

    /**
     * How long an exit is left to settle before it is judged: Ctrl-C in a terminal reaches the services as well as the
     * launcher, and the launcher's stop must get to mark the launch as stopping before the services' exits are seen.
     */
    static final Duration SETTLE = Duration.ofMillis(500);

    private static final int TAIL_LINES = 10;

    private final String name;
    private final Supplier<ServiceProcess> launcher;
    private final RestartPolicy policy;
    private final Delayer delayer;
    private final Duration readyTimeout;
    private final Consumer<String> say;
    private ServiceProcess current;
    private Future<?> pending;

    ServiceSupervisor(String name, Supplier<ServiceProcess> launcher, RestartPolicy policy, Delayer delayer, Duration readyTimeout,
                      Consumer<String> say) {
        this.name = name;
        this.launcher = launcher;
        this.policy = policy;
        this.delayer = delayer;
        this.readyTimeout = readyTimeout;
        this.say = say;
    }

    /** Starts the first process (the caller waits for it to be ready); supervision begins with {@link #supervise()}. */
    synchronized ServiceProcess start() {
        current = launcher.get();
        policy.started();
        return current;
    }

    /** From now on an exit of the service is answered with a restart. */
    synchronized void supervise() {
        watch(current);
    }

    synchronized ServiceProcess current() {
        return current;
    }

    /** Ends supervision: no restart is started from now on, and a pending one is called off. */
    synchronized void shutdown() {
        policy.shutdown();
        if (pending != null) {
            pending.cancel(false);
            pending = null;
        }
    }

    /** Ends supervision and stops the service gracefully ({@link ServiceProcess#stop}). */
    void stop(Duration grace) {
        ServiceProcess last;
        synchronized (this) {
            shutdown();
            last = current;
        }
        if (last != null) {
            last.stop(grace);
        }
    }

    private void watch(ServiceProcess service) {
        service.process().onExit().thenRun(() -> delayer.after(SETTLE, () -> exited(service)));
    }

    private synchronized void exited(ServiceProcess service) {
        if (service != current || policy.isShutdown()) {
            return;
        }
        say.accept("stride: " + name + " (pid " + service.process().pid() + ") exited unexpectedly with code " + service.process().exitValue()
                + ". Its log: " + service.log() + "; the last lines:\n" + service.tail(TAIL_LINES).indent(4).stripTrailing());
        scheduleRestart();
    }

    private void scheduleRestart() {
        policy.afterExit().ifPresent(delay -> {
            say.accept("stride: restarting " + name + " in " + delay.toSeconds() + " s (restart " + policy.restarts()
                    + "; the wait doubles up to " + RestartPolicy.MAX_DELAY.toSeconds() + " s while it keeps failing)");
            pending = delayer.after(delay, this::restart);
        });
    }

    private void restart() {
        ServiceProcess started;
        synchronized (this) {
            pending = null;
            if (policy.isShutdown()) {
                return;
            }
            try {
                appendToLog("---- " + Instant.now() + " restarted by ./stride after an unexpected exit ----");
                started = launcher.get();
            } catch (InfrastructureException e) {
                say.accept("stride: could not restart " + name + ": " + e.getMessage());
                scheduleRestart();
                return;
            }
            current = started;
            policy.started();
            watch(started);
            say.accept("stride: " + name + " restarted (pid " + started.process().pid() + "), waiting until it is ready");
        }
        try {
            Duration took = started.awaitReady(readyTimeout);
            say.accept("stride: " + name + " is ready again on port " + started.port() + " (" + took.toMillis() / 100 / 10.0 + " s)");
        } catch (InfrastructureException e) {
            if (started.process().isAlive() && !policy.isShutdown()) {
                say.accept("stride: " + name + " restarted but was not ready within " + readyTimeout.toSeconds() + " s; see " + started.log());
            }
            // if it died while starting, its exit is being handled like any other
        }
    }

    private void appendToLog(String line) {
        try {
            if (current != null && Files.exists(current.log())) {
                Files.writeString(current.log(), "\n" + line + "\n", StandardOpenOption.APPEND);
            }
        } catch (IOException e) {
            // only a marker: the restart matters more
        }
    }
}
