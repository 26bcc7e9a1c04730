package dev.stride.bench.dispatch;

import dev.stride.bench.Table;
import dev.stride.bench.harness.StrideServices;
import dev.stride.infra.LocalInfrastructure;

import java.io.PrintStream;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * N due nudges drained by each engine in turn, on the same PostgreSQL and broker: Stride's dispatcher (1 and 2
 * JVMs, and an older build when asked), then the bare ceilings and the peer schedulers publishing records the size
 * Stride's were. Prints items/s, the ratio of each row to Stride's best, and Stride's due→sent lag.
 */
public final class DispatchBenchmark {

    /** One finished row. */
    public record Row(String engine, String config, Peer.Drained drained) {
    }

    private final LocalInfrastructure infra;
    private final StrideServices services;
    private final PrintStream out;

    public DispatchBenchmark(LocalInfrastructure infra, Path logDir, PrintStream out) {
        this.infra = infra;
        this.services = new StrideServices(StrideServices.projectDir(), infra, logDir);
        this.out = out;
    }

    public List<Row> run(int n, int quartzN, List<String> selected, List<Integer> threads, String baseline) throws Exception {
        List<Row> rows = new ArrayList<>();
        List<String> lags = new ArrayList<>();
        double payload = BenchRecords.DEFAULT_PAYLOAD_SIZE;
        if (selected.contains("stride")) {
            List<StrideDispatch> strides = new ArrayList<>();
            for (String instances : System.getProperty("instances", "1,2").split(",")) {
                strides.add(new StrideDispatch(services, infra, Integer.parseInt(instances.trim()), services.jar("reminder-service"), "dispatcher"));
            }
            if (baseline != null) {
                Path old = Path.of(baseline, "reminder-service/target/quarkus-app/quarkus-run.jar");
                for (String instances : System.getProperty("baseline.instances", "1,2").split(",")) {
                    strides.add(new StrideDispatch(services, infra, Integer.parseInt(instances.trim()), old, "before batching"));
                }
            }
            warmUp(strides.get(0), Integer.getInteger("warmup", n));
            for (StrideDispatch stride : strides) {
                // The unbatched dispatcher drains about a hundred a second: -Dn.baseline keeps its rows affordable.
                rows.add(drain(stride, stride.name().endsWith("before batching") ? Integer.getInteger("n.baseline", n) : n));
                StrideDispatch.Lag lag = stride.lag();
                lags.add("%s (%s): due→sent p50 %.0f ms, p99 %.0f ms, max %.0f ms".formatted(stride.name(), stride.config(), lag.p50(), lag.p99(), lag.max()));
                payload = stride.meanRecordBytes() > 0 ? stride.meanRecordBytes() : payload;
            }
        }
        // The peers publish records the size Stride's own were.
        PeerContext context = new PeerContext(infra.kafkaBootstrapServers(), infra.database(), BenchRecords.payload((int) Math.round(payload)));
        if (selected.contains("producer")) {
            rows.add(drain(new BareProducerCeiling(context), n));
        }
        if (selected.contains("update")) {
            rows.add(drain(new BareUpdateCeiling(context), n));
        }
        if (selected.contains("db-scheduler")) {
            for (int count : threads) {
                rows.add(drain(new DbSchedulerPeer(context, count), n));
            }
        }
        if (selected.contains("quartz")) {
            rows.add(drain(new QuartzPeer(context), quartzN));
        }
        print(rows, lags, payload);
        return rows;
    }

    /**
     * One drain that is not reported, before the measured ones. On freshly started servers the first drain of a run was
     * 30-50 % slower than the same build's second (1,325 against 1,953 items/s at n = 100,000, same jar twice), and after a
     * warm-up of half that size still 15 % slower (1,662 against 1,943): the order of the rows decided a comparison.
     * Measured rows start on servers that have done the same work once.
     */
    private void warmUp(StrideDispatch stride, int n) throws Exception {
        if (n > 0) {
            out.println("warm-up: " + stride.name() + " (" + stride.config() + "), n " + n + ", not reported");
            stride.drain(n);
        }
    }

    private Row drain(Peer peer, int n) throws Exception {
        out.println("running: " + peer.name() + " (" + peer.config() + "), n " + n);
        return new Row(peer.name(), peer.config(), peer.drain(n));
    }

    private void print(List<Row> rows, List<String> lags, double payload) {
        double stride = rows.stream().filter(row -> row.engine().equals("Stride dispatcher"))
                .mapToDouble(row -> row.drained().perSecond()).max().orElse(Double.NaN);
        Table table = new Table("engine", "config", "n", "seconds", "items/s", "Stride best ÷ this");
        List<String> problems = new ArrayList<>();
        for (Row row : rows) {
            Peer.Drained drained = row.drained();
            table.row(row.engine(), row.config(), drained.n(), drained.seconds(), drained.perSecond(),
                    Double.isNaN(stride) ? null : "%.2f x".formatted(stride / drained.perSecond()));
            if (!drained.complete()) {
                problems.add(row.engine() + " (" + row.config() + "): " + drained.executed() + " records for " + drained.n() + " items");
            }
        }
        out.println();
        out.printf("payload: %.0f bytes per record (the mean of Stride's NudgeDue records)%n%n", payload);
        table.print(out);
        out.println();
        lags.forEach(out::println);
        problems.forEach(problem -> out.println("CHECK FAILED: " + problem));
    }
}
