package dev.stride.bench.burst;

import dev.stride.bench.Table;
import dev.stride.bench.dispatch.BenchDb;
import dev.stride.bench.harness.Progress;
import dev.stride.bench.harness.ProcessStats;
import dev.stride.bench.harness.StrideServices;
import dev.stride.infra.LocalInfrastructure;
import dev.stride.infra.mail.SmtpSink;
import dev.stride.infra.mail.StoredMail;

import java.io.PrintStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * End to end: N learners whose weekly nudge falls due in the same minute, the three services as separate JVMs
 * with production JVM options, until the SMTP sink has accepted every email. The learners arrive as events; once
 * reminder-service has scheduled all N, its clock is moved to the due instant (the demo clock, so the run does not
 * wait for next Monday) and the clock starts.
 */
public final class BurstBenchmark {

    /** What one burst came to. {@code lost} and {@code duplicated} count subscription-weeks with no email and with more than one. */
    public record Result(int n, double seconds, double p50Ms, double p99Ms, int lost, int duplicated, List<ServiceFigures> services) {

        public double emailsPerSecond() {
            return n / seconds;
        }
    }

    public record ServiceFigures(String name, double startSeconds, long peakRssMib, double cpuSeconds) {
    }

    private static final HttpClient HTTP = HttpClient.newHttpClient();

    private final LocalInfrastructure infra;
    private final StrideServices services;
    private final Duration settle;

    /** {@code settle}: how long to keep counting after the last email, past the window in which a duplicate would arrive. */
    public BurstBenchmark(LocalInfrastructure infra, Path logDir, Duration settle) {
        this.infra = infra;
        this.services = new StrideServices(StrideServices.projectDir(), infra, logDir);
        this.settle = settle;
    }

    /** Settings on top of the shipped ones, per service (environment-variable form); e.g. shorter leases for the smoke run. */
    public Result run(int n, Map<String, String> reminderSettings, Map<String, String> notifierSettings) throws Exception {
        SmtpSink sink = infra.smtpSink().orElseThrow(() -> new IllegalStateException("the burst reads the local SMTP sink"));
        try (services; Connection db = BenchDb.connect(infra.database()); Statement sql = db.createStatement()) {
            sink.clear();
            // Fresh schemas: each service's migrations recreate its own at start.
            for (String schema : List.of("roadmap", "reminder", "notifier")) {
                sql.execute("DROP SCHEMA IF EXISTS " + schema + " CASCADE");
            }
            services.start("roadmap-service", 1, Map.of());
            Map<String, String> reminder = new HashMap<>(reminderSettings);
            // The demo profile only adds a grace long enough for a moved clock; the flag switches the demo clock on.
            reminder.put("QUARKUS_PROFILE", "demo");
            reminder.put("STRIDE_DEMO_CLOCK_CONTROL", "true");
            StrideServices.Running reminderService = services.start("reminder-service", 1, reminder);
            services.start("notifier-service", 1, notifierSettings);

            BurstSeeder.seed(infra.kafkaBootstrapServers(), n, LocalDate.now(ZoneOffset.UTC));
            Instant due = awaitScheduled(sql, n);
            Map<Long, Long> cpuBefore = new HashMap<>();
            services.running().forEach(service -> cpuBefore.put(service.pid(), ProcessStats.cpuMillis(service.pid())));

            Instant start = Instant.now();
            advanceClock(reminderService.process().port(), Duration.between(start, due));
            awaitAccepted(sink, n);
            Thread.sleep(settle.toMillis());

            List<StoredMail> mails = sink.messages();
            Map<String, Integer> perRecipient = new HashMap<>();
            mails.forEach(mail -> mail.envelopeTo().forEach(to -> perRecipient.merge(to, 1, Integer::sum)));
            int lost = 0;
            for (int i = 1; i <= n; i++) {
                lost += perRecipient.containsKey(BurstSeeder.address(i)) ? 0 : 1;
            }
            int duplicated = (int) perRecipient.values().stream().filter(count -> count > 1).count();
            long[] lags = mails.stream().mapToLong(mail -> Duration.between(start, mail.receivedAt()).toMillis()).sorted().toArray();
            List<ServiceFigures> figures = services.running().stream().map(service -> new ServiceFigures(service.name(),
                    service.startToReady().toMillis() / 1000.0, ProcessStats.peakRssMib(service.pid()),
                    (ProcessStats.cpuMillis(service.pid()) - cpuBefore.get(service.pid())) / 1000.0)).toList();
            double seconds = lags.length == 0 ? 0 : lags[lags.length - 1] / 1000.0;
            return new Result(n, seconds, percentile(lags, 0.50), percentile(lags, 0.99), lost, duplicated, figures);
        }
    }

