package dev.stride.notifier.delivery;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/** Which refusals suppress the address for good: the recipient's own, permanent ones, not policy or a full mailbox. */
class HardBouncesTest {

    @Test
    void aPermanentRefusalOfTheRecipientIsAHardBounce() {
        assertThat(HardBounces.isHardBounce(550, "recipient address not accepted: 550 5.1.1 no such user")).isTrue();
        assertThat(HardBounces.isHardBounce(550, "recipient address not accepted: 550 5.1.10 RESOLVER.ADR.RecipientNotFound")).isTrue();
        assertThat(HardBounces.isHardBounce(551, "recipient address not accepted: 551 5.2.1 mailbox disabled")).isTrue();
        assertThat(HardBounces.isHardBounce(550, "recipient address not accepted: 550 mailbox unavailable")).isTrue();
        assertThat(HardBounces.isHardBounce(553, "recipient address not accepted: 553 mailbox name not allowed")).isTrue();
    }

    @Test
    void policyAFullMailboxAndOtherStepsAreNotTheAddresssFault() {
        assertThat(HardBounces.isHardBounce(550, "recipient address not accepted: 550 5.7.1 client host blocked using a block list")).isFalse();
        assertThat(HardBounces.isHardBounce(552, "recipient address not accepted: 552 5.2.2 mailbox full")).isFalse();
        assertThat(HardBounces.isHardBounce(550, "sender address not accepted: 550 5.1.8 bad sender domain")).isFalse();
        assertThat(HardBounces.isHardBounce(554, "DATA command not accepted: 554 5.6.0 message refused")).isFalse();
        assertThat(HardBounces.isHardBounce(451, "recipient address not accepted: 451 4.1.1 try later")).isFalse();
        assertThat(HardBounces.isHardBounce(550, null)).isFalse();
    }

    @Test
    void theReasonsNameTheHardBounce() {
        assertThat(HardBounces.bouncedReason("recipient address not accepted: 550 5.1.1 no such user"))
                .startsWith("hard-bounce: ").contains("550 5.1.1 no such user").contains("no further emails");
    }
}
