package dev.stride.notifier.delivery;

import dev.stride.infra.testing.StrideInfraResource;
import io.micrometer.core.instrument.MeterRegistry;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.common.TestResourceScope;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * A count made in a transaction lands when it commits and not when it rolls back, so a transaction that failed and is
 * retried (a database restarting) counts once. The counter used is one nothing else here moves (emails released after
 * an SMTP outage), so other tests' emails cannot change it meanwhile.
 */
@QuarkusTest
@WithTestResource(value = StrideInfraResource.class, scope = TestResourceScope.GLOBAL)
class DeliveryMetricsTest {

    @Inject
    DeliveryMetrics metrics;

    @Inject
    MeterRegistry registry;

    @Test
    void aCountInATransactionLandsOnCommitAndNeverOnRollback() {
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
