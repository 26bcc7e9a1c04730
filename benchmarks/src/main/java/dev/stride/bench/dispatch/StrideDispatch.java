package dev.stride.bench.dispatch;

import dev.stride.bench.harness.Progress;
import dev.stride.bench.harness.StrideServices;
import dev.stride.contracts.Topics;
import dev.stride.infra.StrideInfrastructure;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.temporal.TemporalAdjusters;
import java.util.Map;

/**
 * Stride's own dispatcher, as production runs it: {@code instances} reminder-service JVMs on the real schema. The
 * fixture's rows fall due at once; the drain ends when every row is marked sent (which happens only after Kafka
 * acknowledged its NudgeDue) and its next week scheduled. {@code executed} is the number of records that reached
 * {@code nudge-events}, so a row published twice shows.
 */
public final class StrideDispatch implements Peer {

    /** Due-to-sent lag of the last drain, in milliseconds. */
    public record Lag(double p50, double p99, double max) {
    }

    private final StrideServices services;
    private final StrideInfrastructure infra;
    private final int instances;
    private final Path jar;
    private final String label;
    private Lag lag = new Lag(0, 0, 0);
    private double meanRecordBytes;

    /** {@code jar}: the reminder-service build to run (this one, or an older one to compare with). */
    public StrideDispatch(StrideServices services, StrideInfrastructure infra, int instances, Path jar, String label) {
        this.services = services;
        this.infra = infra;
        this.instances = instances;
        this.jar = jar;
        this.label = label;
    }

    @Override
    public String name() {
        return "Stride " + label;
    }

    @Override
    public String config() {
        String tuned = System.getProperty("reminder.env", "");
        return instances + (instances == 1 ? " JVM" : " JVMs") + ", " + (tuned.isBlank() ? "shipped settings" : tuned);
    }

    public Lag lag() {
        return lag;
    }

    /** The mean size of the NudgeDue records the last drain published (what the peers then publish). */
    public double meanRecordBytes() {
        return meanRecordBytes;
    }

    @Override
    public Drained drain(int n) throws Exception {
        try (Connection db = BenchDb.connect(infra.database()); Statement sql = db.createStatement()) {
            // A fresh schema per drain: the service's Flyway migrations recreate it at start.
            sql.execute("DROP SCHEMA IF EXISTS reminder CASCADE");
            for (int i = 1; i <= instances; i++) {
                services.start("reminder-service", jar, i, settings());
            }
            LocalDate week = LocalDate.now(ZoneOffset.UTC).with(TemporalAdjusters.previousOrSame(java.time.DayOfWeek.MONDAY));
            long before = TopicCounter.records(infra.kafkaBootstrapServers(), Topics.NUDGE_EVENTS);
            Instant due = Instant.now();
            StrideFixture.seed(db, n, week, due);
            Instant committed = Instant.now();
            awaitSent(sql, n, week, due);
            Instant last;
            try (ResultSet row = sql.executeQuery("""
                    SELECT max(sent_at),
                           percentile_cont(0.5) WITHIN GROUP (ORDER BY extract(epoch FROM sent_at - due_at)),
                           percentile_cont(0.99) WITHIN GROUP (ORDER BY extract(epoch FROM sent_at - due_at)),
                           max(extract(epoch FROM sent_at - due_at))
                    FROM reminder.nudge WHERE status = 'SENT'""")) {
                row.next();
                last = row.getTimestamp(1).toInstant();
                lag = new Lag(row.getDouble(2) * 1000, row.getDouble(3) * 1000, row.getDouble(4) * 1000);
            }
            long published = TopicCounter.records(infra.kafkaBootstrapServers(), Topics.NUDGE_EVENTS) - before;
            meanRecordBytes = TopicCounter.meanValueBytes(infra.kafkaBootstrapServers(), Topics.NUDGE_EVENTS, 500);
            return new Drained(n, Duration.between(committed, last), published);
        } finally {
            services.close();
        }
    }

    /** The shipped settings, or those -Dreminder.env=NAME=value,... overrides (to tune batch size and lanes). */
    private static Map<String, String> settings() {
        Map<String, String> settings = new java.util.LinkedHashMap<>();
        for (String pair : System.getProperty("reminder.env", "").split(",")) {
            if (pair.contains("=")) {
                settings.put(pair.substring(0, pair.indexOf('=')).trim(), pair.substring(pair.indexOf('=') + 1).trim());
            }
        }
        return settings;
    }

    /**
     * Waits until {@code n} rows of the week are sent and their next weeks are pending. While it runs it only counts the
     * rows still pending and due (the dispatcher's own partial index, a few milliseconds): a heavier probe every 100 ms
     * would take CPU from the engine it measures. The full check runs once, at the end.
     */
    private static void awaitSent(Statement sql, int n, LocalDate week, Instant due) throws Exception {
        Progress.await("Stride", () -> {
            long pending = count(sql, "SELECT count(*) FROM reminder.nudge WHERE status = 'PENDING' AND due_at <= '" + due + "'");
            return new Progress.Status(-pending, pending == 0 && fixtureSettled(sql, n, week), pending + " of " + n + " still pending");
        });
    }

    /** Only the fixture's learners count: events other runs left on the topics may bring in more subscriptions. */
    private static boolean fixtureSettled(Statement sql, int n, LocalDate week) throws Exception {
        return count(sql, "SELECT count(*) FROM reminder.nudge n JOIN reminder.subscription_projection s USING (subscription_id) "
                + "WHERE s.email LIKE '%@bench.example.org' AND ((n.status = 'SENT' AND n.week_start = '" + week + "') "
                + "OR (n.status = 'PENDING' AND n.week_start > '" + week + "'))") >= 2L * n;
    }

    private static long count(Statement sql, String query) throws Exception {
        try (ResultSet row = sql.executeQuery(query)) {
            row.next();
            return row.getLong(1);
        }
    }
}
