package dev.stride.notifier.mail;

import org.junit.jupiter.api.Test;

import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class MailHeadersTest {

    @Test
    void lineBreaksAndControlCharactersNeverReachAHeaderValue() {
        assertThat(MailHeaders.text("Week 3: Intro\r\nBcc: victim@example.org")).isEqualTo("Week 3: Intro Bcc: victim@example.org");
        assertThat(MailHeaders.text("a\nb\rc\u0000d\u2028e\tf")).isEqualTo("a b c d e f");
        assertThat(MailHeaders.text(null)).isEmpty();
    }

    @Test
    void anAddressIsOneAddressOrNothing() {
        assertThat(MailHeaders.address(" Ada@Example.ORG ")).isEqualTo("ada@example.org");
        assertThatThrownBy(() -> MailHeaders.address("ada@example.org\r\nBcc: victim@example.org")).isInstanceOf(InvalidRecipientException.class);
        assertThatThrownBy(() -> MailHeaders.address("ada@example.org, eve@example.org")).isInstanceOf(InvalidRecipientException.class);
        assertThatThrownBy(() -> MailHeaders.address("Ada <ada@example.org>")).isInstanceOf(InvalidRecipientException.class);
        assertThatThrownBy(() -> MailHeaders.address("no-at-sign")).isInstanceOf(InvalidRecipientException.class);
    }

    @Test
    void onlyHttpLinksPass() {
        assertThat(MailHeaders.url("https://stride.example/unsubscribe/abc")).isEqualTo("https://stride.example/unsubscribe/abc");
        assertThat(MailHeaders.url("javascript:alert(1)")).isNull();
        assertThat(MailHeaders.url("https://stride.example/a>\r\nX-Injected: yes")).isNull();
        assertThat(MailHeaders.url("https://stride.example/a b")).isNull();
    }

    @Test
    void theMessageIdIsStablePerEmail() {
        UUID id = UUID.fromString("00000000-0000-0000-0000-000000000042");

        assertThat(MailHeaders.messageId(id, "stride.dev")).isEqualTo("<00000000-0000-0000-0000-000000000042@stride.dev>")
                .isEqualTo(MailHeaders.messageId(id, "stride.dev"));
        assertThat(MailHeaders.messageId(id, "stride.dev>\r\nX: y")).isEqualTo("<00000000-0000-0000-0000-000000000042@stride.devXy>");
    }
}
