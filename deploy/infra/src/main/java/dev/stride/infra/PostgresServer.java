package dev.stride.infra;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;

/**
 * A real PostgreSQL server: the one named by a JDBC URL when given, otherwise one started from the
 * embedded binaries on Maven Central (as root they run inside a user namespace). Either way the
 * {@code stride} database and role exist and answer before {@link #start} returns.
 */
public final class PostgresServer implements AutoCloseable {

    public static final String DATABASE = "stride";
    public static final String ROLE = "stride";

    private final EmbeddedPostgres embedded;
    private final Database database;

    private PostgresServer(EmbeddedPostgres embedded, Database database) {
        this.embedded = embedded;
        this.database = database;
    }

    /** Uses the server at {@code external} as it is: nothing is created or stopped there. */
    public static PostgresServer external(Database external) {
        requireReachable(external, "Check STRIDE_DATABASE_URL, STRIDE_DATABASE_USER and STRIDE_DATABASE_PASSWORD, "
                + "or unset STRIDE_DATABASE_URL to let Stride start its own PostgreSQL.");
        return new PostgresServer(null, external);
    }

    /** Starts a server on {@code port} keeping its files in {@code dataDir} (reused when it already holds a cluster). */
    public static PostgresServer start(Path dataDir, int port, Path logFile) {
        EmbeddedPostgres server;
        try {
            Files.createDirectories(dataDir.getParent());
            Files.createDirectories(logFile.getParent());
            server = EmbeddedPostgres.builder()
                    .setPort(port)
                    .setDataDirectory(dataDir)
                    .setCleanDataDirectory(false)
                    .setRegisterShutdownHook(false)
                    .setServerConfig("max_connections", "200")
                    .setServerConfig("listen_addresses", "127.0.0.1")
                    .setPGStartupWait(Duration.ofSeconds(30))
                    .setOutputRedirector(ProcessBuilder.Redirect.appendTo(logFile.toFile()))
                    .setErrorRedirector(ProcessBuilder.Redirect.appendTo(logFile.toFile()))
                    .start();
        } catch (IOException | RuntimeException e) {
            throw new InfrastructureException("PostgreSQL did not start on 127.0.0.1:" + port + " with data in " + dataDir
                    + " (" + e.getMessage() + "). See " + logFile + "; if the data folder is damaged, start again with --fresh.", e);
        }
        try {
            createDatabase(server);
        } catch (SQLException e) {
            closeQuietly(server);
            throw new InfrastructureException("PostgreSQL started but the stride database could not be prepared: " + e.getMessage(), e);
        }
        return new PostgresServer(server, new Database("jdbc:postgresql://127.0.0.1:" + server.getPort() + "/" + DATABASE, ROLE, ROLE));
    }

    private static void createDatabase(EmbeddedPostgres server) throws SQLException {
        try (Connection connection = server.getPostgresDatabase().getConnection(); Statement sql = connection.createStatement()) {
            try (ResultSet role = sql.executeQuery("SELECT 1 FROM pg_roles WHERE rolname = '" + ROLE + "'")) {
                if (!role.next()) {
                    sql.execute("CREATE ROLE " + ROLE + " LOGIN PASSWORD '" + ROLE + "'");
                }
            }
            try (ResultSet db = sql.executeQuery("SELECT 1 FROM pg_database WHERE datname = '" + DATABASE + "'")) {
                if (!db.next()) {
                    sql.execute("CREATE DATABASE " + DATABASE + " OWNER " + ROLE);
                }
            }
        }
    }

    /** Fails with {@code advice} when a connection cannot be opened within a few seconds. */
    public static void requireReachable(Database database, String advice) {
        DriverManager.setLoginTimeout(5);
        try (Connection connection = DriverManager.getConnection(database.jdbcUrl(), database.username(), database.password())) {
            connection.isValid(5);
        } catch (SQLException e) {
            throw new InfrastructureException("Cannot reach PostgreSQL at " + database.jdbcUrl() + " as " + database.username()
                    + ": " + rootMessage(e) + ". " + advice, e);
        }
    }

    public Database database() {
        return database;
    }

    public boolean isEmbedded() {
        return embedded != null;
    }

    @Override
    public void close() {
        if (embedded != null) {
            closeQuietly(embedded);
        }
    }

    private static void closeQuietly(EmbeddedPostgres server) {
        try {
            server.close();
        } catch (IOException e) {
            System.err.println("PostgreSQL did not stop cleanly: " + e.getMessage());
        }
    }

    private static String rootMessage(Throwable e) {
        Throwable root = e;
        while (root.getCause() != null && root.getCause() != root) {
            root = root.getCause();
        }
        return root == e ? String.valueOf(e.getMessage()) : e.getMessage() + " (" + root.getMessage() + ")";
    }
}
