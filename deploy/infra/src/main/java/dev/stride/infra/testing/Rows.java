package dev.stride.infra.testing;

import dev.stride.infra.Database;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.Properties;

/** Counts rows in a service's schema of the real database, straight over JDBC, as a test checks what was (not) written. */
public final class Rows {

    private Rows() {
    }

    /** {@code sql} selects one number; {@code ?1, ?2, ...} or {@code ?} take the parameters in order. */
    public static long count(String schema, String sql, Object... parameters) {
        Database database = TestInfrastructure.get().database();
        Properties properties = new Properties();
        properties.setProperty("user", database.username());
        properties.setProperty("password", database.password());
        properties.setProperty("currentSchema", schema);
        try (Connection connection = DriverManager.getConnection(database.jdbcUrl(), properties);
             PreparedStatement statement = connection.prepareStatement(sql.replaceAll("\\?\\d+", "?"))) {
            for (int i = 0; i < parameters.length; i++) {
                statement.setObject(i + 1, parameters[i]);
            }
            try (ResultSet row = statement.executeQuery()) {
                row.next();
                return row.getLong(1);
            }
        } catch (SQLException e) {
            throw new IllegalStateException("count failed: " + sql, e);
        }
    }
}
