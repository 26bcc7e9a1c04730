package dev.stride.contracts.privacy;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class AddressesTest {

    @Test
    void theSameAddressHashesTheSameHoweverItIsWritten() {
        assertThat(Addresses.hash(" Ada@Example.org ")).isEqualTo(Addresses.hash("ada@example.org"));
        assertThat(Addresses.hash("ada@example.org")).isNotEqualTo(Addresses.hash("bob@example.org"));
    }

    @Test
    void theHashIsSha256InHex() {
        // echo -n 'ada@example.org' | sha256sum
        assertThat(Addresses.hash("ada@example.org")).hasSize(64).matches("[0-9a-f]{64}");
    }

    @Test
    void aLogIdCarriesNoPartOfTheAddress() {
        String id = Addresses.logId("ada.lovelace@example.org");
        assertThat(id).startsWith("addr:").hasSize(17).doesNotContain("ada").doesNotContain("example");
        assertThat(Addresses.logId(null)).isEqualTo("addr:none");
        assertThatThrownBy(() -> Addresses.hash(null)).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void redactingReplacesEveryAddressInAServerReplyByItsLogId() {
        String reply = "recipient address not accepted: 550 5.1.1 <Ada.Lovelace@mail.example.org>: no such user; cc bob+x@example.org";
        assertThat(Addresses.redact(reply))
                .isEqualTo("recipient address not accepted: 550 5.1.1 <" + Addresses.logId("ada.lovelace@mail.example.org")
                        + ">: no such user; cc " + Addresses.logId("bob+x@example.org"))
                .doesNotContain("@");
        assertThat(Addresses.redact("Connection refused")).isEqualTo("Connection refused");
        assertThat(Addresses.redact(null)).isNull();
    }
}
