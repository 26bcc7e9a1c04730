package dev.stride.notifier.delivery;

import dev.stride.infra.mail.SmtpReplyRule;
import dev.stride.infra.mail.SmtpSink;
import dev.stride.infra.testing.StrideInfraResource;
import dev.stride.infra.testing.TestInfrastructure;
import dev.stride.notifier.ReceivedEmail;
import dev.stride.notifier.TestEvents;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.common.TestResourceScope;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import org.junit.jupiter.api.Test;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import java.util.regex.Pattern;
import java.util.stream.IntStream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * While the mail server is down the sender probes it instead of failing the whole backlog email by email, and the
 * moment it answers, what the outage backed off goes out: not each email at the end of its own back-off.
 */
@QuarkusTest
@WithTestResource(value = StrideInfraResource.class, scope = TestResourceScope.GLOBAL)
class SmtpRecoveryTest {

    /** Far beyond any test back-off (at most 1 s here): stands in for production's 30 s, 1 min, 2 min ... */
    private static final Duration LONG_BACKOFF = Duration.ofMinutes(10);

    @Inject
    EmailDeliveryRepository deliveries;

    @Inject
    SmtpCircuit circuit;

    @Inject
    DeliverySettings settings;

    @Inject
    MeterRegistry registry;

    @Inject
    Clock clock;

    @Test
    void whileSmtpIsDownOnlyProbesGoOutAndWhenItAnswersTheBackedOffEmailsGoAtOnce() {
        List<TestEvents.Nudge> nudges = IntStream.range(0, 4).mapToObj(i -> TestEvents.nudge(TestEvents.uniqueEmail("backlog-" + i))).toList();
        List<UUID> ids = nudges.stream().map(TestEvents.Nudge::nudgeId).toList();
        SmtpSink sink = TestInfrastructure.smtpSink().orElseThrow();
        await().atMost(Duration.ofSeconds(30)).until(() -> circuit.downSince().isEmpty());
        sink.suspend();
        try {
            nudges.forEach(nudge -> TestEvents.publishNudge(nudge.envelope()));
            await().atMost(Duration.ofSeconds(60)).until(() -> circuit.downSince().isPresent() && ids.stream().allMatch(id ->
                    LedgerRows.row(deliveries, id).map(row -> row.state == DeliveryState.RETRYING && row.outageBackoff).orElse(false)));

            // Each email would retry every second or so on its own; the circuit lets one probe through per interval.
            Duration watched = settings.probeEvery().multipliedBy(3);
            double sendsBefore = failedSends();
            await().pollDelay(watched).atMost(watched.plusSeconds(5)).until(() -> true);
            assertThat(failedSends() - sendsBefore).as("sends in %s while SMTP is down", watched).isLessThanOrEqualTo(4);

            // Back-offs as long as production's: without the release they would keep these emails for minutes.
            await().atMost(Duration.ofSeconds(30)).until(() -> pushBackOffOut(ids) == ids.size());
        } finally {
            sink.resume();
        }
        double releasedBefore = registry.find("stride.delivery.outage.released").counters().stream().mapToDouble(c -> c.count()).sum();
        Instant resumed = Instant.now();

        Duration prompt = settings.probeEvery().plus(settings.pollInterval()).plusSeconds(5);
        await().atMost(prompt).until(() -> nudges.stream().allMatch(nudge -> ReceivedEmail.messagesTo(nudge.email()).size() == 1));

        assertThat(Duration.between(resumed, Instant.now())).isLessThan(prompt);
        assertThat(circuit.downSince()).isEmpty();
        assertThat(registry.find("stride.delivery.outage.released").counters().stream().mapToDouble(c -> c.count()).sum())
                .isGreaterThanOrEqualTo(releasedBefore + ids.size() - 1);
        Duration window = ReceivedEmail.repeatWindow();
        await().during(window).atMost(window.plusSeconds(30))
                .until(() -> nudges.stream().allMatch(nudge -> ReceivedEmail.messagesTo(nudge.email()).size() == 1));
        assertThat(ids).allSatisfy(id -> assertThat(LedgerRows.existing(deliveries, id).state).isEqualTo(DeliveryState.SENT));
    }

    @Test
    void aRefusalOfOneRecipientNeitherOpensTheCircuitNorHoldsUpTheOthers() {
        TestEvents.Nudge bouncing = TestEvents.nudge(TestEvents.uniqueEmail("unknown"));
        TestEvents.Nudge greylisted = TestEvents.nudge(TestEvents.uniqueEmail("later"));
        TestEvents.Nudge fine = TestEvents.nudge(TestEvents.uniqueEmail("fine"));
        SmtpSink sink = TestInfrastructure.smtpSink().orElseThrow();
        await().atMost(Duration.ofSeconds(30)).until(() -> circuit.downSince().isEmpty());
        sink.addRule(SmtpReplyRule.refuse(Pattern.quote(bouncing.email()), 550, "5.1.1 no such user"));
        sink.addRule(SmtpReplyRule.refuse(Pattern.quote(greylisted.email()), 451, "4.7.1 greylisted, try again later"));
        try {
            TestEvents.publishNudge(bouncing.envelope());
            TestEvents.publishNudge(greylisted.envelope());
            TestEvents.publishNudge(fine.envelope());

            ReceivedEmail.awaitMessagesTo(fine.email(), 1);
            await().atMost(Duration.ofSeconds(30)).until(() -> LedgerRows.existing(deliveries, bouncing.nudgeId()).state == DeliveryState.FAILED);
            EmailDelivery retrying = await().atMost(Duration.ofSeconds(30)).until(() -> LedgerRows.existing(deliveries, greylisted.nudgeId()),
                    row -> row.attempts >= 2 && Integer.valueOf(451).equals(row.smtpCode));
            assertThat(retrying.outageBackoff).as("waits for its recipient, not for the server").isFalse();
            await().during(settings.probeEvery()).atMost(settings.probeEvery().plusSeconds(10)).until(() -> circuit.downSince().isEmpty());
        } finally {
            sink.clearRules();
        }
        ReceivedEmail.awaitMessagesTo(greylisted.email(), 1);
    }

    /** Moves the due time of the outage-backed-off emails {@link #LONG_BACKOFF} out; returns how many are that far out. */
    private long pushBackOffOut(List<UUID> ids) {
        Instant later = clock.instant().plus(LONG_BACKOFF);
        return QuarkusTransaction.requiringNew().call(() -> {
            deliveries.getEntityManager().createNativeQuery("""
                            UPDATE email_delivery SET next_attempt_at = :later
                            WHERE email_id IN (:ids) AND outage_backoff AND state = 'RETRYING' AND next_attempt_at < :later""")
                    .setParameter("later", later).setParameter("ids", ids).executeUpdate();
            return ((Number) deliveries.getEntityManager().createNativeQuery("""
                            SELECT count(*) FROM email_delivery
                            WHERE email_id IN (:ids) AND outage_backoff AND state = 'RETRYING' AND next_attempt_at >= :soon""")
                    .setParameter("soon", later.minusSeconds(60)).setParameter("ids", ids).getSingleResult()).longValue();
        });
    }

    private double failedSends() {
        return registry.find("stride.delivery.send.latency").tag("outcome", "failed").timers().stream().mapToLong(Timer::count).sum();
    }
}
