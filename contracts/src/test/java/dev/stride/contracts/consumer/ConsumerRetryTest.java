package dev.stride.contracts.consumer;

import dev.stride.contracts.event.UnreadableEventException;
import org.junit.jupiter.api.Test;

import java.sql.SQLException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class ConsumerRetryTest {

    /** Named like Hibernate's and JPA's, which this module does not depend on. */
    static class OptimisticLockException extends RuntimeException {
    }

    @Test
    void aDatabaseThatIsRestartingOrBusyOrAConcurrentUpdateIsWorthARetry() {
        assertThat(ConsumerRetry.isTransient(new RuntimeException(new SQLException("connection refused", "08001")))).isTrue();
        assertThat(ConsumerRetry.isTransient(new RuntimeException(new SQLException("terminating connection", "57P01")))).isTrue();
        assertThat(ConsumerRetry.isTransient(new RuntimeException(new SQLException("deadlock detected", "40P01")))).isTrue();
        assertThat(ConsumerRetry.isTransient(new RuntimeException(new OptimisticLockException()))).isTrue();
        assertThat(ConsumerRetry.isTransient(new SQLException("Sorry, acquisition timeout!"))).isTrue();
        assertThat(ConsumerRetry.isTransient(new RuntimeException("Unable to acquire JDBC Connection [Sorry, acquisition timeout!]"))).isTrue();
    }

    @Test
    void aCommitThatLostItsConnectionIsWorthARetryThoughItsSqlErrorIsOnlySuppressed() {
        // Narayana's shape, seen in the fault suite: RollbackException, its XAException suppressed, caused by the 57P01.
        RuntimeException rollback = new RuntimeException("ARJUNA016053: Could not commit transaction.");
        Exception xa = new Exception("Error trying to transactionCommit local transaction",
                new SQLException("FATAL: terminating connection due to administrator command", "57P01"));
        rollback.addSuppressed(xa);

        assertThat(ConsumerRetry.isTransient(new RuntimeException(rollback))).isTrue();
        RuntimeException permanent = new RuntimeException("rolled back");
        permanent.addSuppressed(new RuntimeException(new SQLException("null value in column", "23502")));
        assertThat(ConsumerRetry.isTransient(permanent)).isFalse();
    }

    @Test
    void whatWouldFailTheSameWayAgainIsNot() {
        assertThat(ConsumerRetry.isTransient(new UnreadableEventException("not json"))).isFalse();
        assertThat(ConsumerRetry.isTransient(new RuntimeException(new SQLException("null value in column", "23502")))).isFalse();
        assertThat(ConsumerRetry.isTransient(new IllegalStateException("a bug"))).isFalse();
    }

    @Test
    void transientFailuresAreRetriedUntilTheyPassAndOthersAreThrownAtOnce() {
        List<String> retries = new ArrayList<>();
        ConsumerRetry retry = new ConsumerRetry(Duration.ofSeconds(10), retries::add);
        AtomicInteger calls = new AtomicInteger();

        String result = retry.get(() -> {
            if (calls.incrementAndGet() < 3) {
                throw new RuntimeException(new SQLException("connection refused", "08001"));
            }
            return "applied";
        });

        assertThat(result).isEqualTo("applied");
        assertThat(retries).hasSize(2);
        AtomicInteger poisonCalls = new AtomicInteger();
        assertThatThrownBy(() -> retry.get(() -> {
            poisonCalls.incrementAndGet();
            throw new UnreadableEventException("not json");
        })).isInstanceOf(UnreadableEventException.class);
        assertThat(poisonCalls).hasValue(1);
    }

    @Test
    void aFailureThatDoesNotPassWithinTheRetryTimeIsThrown() {
        ConsumerRetry retry = new ConsumerRetry(Duration.ofMillis(500), message -> { });
        assertThatThrownBy(() -> retry.get(() -> {
            throw new SQLException("connection refused", "08001");
        })).hasRootCauseInstanceOf(SQLException.class);
    }
}
