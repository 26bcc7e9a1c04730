package dev.stride.reminder.messaging;

import jakarta.persistence.OptimisticLockException;
import jakarta.persistence.PessimisticLockException;
import org.hibernate.StaleStateException;
import org.hibernate.exception.JDBCConnectionException;
import org.hibernate.exception.LockAcquisitionException;

import java.sql.SQLException;
import java.sql.SQLRecoverableException;
import java.sql.SQLTransientException;
import java.util.Set;

/**
 * Which failures of an event's application are worth retrying: the database unreachable or restarting, a lock conflict
 * or a concurrent update of the same row. Everything else (an unreadable record, an event that refers to nothing, a bug)
 * would fail the same way again and goes to the dead-letter topic at once.
 */
public final class TransientFailures {

    /** SQLSTATE classes: 08 connection, 40 transaction rollback (serialization, deadlock), 53 resources, 57 operator intervention. */
    private static final Set<String> TRANSIENT_SQL_CLASSES = Set.of("08", "40", "53", "57");

    private TransientFailures() {
    }

    public static boolean isTransient(Throwable failure) {
        for (Throwable cause = failure; cause != null; cause = cause.getCause()) {
            if (cause instanceof EventApplier.UnappliableEventException || cause instanceof dev.stride.contracts.event.UnreadableEventException) {
                return false;
            }
            if (cause instanceof OptimisticLockException || cause instanceof PessimisticLockException || cause instanceof StaleStateException
                    || cause instanceof JDBCConnectionException || cause instanceof LockAcquisitionException
                    || cause instanceof SQLTransientException || cause instanceof SQLRecoverableException) {
                return true;
            }
            if (cause instanceof SQLException sql && (sql.getSQLState() == null
                    ? String.valueOf(sql.getMessage()).contains("Acquisition timeout")
                    : TRANSIENT_SQL_CLASSES.contains(sql.getSQLState().substring(0, 2)))) {
                return true;
            }
            if (cause == cause.getCause()) {
                break;
            }
        }
        return false;
    }
}
