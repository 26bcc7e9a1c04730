package dev.stride.notifier.delivery;

import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

/** Which accepted emails a claim must not send again (the real path: {@code MarkSentThroughOutageTest}). */
class AcceptedEmailsTest {

    private final AcceptedEmails accepted = new AcceptedEmails(Duration.ofMillis(300));
    private final UUID email = UUID.randomUUID();

    @Test
    void heldWhileItsMarkRunsAndForgottenWhenTheFirstTryCommits() {
        accepted.marking(email);
        assertThat(accepted.holds(email)).isTrue();

        accepted.marked(email, false);
        assertThat(accepted.holds(email)).isFalse();
    }

    @Test
    void aMarkThatNeededRetriesHoldsTheEmailForOneMoreLease() throws InterruptedException {
        accepted.marking(email);
        accepted.marked(email, true);
        assertThat(accepted.holds(email)).isTrue();

        Thread.sleep(400);
        assertThat(accepted.holds(email)).isFalse();
        accepted.marking(UUID.randomUUID()); // purges what has run out
        assertThat(accepted.holds(email)).isFalse();
    }

    @Test
    void anAbandonedMarkLetsTheEmailGoOutAgain() {
        accepted.marking(email);
        accepted.markAbandoned(email);
        assertThat(accepted.holds(email)).isFalse();
        assertThat(accepted.holds(UUID.randomUUID())).isFalse();
    }
}
