package dev.stride.roadmap.console;

import dev.stride.roadmap.problem.Problem;
import dev.stride.roadmap.problem.ProblemException;
import io.agroal.api.AgroalDataSource;
import jakarta.enterprise.context.ApplicationScoped;
import org.jboss.logging.Logger;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

/** Read-only SQL of the console's lookups and figures, over plain JDBC: typed columns, no entity loading. */
@ApplicationScoped
public class Rows {

    private static final Logger LOG = Logger.getLogger(Rows.class);

    /** Maps the current row of a result set. */
    @FunctionalInterface
    public interface Mapper<T> {
        T map(ResultSet row) throws SQLException;
    }

    private final AgroalDataSource database;

    public Rows(AgroalDataSource database) {
        this.database = database;
    }

    /** Every row the query returns, mapped; parameters are bound in order (Instant and LocalDate as timestamptz / date). */
    public <T> List<T> list(String sql, Mapper<T> mapper, Object... parameters) {
        try (Connection connection = database.getConnection(); PreparedStatement statement = connection.prepareStatement(sql)) {
            for (int i = 0; i < parameters.length; i++) {
                Object value = parameters[i];
                statement.setObject(i + 1, value instanceof Instant instant ? OffsetDateTime.ofInstant(instant, java.time.ZoneOffset.UTC) : value);
            }
            List<T> rows = new ArrayList<>();
            try (ResultSet result = statement.executeQuery()) {
                while (result.next()) {
                    rows.add(mapper.map(result));
                }
            }
            return rows;
        } catch (SQLException e) {
            LOG.warnf("A console query failed: %s", e.getMessage());
            throw new ProblemException(Problem.of(503, "database-unavailable", "Database unavailable",
                    "The database did not answer the console's query; try again when it is reachable."));
        }
    }

    static Instant instant(ResultSet row, String column) throws SQLException {
        OffsetDateTime time = row.getObject(column, OffsetDateTime.class);
        return time == null ? null : time.toInstant();
    }

    static LocalDate date(ResultSet row, String column) throws SQLException {
        return row.getObject(column, LocalDate.class);
    }

    static UUID uuid(ResultSet row, String column) throws SQLException {
        return row.getObject(column, UUID.class);
    }

    static Integer integer(ResultSet row, String column) throws SQLException {
        int value = row.getInt(column);
        return row.wasNull() ? null : value;
    }

    static Double decimal(ResultSet row, String column) throws SQLException {
        double value = row.getDouble(column);
        return row.wasNull() ? null : value;
    }

    static Boolean bool(ResultSet row, String column) throws SQLException {
        boolean value = row.getBoolean(column);
        return row.wasNull() ? null : value;
    }
}
