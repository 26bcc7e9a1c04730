package dev.stride.contracts.retention;

import javax.sql.DataSource;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.regex.Pattern;

/**
 * Deletes the rows of one table that match a condition, a batch at a time, each batch committed on its own: a retention
 * run never holds locks on thousands of rows, and what it removed stays removed if it stops half way. PostgreSQL only
 * ({@code ctid}). Plain JDBC (the JDK's {@code java.sql}), so every service uses the same loop without a dependency.
 */
public final class BatchedDelete {

    private static final Pattern TABLE = Pattern.compile("[a-z_]+");

    private BatchedDelete() {
    }

    /**
     * Deletes every row of {@code table} for which {@code condition} holds, {@code batchSize} at a time; the condition's
     * single {@code ?} is the cutoff. Returns how many rows went. Must run outside a transaction.
     */
    public static long olderThan(DataSource dataSource, String table, String condition, Instant cutoff, int batchSize) {
        if (!TABLE.matcher(table).matches() || batchSize < 1) {
            throw new IllegalArgumentException("table " + table + ", batch size " + batchSize);
        }
        String sql = "DELETE FROM " + table + " WHERE ctid IN (SELECT ctid FROM " + table + " WHERE " + condition + " LIMIT " + batchSize + ")";
        long removed = 0;
        try (Connection connection = dataSource.getConnection()) {
            connection.setAutoCommit(true);
            try (PreparedStatement delete = connection.prepareStatement(sql)) {
                int batch;
                do {
                    delete.setObject(1, OffsetDateTime.ofInstant(cutoff, ZoneOffset.UTC));
                    batch = delete.executeUpdate();
                    removed += batch;
                } while (batch == batchSize);
            }
        } catch (SQLException e) {
            throw new IllegalStateException("Deleting from " + table + " failed after " + removed + " row(s): " + e.getMessage(), e);
        }
        return removed;
    }
}
