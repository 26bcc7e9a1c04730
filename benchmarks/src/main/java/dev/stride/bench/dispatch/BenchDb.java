package dev.stride.bench.dispatch;

import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;
import dev.stride.bench.harness.Progress;
import dev.stride.infra.Database;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Arrays;
import java.util.concurrent.atomic.AtomicLong;
import java.util.stream.Collectors;

/**
 * The database chores every peer shares: a fresh schema per drain (so runs never see each other's
 * rows), DDL scripts, connection pools, and the wait for "everything ran and the table is empty".
 */
public final class BenchDb {

    private BenchDb() {
    }

    /** The database's JDBC URL with extra driver parameters, e.g. {@code currentSchema=bench_quartz}. */
    public static String url(Database database, String... parameters) {
        if (parameters.length == 0) {
            return database.jdbcUrl();
        }
        String joined = String.join("&", parameters);
        return database.jdbcUrl() + (database.jdbcUrl().contains("?") ? "&" : "?") + joined;
    }

    /** A plain connection (auto-commit), for preparation and for probing while an engine drains. */
    public static Connection connect(Database database, String... parameters) throws SQLException {
        return DriverManager.getConnection(url(database, parameters), database.username(), database.password());
    }

    /**
     * A HikariCP pool whose connections see {@code schema} first on their search path, so an engine's
     * unqualified table names land in its own schema.
     */
    public static HikariDataSource pool(Database database, String schema, int size, String name, String... parameters) {
        String[] withSchema = Arrays.copyOf(parameters, parameters.length + 1);
        withSchema[parameters.length] = "currentSchema=" + schema;
        HikariConfig config = new HikariConfig();
        config.setPoolName(name);
        config.setJdbcUrl(url(database, withSchema));
        config.setUsername(database.username());
        config.setPassword(database.password());
        config.setMaximumPoolSize(size);
        // Fixed size: no connection is opened inside the timed part.
        config.setMinimumIdle(size);
        return new HikariDataSource(config);
    }

    /** Drops {@code schema} with everything in it and creates it empty. */
    public static void recreateSchema(Database database, String schema) throws SQLException {
        try (Connection connection = connect(database); Statement sql = connection.createStatement()) {
            sql.execute("DROP SCHEMA IF EXISTS " + schema + " CASCADE");
            sql.execute("CREATE SCHEMA " + schema);
        }
    }

    /**
     * Runs a DDL script inside {@code schema}: "--" comment lines are dropped, the rest is split on
     * ";" (the scripts we run have none inside literals) and a bare COMMIT is skipped because each
     * statement commits on its own.
     */
    public static void runScript(Database database, String schema, String script) throws SQLException {
        String code = script.lines()
                .filter(line -> !line.strip().startsWith("--"))
                .collect(Collectors.joining("\n"));
        try (Connection connection = connect(database, "currentSchema=" + schema); Statement sql = connection.createStatement()) {
            for (String statement : code.split(";")) {
                String trimmed = statement.strip();
                if (!trimmed.isEmpty() && !trimmed.equalsIgnoreCase("COMMIT")) {
                    sql.execute(trimmed);
                }
            }
        }
    }

    /** A text resource from the classpath (ours or a library's jar). */
    public static String resource(String path) {
        try (InputStream in = BenchDb.class.getClassLoader().getResourceAsStream(path)) {
            if (in == null) {
                throw new IllegalStateException("resource not on the classpath: " + path);
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The single number a {@code SELECT count(*) ...} returns. */
    public static long count(Connection connection, String countQuery) throws SQLException {
        try (Statement sql = connection.createStatement(); ResultSet row = sql.executeQuery(countQuery)) {
            row.next();
            return row.getLong(1);
        }
    }

    /**
     * Blocks until the handler counted at least {@code n} executions and {@code remainingQuery} (a count over the
     * engine's table) says nothing is left, checked on {@code probe}; fails when the count stalls ({@link Progress}).
     */
    public static void awaitDrained(String engine, int n, AtomicLong executed, Connection probe, String remainingQuery) throws Exception {
        Progress.await(engine, () -> {
            long now = executed.get();
            boolean done = now >= n && count(probe, remainingQuery) == 0;
            return new Progress.Status(now, done, now + " of " + n + " executed, " + (done ? 0 : count(probe, remainingQuery)) + " still in its table");
        });
    }
}
