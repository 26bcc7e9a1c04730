package dev.stride.infra.local;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;

/**
 * The processes a launch started outside its own JVM (the services, and PostgreSQL, which pg_ctl
 * detaches), written to the data folder as they start. A launch that was killed outright cannot stop
 * them; the next launch on the same folder finds them here and does. Each line is "pid marker": a pid
 * is only touched while its command line still contains the marker, so a recycled pid is left alone.
 */
final class ProcessLedger {

    private final Path file;

    ProcessLedger(Path dataDir) {
        this.file = dataDir.resolve("stride.pids");
    }

    /** Stops what an earlier launch left running; {@code say} hears one line per process. */
    void stopLeftovers(Consumer<String> say) {
        if (!Files.exists(file)) {
            return;
        }
        try {
            for (String line : Files.readAllLines(file)) {
                int space = line.indexOf(' ');
                if (space < 0) {
                    continue;
                }
                long pid = Long.parseLong(line.substring(0, space));
                String marker = line.substring(space + 1);
                Optional<ProcessHandle> process = ProcessHandle.of(pid).filter(handle -> commandLineOf(handle).contains(marker));
                if (process.isPresent()) {
                    say.accept("  Stopping pid " + pid + " (" + marker + "), left running by an earlier launch that did not stop cleanly");
                    stop(process.get(), Duration.ofSeconds(20));
                }
            }
            Files.delete(file);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    void record(long pid, String marker) {
        try {
            Files.createDirectories(file.getParent());
            Files.writeString(file, pid + " " + marker + "\n", StandardOpenOption.CREATE, StandardOpenOption.APPEND);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** After a clean stop nothing is left to find. */
    void clear() {
        try {
            Files.deleteIfExists(file);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The pid PostgreSQL wrote into its data folder, if it runs from there. */
    static Optional<Long> postgresPid(Path postgresDataDir) {
        Path pidFile = postgresDataDir.resolve("postmaster.pid");
        try {
            List<String> lines = Files.exists(pidFile) ? Files.readAllLines(pidFile) : List.of();
            return lines.isEmpty() ? Optional.empty() : Optional.of(Long.parseLong(lines.get(0).trim()));
        } catch (IOException | NumberFormatException e) {
            return Optional.empty();
        }
    }

    private static String commandLineOf(ProcessHandle handle) {
        return handle.info().commandLine().orElse("");
    }

    private static void stop(ProcessHandle process, Duration grace) {
        process.destroy();
        try {
            process.onExit().get(grace.toMillis(), TimeUnit.MILLISECONDS);
        } catch (Exception e) {
            process.destroyForcibly();
        }
    }
}
