package dev.stride.notifier.delivery;

import dev.stride.infra.testing.StrideInfraResource;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.common.TestResourceScope;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import jakarta.transaction.TransactionSynchronizationRegistry;
import org.junit.jupiter.api.Test;

import java.time.Clock;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * A count made in a transaction lands when it commits and not when it rolls back, so a transaction that failed and is
 * retried (a database restarting) counts once. On a registry of its own, so the application's emails (another test's
 * SMTP outage ending, say) cannot move the counter meanwhile; the transactions are the application's real ones.
 */
@QuarkusTest
@WithTestResource(value = StrideInfraResource.class, scope = TestResourceScope.GLOBAL)
class DeliveryMetricsTest {

    @Inject
    TransactionSynchronizationRegistry transactions;

    private final MeterRegistry registry = new SimpleMeterRegistry();

    @Test
    void aCountInATransactionLandsOnCommitAndNeverOnRollback() {
        DeliveryMetrics metrics = new DeliveryMetrics(registry, Clock.systemUTC(), transactions);
        double before = released();

        assertThatThrownBy(() -> QuarkusTransaction.requiringNew().run(() -> {
            metrics.releasedAfterOutage(3);
            assertThat(released()).as("not before the commit").isEqualTo(before);
            throw new IllegalStateException("the database went away");
        })).hasMessageContaining("the database went away");
        assertThat(released()).as("rolled back: not counted").isEqualTo(before);

        QuarkusTransaction.requiringNew().run(() -> metrics.releasedAfterOutage(3));
        assertThat(released()).as("the retry, committed").isEqualTo(before + 3);

        metrics.releasedAfterOutage(2);
        assertThat(released()).as("outside a transaction: at once").isEqualTo(before + 5);
    }

    private double released() {
        return registry.counter("stride.delivery.outage.released").count();
    }
}
