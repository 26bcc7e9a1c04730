package dev.stride.contracts.privacy;

import dev.stride.contracts.event.AddressChangeRequested;
import dev.stride.contracts.event.Learner;
import dev.stride.contracts.event.Unsubscribed;
import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

/** An event printed whole (an exception message, a template error, a debug line) names the learner only by pseudonym. */
class PrintedEventsTest {

    private static final Learner LEARNER = new Learner("Ada.Lovelace@example.org", "Augusta Ada", "en");

    @Test
    void aLearnerPrintsNeitherAddressNorName() {
        Unsubscribed event = new Unsubscribed(UUID.randomUUID(), LEARNER, "ml", "Machine learning", "https://example.org/r", Instant.EPOCH, null);
        assertThat(event.toString()).doesNotContainIgnoringCase("lovelace").doesNotContain("Augusta")
                .contains(Addresses.logId(LEARNER.email()));
    }

    @Test
    void anAddressChangePrintsNeitherAddressNorItsLink() {
        AddressChangeRequested event = new AddressChangeRequested(UUID.randomUUID(), LEARNER, "new.home@example.net",
                "https://example.org/verify/secret-token", Instant.EPOCH);
        assertThat(event.toString()).doesNotContain("new.home").doesNotContain("secret-token").doesNotContainIgnoringCase("lovelace")
                .contains(Addresses.logId("new.home@example.net"));
    }
}