    public static void print(Result result, PrintStream out) {
        new Table("burst", "n", "due→last email s", "emails/s", "p50 ms", "p99 ms", "lost", "duplicated")
                .row("end to end", result.n(), result.seconds(), result.emailsPerSecond(), result.p50Ms(), result.p99Ms(),
                        result.lost(), result.duplicated())
                .print(out);
        out.println();
        Table services = new Table("service", "start→ready s", "peak RSS MiB", "CPU s in burst");
        result.services().forEach(s -> services.row(s.name(), s.startSeconds(), s.peakRssMib(), s.cpuSeconds()));
        services.print(out);
    }

    /** Waits until reminder-service has a pending nudge for all N learners; returns their (single) due instant. */
    public static Instant awaitScheduled(Statement sql, int n) throws Exception {
        long deadline = System.nanoTime() + Duration.ofMinutes(30).toNanos();
        while (System.nanoTime() < deadline) {
            try (ResultSet row = sql.executeQuery("""
                    SELECT count(*), min(due_at), max(due_at) FROM reminder.nudge WHERE status = 'PENDING'""")) {
                row.next();
                if (row.getLong(1) >= n) {
                    if (!row.getTimestamp(2).equals(row.getTimestamp(3))) {
                        throw new IllegalStateException("the learners' nudges are not due at one instant: " + row.getTimestamp(2) + " to " + row.getTimestamp(3));
                    }
                    return row.getTimestamp(2).toInstant();
                }
            } catch (java.sql.SQLException e) {
                // The schema appears with the service's first migration.
            }
            Thread.sleep(200);
        }
        throw new IllegalStateException("reminder-service did not schedule " + n + " nudges within 30 minutes");
    }

    /**
     * Moves a reminder-service's demo clock forward as the operator admin (its ClockResource; the offset is stored, so
     * a restart keeps it). The service needs STRIDE_DEMO_CLOCK_CONTROL=true.
     */
    public static void advanceClock(int port, Duration by) throws Exception {
        String admin = "admin:" + StrideServices.ADMIN_PASSWORD;
        HttpResponse<String> response = HTTP.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/ops/clock/advance?by=" + by))
                .header("Authorization", "Basic " + java.util.Base64.getEncoder().encodeToString(admin.getBytes(java.nio.charset.StandardCharsets.UTF_8)))
                .POST(HttpRequest.BodyPublishers.noBody()).build(), HttpResponse.BodyHandlers.ofString());
        if (response.statusCode() != 200) {
            throw new IllegalStateException("moving reminder-service's clock failed: " + response.statusCode() + " " + response.body());
        }
    }

    private static void awaitAccepted(SmtpSink sink, int n) throws Exception {
        Progress.await("the burst", () -> new Progress.Status(sink.count(), sink.count() >= n, sink.count() + " of " + n + " emails accepted"));
    }

    private static double percentile(long[] sorted, double p) {
        return sorted.length == 0 ? 0 : sorted[Math.min(sorted.length - 1, (int) Math.ceil(p * sorted.length) - 1)];
    }

}
