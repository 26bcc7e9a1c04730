package dev.stride.notifier.mail;

import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import org.junit.jupiter.api.Test;

import java.util.Optional;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class OwnLinksTest {

    private static OwnLinks at(String base) {
        return new OwnLinks(new MailSettings() {
            @Override
            public Optional<String> replyTo() {
                return Optional.empty();
            }

            @Override
            public String messageIdDomain() {
                return "stride.example.org";
            }

            @Override
            public String publicBaseUrl() {
                return base;
            }
        }, new SimpleMeterRegistry());
    }

    @Test
    void onlyLinksUnderTheBaseUrlAreOwn() {
        OwnLinks links = at("https://stride.example.org/");

        assertThat(links.isOwn("https://stride.example.org/actions/v2.k1.abc.def")).isTrue();
        assertThat(links.isOwn("https://stride.example.org")).isTrue();
        assertThat(links.isOwn("https://stride.example.org.attacker.net/actions/x")).isFalse();
        assertThat(links.isOwn("https://stride.example.org@attacker.net/actions/x")).isFalse();
        assertThat(links.isOwn("http://stride.example.org/actions/x")).isFalse();
        assertThat(links.isOwn("https://attacker.net/?https://stride.example.org/")).isFalse();
    }

    @Test
    void aBaseUrlThatIsNoAbsoluteUrlStopsTheStart() {
        assertThatThrownBy(() -> at("stride.example.org")).hasMessageContaining("stride.mail.public-base-url");
    }
}
