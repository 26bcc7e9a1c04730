package dev.stride.infra;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * What the numbers were measured on. Every benchmark (the benchmarks module's, notifier-service's render benchmark)
 * prints this first: throughput only means something next to the CPU, core count, memory and JVM that produced it.
 */
public final class Machine {

    private Machine() {
    }

    /** A few lines: CPU model, cores, total memory, OS, Java, date and time. Linux details fall back to "unknown" elsewhere. */
    public static String describe() {
        Runtime runtime = Runtime.getRuntime();
        return String.join(System.lineSeparator(),
                "cpu:     " + cpuModel().orElse("unknown"),
                "cores:   " + runtime.availableProcessors() + " available to the JVM",
                "memory:  " + totalMemory().orElse("unknown") + " total, JVM max heap " + mib(runtime.maxMemory()),
                "os:      " + System.getProperty("os.name") + " " + System.getProperty("os.version") + " (" + System.getProperty("os.arch") + ")",
                "java:    " + System.getProperty("java.version") + ", " + System.getProperty("java.vendor") + ", "
                        + System.getProperty("java.vm.name") + " " + System.getProperty("java.vm.version"),
                "date:    " + ZonedDateTime.now().format(DateTimeFormatter.ISO_OFFSET_DATE_TIME));
    }

    /** The first "model name" of /proc/cpuinfo (all cores of one machine report the same). */
    static Optional<String> cpuModel() {
        return procLines("/proc/cpuinfo").stream()
                .filter(line -> line.startsWith("model name"))
                .map(line -> line.substring(line.indexOf(':') + 1).trim())
                .findFirst();
    }

    /** MemTotal of /proc/meminfo, which the kernel gives in kB. */
    static Optional<String> totalMemory() {
        return procLines("/proc/meminfo").stream()
                .filter(line -> line.startsWith("MemTotal:"))
                .map(line -> line.replaceAll("[^0-9]", ""))
                .filter(digits -> !digits.isEmpty())
                .map(kb -> mib(Long.parseLong(kb) * 1024))
                .findFirst();
    }

    private static String mib(long bytes) {
        return String.format(Locale.ROOT, "%,d MiB", bytes / (1024 * 1024));
    }

    private static List<String> procLines(String file) {
        try {
            return Files.readAllLines(Path.of(file));
        } catch (IOException | RuntimeException e) {
            return List.of();
        }
    }
}
