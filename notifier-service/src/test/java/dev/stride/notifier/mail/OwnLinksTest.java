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

            @Override
            public Digest digest() {
                return null;
            }
        }, new SimpleMeterRegistry());
    }

    @Test
    void aDigestsOneClickLinkIsTheStopAllPageWithTheUnsubscribeLinksToken() {
        OwnLinks links = at("https://stride.example.org/");

        assertThat(links.stopAll("https://stride.example.org/unsubscribe/v2.k1.abc.def")).contains("https://stride.example.org/stop-all/v2.k1.abc.def");
        assertThat(links.stopAll("https://stride.example.org/manage/v2.k1.abc.def")).isEmpty();
        assertThat(links.stopAll("https://stride.example.org/unsubscribe/")).isEmpty();
        assertThat(links.stopAll("https://stride.example.org/unsubscribe/a/b")).isEmpty();
        assertThat(links.stopAll("https://other.example.org/unsubscribe/v2.k1.abc.def")).isEmpty();
        assertThat(links.stopAll(null)).isEmpty();
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
