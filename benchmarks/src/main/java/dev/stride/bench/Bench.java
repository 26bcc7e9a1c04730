package dev.stride.bench;

import dev.stride.bench.burst.BurstBenchmark;
import dev.stride.bench.dispatch.DispatchBenchmark;
import dev.stride.bench.faults.FaultSettings;
import dev.stride.bench.faults.FaultSuite;
import dev.stride.bench.learning.LearningSettings;
import dev.stride.bench.learning.LearningSimulator;
import dev.stride.infra.InfraSettings;
import dev.stride.infra.LocalInfrastructure;
import dev.stride.infra.Machine;

import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

/**
 * Entry point: {@code ./mvnw -q -pl benchmarks exec:java -Dbench=dispatch -Dn=100000} (or {@code -Dbench=burst}).
 *
 * <p>Starts its own Kafka, PostgreSQL and SMTP sink on free ports (or uses the servers named by
 * STRIDE_KAFKA_BOOTSTRAP_SERVERS / STRIDE_DATABASE_URL, as the tests do), prints the machine, runs the chosen
 * benchmark and prints its tables. The services run from their built fast-jars ({@code ./mvnw -DskipTests install}
 * first). Settings are system properties:
 * <ul>
 *   <li>{@code bench}: {@code dispatch}, {@code burst}, {@code faults} or {@code learning} (the offline simulator of
 *       the learning policy: no infrastructure; its settings in {@link LearningSettings})</li>
 *   <li>{@code n}: items per run, default 100000; {@code n.quartz}: Quartz's own n (it drains in the hundreds per
 *       second here), default {@code n}</li>
 *   <li>{@code threads}: db-scheduler thread counts, default {@code 20,50}</li>
 *   <li>{@code peers}: which rows, default {@code stride,producer,update,db-scheduler,quartz}</li>
 *   <li>{@code instances}: Stride's rows, by number of reminder-service JVMs, default {@code 1,2}</li>
 *   <li>{@code baseline}: the folder of an older checkout whose reminder-service jar is built, to add its rows</li>
 *   <li>{@code warmup}: dispatch only, the n of an unreported first drain, default {@code n}; 0: none</li>
 *   <li>{@code baseline.instances}: the baseline's rows, by number of JVMs, default {@code 1,2}</li>
 *   <li>{@code settle}: burst only, seconds to keep counting after the last email, default 10</li>
 *   <li>{@code scenarios}: faults only, which scenarios (e.g. {@code kill-notifier,smtp-outage}), default all; outage lengths
 *       and the number of notifier kills as {@code -Dfaults.*} (see FaultSettings)</li>
 * </ul>
 */
public final class Bench {

    private Bench() {
    }

    public static void main(String[] args) throws Exception {
        String bench = System.getProperty("bench", "dispatch");
        int n = Integer.getInteger("n", 100_000);
        PrintStream out = System.out;
        out.println(Machine.describe());
        if ("learning".equals(bench)) { // the offline simulator: pure Java, no infrastructure to start
            LearningSimulator.print(new LearningSimulator(LearningSettings.fromProperties()).run(), out);
            return;
        }
        out.println("bench:   " + bench + ", n " + n);
        out.println();

        Path dataDir = Files.createTempDirectory("stride-bench-");
        // -Dlogs=<folder> keeps the services' logs after the run (they live in the temporary data folder otherwise).
        Path logDir = System.getProperty("logs") == null ? dataDir.resolve("logs") : Path.of(System.getProperty("logs")).toAbsolutePath();
        try (LocalInfrastructure infra = LocalInfrastructure.start(InfraSettings.forTests(dataDir, System.getenv()),
                line -> out.println("infra:   " + line))) {
            switch (bench) {
                case "dispatch" -> new DispatchBenchmark(infra, logDir, out).run(n, Integer.getInteger("n.quartz", n),
                        list(System.getProperty("peers", "stride,producer,update,db-scheduler,quartz")),
                        list(System.getProperty("threads", "20,50")).stream().map(Integer::valueOf).toList(),
                        System.getProperty("baseline"));
                case "burst" -> BurstBenchmark.print(new BurstBenchmark(infra, logDir,
                        Duration.ofSeconds(Long.getLong("settle", 10))).run(n, Map.of(), Map.of()), out);
                case "faults" -> new FaultSuite(infra, logDir, FaultSettings.fromProperties(FaultSettings.full(n)), out)
                        .run(FaultSuite.parse(System.getProperty("scenarios", "all")));
                default -> throw new IllegalArgumentException("Unknown -Dbench=" + bench + "; known: dispatch, burst, faults, learning");
            }
        } finally {
            deleteTree(dataDir);
        }
    }

    private static List<String> list(String commaSeparated) {
        return Arrays.stream(commaSeparated.split(",")).map(String::trim).filter(s -> !s.isEmpty()).toList();
    }

    private static void deleteTree(Path root) throws IOException {
        try (Stream<Path> paths = Files.walk(root)) {
            paths.sorted(Comparator.reverseOrder()).forEach(path -> path.toFile().delete());
        }
    }
}
