package dev.stride.bench.dispatch;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Duration;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

/**
 * The most this PostgreSQL takes when all a dispatcher did was mark rows sent: N rows PENDING in a
 * table shaped like the reminder's nudge rows (key subscription + week), then, timed, one
 * {@code UPDATE ... SET status = 'SENT'} per row by primary key, sent as JDBC batches of
 * {@value #BATCH} and committed per batch, on one connection. No Kafka, no claiming, no polling.
 */
public final class BareUpdateCeiling implements Peer {

    public static final String SCHEMA = "bench_ceiling";
    public static final String TABLE = SCHEMA + ".nudge_like";
    public static final int BATCH = 1000;

    /** The week every row is for; the key's other half is the subscription. */
    private static final LocalDate WEEK = LocalDate.of(2026, 1, 5);

    private final PeerContext context;

    public BareUpdateCeiling(PeerContext context) {
        this.context = context;
    }

    @Override
    public String name() {
        return "PostgreSQL UPDATE alone";
    }

    @Override
    public String config() {
        return "ceiling: UPDATE by key, JDBC batches of " + BATCH + ", commit per batch, 1 connection";
    }

    @Override
    public Drained drain(int n) throws Exception {
        BenchDb.recreateSchema(context.database(), SCHEMA);
        // reWriteBatchedInserts=true like db-scheduler's pool; it only rewrites INSERT batches, UPDATE batches are pipelined either way.
        try (Connection connection = BenchDb.connect(context.database(), "reWriteBatchedInserts=true")) {
            List<UUID> subscriptions = prepare(connection, n);

            connection.setAutoCommit(false);
            long updated = 0;
            long start = System.nanoTime();
            try (PreparedStatement update = connection.prepareStatement(
                    "UPDATE " + TABLE + " SET status = 'SENT', sent_at = now() WHERE subscription_id = ? AND week_start = ?")) {
                int pending = 0;
                for (UUID subscription : subscriptions) {
                    update.setObject(1, subscription);
                    update.setObject(2, WEEK);
                    update.addBatch();
                    if (++pending == BATCH) {
                        updated += sum(update.executeBatch());
                        connection.commit();
                        pending = 0;
                    }
                }
                if (pending > 0) {
                    updated += sum(update.executeBatch());
                    connection.commit();
                }
            }
            Duration elapsed = Duration.ofNanos(System.nanoTime() - start);
            connection.setAutoCommit(true);
            return new Drained(n, elapsed, updated);
        }
    }

    /** Untimed: the table, n PENDING rows with deterministic keys, fresh statistics, and the keys in table order. */
    private static List<UUID> prepare(Connection connection, int n) throws Exception {
        try (Statement sql = connection.createStatement()) {
            sql.execute("CREATE TABLE " + TABLE + " (subscription_id uuid NOT NULL, week_start date NOT NULL, "
                    + "status text NOT NULL, sent_at timestamptz, PRIMARY KEY (subscription_id, week_start))");
            sql.execute("INSERT INTO " + TABLE + " SELECT md5(g::text)::uuid, DATE '" + WEEK + "', 'PENDING', NULL "
                    + "FROM generate_series(1, " + n + ") AS g");
            sql.execute("ANALYZE " + TABLE);
            List<UUID> keys = new ArrayList<>(n);
            try (ResultSet rows = sql.executeQuery("SELECT subscription_id FROM " + TABLE)) {
                while (rows.next()) {
                    keys.add(rows.getObject(1, UUID.class));
                }
            }
            return keys;
        }
    }

    /** Rows the driver reports updated (each statement touches one row when the key exists). */
    private static long sum(int[] counts) {
        long total = 0;
        for (int count : counts) {
            if (count > 0) {
                total += count;
            }
        }
        return total;
    }
}
