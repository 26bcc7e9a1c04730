package dev.stride.reminder.messaging;

import dev.stride.contracts.event.UnreadableEventException;
import jakarta.persistence.OptimisticLockException;
import jakarta.persistence.PersistenceException;
import org.junit.jupiter.api.Test;

import java.sql.SQLException;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

class TransientFailuresTest {

    @Test
    void aDatabaseThatIsRestartingOrAConcurrentUpdateIsWorthARetry() {
        assertThat(TransientFailures.isTransient(new PersistenceException(new SQLException("connection refused", "08001")))).isTrue();
        assertThat(TransientFailures.isTransient(new PersistenceException(new SQLException("terminating connection", "57P01")))).isTrue();
        assertThat(TransientFailures.isTransient(new PersistenceException(new SQLException("deadlock detected", "40P01")))).isTrue();
        assertThat(TransientFailures.isTransient(new RuntimeException(new OptimisticLockException("stale")))).isTrue();
        assertThat(TransientFailures.isTransient(new SQLException("Acquisition timeout while waiting for new connection"))).isTrue();
    }

    @Test
    void whatWouldFailTheSameWayAgainGoesStraightOn() {
        assertThat(TransientFailures.isTransient(new UnreadableEventException("not json"))).isFalse();
        assertThat(TransientFailures.isTransient(new EventApplier.UnknownSubscriptionException(UUID.randomUUID()))).isFalse();
        assertThat(TransientFailures.isTransient(new PersistenceException(new SQLException("null value in column", "23502")))).isFalse();
        assertThat(TransientFailures.isTransient(new IllegalStateException("a bug"))).isFalse();
    }
}
