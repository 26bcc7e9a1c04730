package dev.stride.notifier.retention;

import dev.stride.contracts.event.EventEnvelope;
import dev.stride.contracts.event.LearnerErased;
import dev.stride.contracts.event.SubscriptionRequested;
import dev.stride.contracts.privacy.Addresses;
import dev.stride.infra.testing.Rows;
import dev.stride.infra.testing.StrideInfraResource;
import dev.stride.notifier.ReceivedEmail;
import dev.stride.notifier.TestEvents;
import io.micrometer.core.instrument.MeterRegistry;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.common.TestResourceScope;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import org.junit.jupiter.api.Test;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

@QuarkusTest
@WithTestResource(value = StrideInfraResource.class, scope = TestResourceScope.GLOBAL)
class NotifierRetentionTest {

    @Inject
    Clock clock;

    @Inject
    EntityManager em;

    @Inject
    RetentionJob retention;

    @Inject
    MeterRegistry registry;

    @Test
    void anErasureDeletesTheLearnersEmailsAndSuppressionsAndALateNudgeIsNotSent() {
        String address = TestEvents.uniqueEmail("erased");
        UUID subscription = UUID.randomUUID();
        TestEvents.publishSubscriptionEvent(TestEvents.envelope(subscription, TestEvents.subscriptionRequested(subscription, address, "en", "Europe/Berlin")));
        ReceivedEmail.awaitMessagesTo(address, 1);
        UUID otherSubscription = UUID.randomUUID();
        TestEvents.publishSubscriptionEvent(TestEvents.envelope(otherSubscription, TestEvents.unsubscribed(otherSubscription, address)));
        ReceivedEmail.awaitMessagesTo(address, 2);
        assertThat(count("SELECT count(*) FROM suppression WHERE address = ?1", address)).isOne();
        QuarkusTransaction.requiringNew().run(() -> em.createNativeQuery("INSERT INTO address_lift (address_hash, lifted_at) VALUES (?1, ?2)")
                .setParameter(1, Addresses.hash(address)).setParameter(2, clock.instant()).executeUpdate());

        TestEvents.publishSubscriptionEvent(TestEvents.envelope(subscription,
                new LearnerErased(UUID.randomUUID(), Addresses.hash(address.toUpperCase()), List.of(subscription), clock.instant())));
        await().atMost(Duration.ofSeconds(30)).until(() -> count("SELECT count(*) FROM erased_subscription WHERE subscription_id = ?1", subscription) == 1);
        assertThat(count("SELECT count(*) FROM email_delivery WHERE subscription_id = ?1", subscription)).isZero();
        assertThat(count("SELECT count(*) FROM suppression WHERE address = ?1", address)).as("matched by the address's hash").isZero();
        assertThat(count("SELECT count(*) FROM address_lift WHERE address_hash = ?1", Addresses.hash(address))).as("when it was lifted").isZero();

        TestEvents.publishNudge(TestEvents.nudge(address).withSubscription(subscription).envelope());
        ReceivedEmail.awaitNoMoreThan(address, 2);
        assertThat(count("SELECT count(*) FROM email_delivery WHERE subscription_id = ?1", subscription)).isZero();
    }

    @Test
    void retentionRemovesFinishedEmailsAndOldProcessedIdsButNotAnEmailStillToSend() {
        String address = TestEvents.uniqueEmail("kept-a-month");
        UUID subscription = UUID.randomUUID();
        EventEnvelope<SubscriptionRequested> requested = TestEvents.envelope(subscription,
                TestEvents.subscriptionRequested(subscription, address, "en", "Europe/Berlin"));
        TestEvents.publishSubscriptionEvent(requested);
        ReceivedEmail.awaitMessagesTo(address, 1);
        await().atMost(Duration.ofSeconds(30)).until(() -> count("SELECT count(*) FROM email_delivery WHERE email_id = ?1"
                + " AND state = 'SENT' AND outcome_published_at IS NOT NULL", requested.eventId()) == 1);
        UUID retrying = UUID.randomUUID();
        Instant monthAgo = clock.instant().minus(Duration.ofDays(31));
        QuarkusTransaction.requiringNew().run(() -> {
            em.createNativeQuery("UPDATE email_delivery SET finished_at = ?1 WHERE email_id = ?2").setParameter(1, monthAgo)
                    .setParameter(2, requested.eventId()).executeUpdate();
            em.createNativeQuery("UPDATE processed_event SET processed_at = ?1 WHERE event_id = ?2").setParameter(1, monthAgo)
                    .setParameter(2, requested.eventId()).executeUpdate();
            em.createNativeQuery("""
                            INSERT INTO email_delivery (email_id, kind, subscription_id, recipient, event_type, payload, state, attempts,
                                                        next_attempt_at, created_at, updated_at)
                            VALUES (?1, 'NUDGE', ?2, 'someone@example.org', 'NudgeDue', '{}', 'RETRYING', 3, ?3, ?4, ?4)""")
                    .setParameter(1, retrying).setParameter(2, UUID.randomUUID()).setParameter(3, clock.instant().plus(Duration.ofDays(1)))
                    .setParameter(4, monthAgo).executeUpdate();
            em.createNativeQuery("INSERT INTO address_lift (address_hash, lifted_at) VALUES (?1, ?2), (?3, ?4)")
                    .setParameter(1, Addresses.hash(address)).setParameter(2, monthAgo)
                    .setParameter(3, Addresses.hash("recent-" + address)).setParameter(4, clock.instant()).executeUpdate();
        });
        double emailsBefore = removed("email_delivery");

        Map<String, Long> removed = retention.run();

        assertThat(count("SELECT count(*) FROM email_delivery WHERE email_id = ?1", requested.eventId())).isZero();
        assertThat(count("SELECT count(*) FROM processed_event WHERE event_id = ?1", requested.eventId())).isZero();
        assertThat(count("SELECT count(*) FROM email_delivery WHERE email_id = ?1", retrying)).as("still to send").isOne();
        assertThat(count("SELECT count(*) FROM address_lift WHERE address_hash = ?1", Addresses.hash(address))).as("an old lift").isZero();
        assertThat(count("SELECT count(*) FROM address_lift WHERE address_hash = ?1", Addresses.hash("recent-" + address))).isOne();
        assertThat(removed.get("email_delivery")).isGreaterThanOrEqualTo(1);
        assertThat(removed("email_delivery") - emailsBefore).isEqualTo(removed.get("email_delivery").doubleValue());
        QuarkusTransaction.requiringNew().run(() -> em.createNativeQuery("DELETE FROM email_delivery WHERE email_id = ?1")
                .setParameter(1, retrying).executeUpdate());
    }

    private double removed(String table) {
        return registry.counter("stride.retention.removed", "table", table).count();
    }

    private static long count(String sql, Object... parameters) {
        return Rows.count("notifier", sql, parameters);
    }
}
