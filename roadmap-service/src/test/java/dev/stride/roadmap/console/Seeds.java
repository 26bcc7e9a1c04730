package dev.stride.roadmap.console;

import dev.stride.roadmap.TestSupport;
import io.agroal.api.AgroalDataSource;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.UUID;

/** Rows the console reads that other lanes' consumers write in production (nudge_log, delivery_log, engagement), written directly. */
record Seeds(AgroalDataSource database) {

    void nudge(UUID nudge, UUID subscription, String variant, String reason, boolean holdout, Instant due, boolean sent) throws SQLException {
        execute("INSERT INTO nudge_log (nudge_id, subscription_id, roadmap_id, kind, week_start, due_at, variant, variant_reason, holdout, "
                        + "received_at, sent_at, email_id) VALUES (?, ?, ?, 'WEEKLY', ?, ?, ?, ?, ?, ?, ?, ?)", nudge, subscription, TestSupport.ROADMAP,
                at(due).toLocalDate(), at(due), variant, reason, holdout, at(due), sent ? at(due) : null, nudge);
    }

    UUID learnerOf(UUID subscription) throws SQLException {
        try (Connection connection = database.getConnection();
             PreparedStatement statement = connection.prepareStatement("SELECT learner_id FROM subscription WHERE id = ?")) {
            statement.setObject(1, subscription);
            try (ResultSet row = statement.executeQuery()) {
                row.next();
                return row.getObject(1, UUID.class);
            }
        }
    }

    void execute(String sql, Object... parameters) throws SQLException {
        try (Connection connection = database.getConnection(); PreparedStatement statement = connection.prepareStatement(sql)) {
            for (int i = 0; i < parameters.length; i++) {
                statement.setObject(i + 1, parameters[i] instanceof Instant instant ? at(instant) : parameters[i]);
            }
            statement.executeUpdate();
        }
    }

    static OffsetDateTime at(Instant instant) {
        return OffsetDateTime.ofInstant(instant, ZoneOffset.UTC);
    }
}
