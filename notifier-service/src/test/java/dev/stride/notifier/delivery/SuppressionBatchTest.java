package dev.stride.notifier.delivery;

import dev.stride.contracts.event.EmailKind;
import dev.stride.contracts.privacy.Addresses;
import dev.stride.infra.testing.StrideInfraResource;
import dev.stride.notifier.TestEvents;
import dev.stride.notifier.delivery.SuppressionRepository.Recipient;
import dev.stride.notifier.delivery.SuppressionRepository.Suppressed;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.common.TestResourceScope;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A sender checks the whole batch it claims against the suppression lists at once: each email gets its own answer, in
 * order, whatever the others' are, however its address is written.
 */
@QuarkusTest
@WithTestResource(value = StrideInfraResource.class, scope = TestResourceScope.GLOBAL)
class SuppressionBatchTest {

    @Inject
    SuppressionRepository suppressions;

    @Test
    void eachEmailOfABatchGetsItsOwnAnswerInOrder() {
        String leaver = TestEvents.uniqueEmail("leaver");
        String bounced = TestEvents.uniqueEmail("bounced");
        String notMe = TestEvents.uniqueEmail("notme");
        String fine = TestEvents.uniqueEmail("fine");
        UUID left = UUID.randomUUID();
        UUID stayed = UUID.randomUUID();
        Instant at = Instant.parse("2026-12-07T09:00:00Z");
        QuarkusTransaction.requiringNew().run(() -> {
            suppressions.suppress(leaver, left, UUID.randomUUID(), at);
            suppressions.suppressHardBounce(bounced, 550, "550 5.1.1 no such user", UUID.randomUUID(), at);
            suppressions.suppressNotMe(Addresses.hash(notMe), at, at);
        });

        List<Recipient> batch = List.of(
                new Recipient(leaver.toUpperCase(), left, EmailKind.NUDGE),    // left this subscription, any case
                new Recipient(leaver, stayed, EmailKind.NUDGE),                // the same address, another subscription
                new Recipient(leaver, left, EmailKind.GOODBYE),                // the goodbye still goes
                new Recipient(bounced, UUID.randomUUID(), EmailKind.NUDGE),    // hard bounce: nothing at all
                new Recipient(" " + bounced.toUpperCase() + " ", UUID.randomUUID(), EmailKind.GOODBYE),
                new Recipient(notMe, UUID.randomUUID(), EmailKind.CONFIRMATION),
                new Recipient(fine, left, EmailKind.NUDGE),                    // another address on the left subscription id
                new Recipient(leaver, left, EmailKind.NUDGE));                 // the same email twice in one batch
        List<Optional<Suppressed>> answers = QuarkusTransaction.requiringNew().call(() -> suppressions.findAll(batch));

        assertThat(answers).hasSize(batch.size());
        assertThat(answers.stream().map(answer -> answer.map(Suppressed::reason).orElse("send")).toList()).containsExactly(
                Suppressed.UNSUBSCRIBED, "send", "send", AddressSuppression.HARD_BOUNCE, AddressSuppression.HARD_BOUNCE,
                Suppressed.NOT_ME, "send", Suppressed.UNSUBSCRIBED);
        assertThat(answers.get(3).orElseThrow().detail()).startsWith(HardBounces.PREFIX).contains("550 5.1.1 no such user");
        // The lists as a person reads them: the pair that left, the address that bounced, the hash of the not-me address.
        assertThat(QuarkusTransaction.requiringNew().call(() -> suppressions.isSuppressed(" " + leaver.toUpperCase(), left))).isTrue();
        assertThat(QuarkusTransaction.requiringNew().call(() -> suppressions.isSuppressed(leaver, stayed))).isFalse();
        assertThat(QuarkusTransaction.requiringNew().call(() -> suppressions.ofAddress(bounced.toUpperCase()))).isPresent();
        assertThat(QuarkusTransaction.requiringNew().call(() -> suppressions.findAll(List.of()))).isEmpty();
    }
}
