package dev.stride.contracts.consumer;

import dev.failsafe.Failsafe;
import dev.failsafe.RetryPolicy;
import dev.failsafe.function.CheckedSupplier;
import dev.stride.contracts.privacy.Addresses;

import java.sql.SQLException;
import java.sql.SQLRecoverableException;
import java.sql.SQLTransientException;
import java.time.Duration;
import java.util.Collections;
import java.util.IdentityHashMap;
import java.util.Set;
import java.util.function.Consumer;

/**
 * How every Stride consumer treats a failure before its record goes to the dead-letter topic: one that may pass (the
 * database unreachable, restarting or out of connections; a lock conflict; a concurrent update of the same row) is
 * retried with exponential back-off, holding the partition, for up to {@code retryFor}; anything else (an unreadable
 * record, an event that refers to nothing, a bug) would fail the same way again and is thrown at once. Uses Failsafe
 * (a maintained retry library; SmallRye Fault Tolerance does not resolve for this Quarkus here).
 */
public final class ConsumerRetry {

    /** SQLSTATE classes: 08 connection, 40 transaction rollback (serialization, deadlock), 53 resources, 57 operator intervention. */
    private static final Set<String> TRANSIENT_SQL_CLASSES = Set.of("08", "40", "53", "57");
    /** Persistence exceptions by simple name, so this module needs no JPA or Hibernate on its classpath. */
    private static final Set<String> TRANSIENT_TYPES = Set.of("OptimisticLockException", "PessimisticLockException", "StaleStateException",
            "StaleObjectStateException", "JDBCConnectionException", "LockAcquisitionException", "LockTimeoutException");

    private final RetryPolicy<Object> policy;

    public ConsumerRetry(Duration retryFor, Consumer<String> onRetry) {
        this(retryFor, Duration.ofSeconds(5), onRetry);
    }

    /** Retries with back-off from 100 ms up to {@code maxDelay} between attempts, for {@code retryFor} in all. */
    public ConsumerRetry(Duration retryFor, Duration maxDelay, Consumer<String> onRetry) {
        this.policy = RetryPolicy.builder()
                .handleIf(ConsumerRetry::isTransient)
                .withBackoff(Duration.ofMillis(100), maxDelay)
                .withJitter(0.25)
                .withMaxRetries(-1)
                .withMaxDuration(retryFor)
                .onRetry(event -> onRetry.accept("retry " + event.getAttemptCount() + " after " + Addresses.redact(String.valueOf(event.getLastException()))))
                .build();
    }

    /** Runs {@code work}, retrying transient failures; the last failure is thrown (unwrapped) when they do not pass. */
    public <T> T get(CheckedSupplier<T> work) {
        return Failsafe.with(policy).get(work);
    }

    /**
     * Whether {@code failure}, any of its causes or anything suppressed along the way may pass. A commit that loses its
     * connection is a RollbackException whose SQL error is only a suppressed one (Narayana's XAException), so causes
     * alone are not enough: a 250 recorded in such a commit was once given up at once and the email sent twice.
     */
    public static boolean isTransient(Throwable failure) {
        return anyTransient(failure, Collections.newSetFromMap(new IdentityHashMap<>()));
    }

    private static boolean anyTransient(Throwable failure, Set<Throwable> seen) {
        if (failure == null || !seen.add(failure)) {
            return false;
        }
        if (isTransientItself(failure)) {
            return true;
        }
        for (Throwable suppressed : failure.getSuppressed()) {
            if (anyTransient(suppressed, seen)) {
                return true;
            }
        }
        return anyTransient(failure.getCause(), seen);
    }

    private static boolean isTransientItself(Throwable cause) {
        if (TRANSIENT_TYPES.contains(cause.getClass().getSimpleName())
                || cause instanceof SQLTransientException || cause instanceof SQLRecoverableException) {
            return true;
        }
        if (cause instanceof SQLException sql && (sql.getSQLState() == null
                ? String.valueOf(sql.getMessage()).toLowerCase(java.util.Locale.ROOT).contains("acquisition timeout")
                : sql.getSQLState().length() >= 2 && TRANSIENT_SQL_CLASSES.contains(sql.getSQLState().substring(0, 2)))) {
            return true;
        }
        return String.valueOf(cause.getMessage()).contains("Unable to acquire JDBC Connection");
    }
}
