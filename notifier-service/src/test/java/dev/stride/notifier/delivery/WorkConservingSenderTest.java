package dev.stride.notifier.delivery;

import dev.stride.infra.testing.StrideInfraResource;
import dev.stride.notifier.ReceivedEmail;
import dev.stride.notifier.TestEvents;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.common.TestResourceScope;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import org.junit.jupiter.api.Test;

import java.time.Clock;
import java.time.Instant;
import java.util.Map;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The sender keeps every slot busy while emails are due: a drain that ended with all slots taken is resumed by the sends
 * as they finish, not by the next poll. Here the poll comes once a day, and the emails are put in the ledger without the
 * event that would start a drain: one call must send more emails than there are slots.
 */
@QuarkusTest
@TestProfile(WorkConservingSenderTest.NoPolling.class)
@WithTestResource(value = StrideInfraResource.class, scope = TestResourceScope.GLOBAL)
class WorkConservingSenderTest {

    public static class NoPolling implements QuarkusTestProfile {
        @Override
        public Map<String, String> getConfigOverrides() {
            return Map.of("stride.delivery.poll-interval", "24h");
        }
    }

    /** Three times the slots (stride.delivery.max-concurrent-sends = 8), so a drain must resume more than once. */
    private static final int EMAILS = 24;

    @Inject
    DeliveryWorker worker;

    @Inject
    DeliverySettings settings;

    @Inject
    EntityManager em;

    @Inject
    Clock clock;

    @Inject
    SuppressionRepository suppressions;

    @Test
    void oneDrainSendsEveryDueEmailThoughThereAreFewerSlots() {
        assertThat(EMAILS).isGreaterThan(2 * settings.maxConcurrentSends());
        String address = TestEvents.uniqueEmail("conserving");
        QuarkusTransaction.requiringNew().run(() -> LedgerRows.queue(em, TestEvents.nudge(address), address, EMAILS, clock.instant()));

        // The one start there is; the start-up poll may still be draining, and then this drain is its next round.
        worker.sendDue();

        assertThat(ReceivedEmail.awaitMessagesTo(address, EMAILS)).hasSize(EMAILS);
    }

    /**
     * The oldest due emails all go to an address that has since left: the claims settle them as suppressed and claim
     * nothing, and the drain must go on to the sendable emails behind them (it used to stop at the first claim that took
     * fewer emails than it asked for, leaving the rest to the next poll).
     */
    @Test
    void aClaimThatOnlySettledSuppressedEmailsDoesNotEndTheDrain() {
        String leaver = TestEvents.uniqueEmail("left");
        String address = TestEvents.uniqueEmail("behind");
        TestEvents.Nudge left = TestEvents.nudge(leaver);
        Instant now = clock.instant();
        int suppressed = 3 * settings.maxConcurrentSends();
        QuarkusTransaction.requiringNew().run(() -> {
            suppressions.suppress(leaver, left.subscriptionId(), UUID.randomUUID(), now);
            LedgerRows.queue(em, left, leaver, suppressed, now.minusSeconds(60));
            LedgerRows.queue(em, TestEvents.nudge(address), address, 4, now);
        });

        worker.sendDue();

        assertThat(ReceivedEmail.awaitMessagesTo(address, 4)).hasSize(4);
        assertThat(QuarkusTransaction.requiringNew().call(() -> ((Number) em.createNativeQuery(
                "SELECT count(*) FROM email_delivery WHERE recipient = ?1 AND state = 'SUPPRESSED'").setParameter(1, leaver)
                .getSingleResult()).intValue())).isEqualTo(suppressed);
    }
}
