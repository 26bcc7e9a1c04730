package dev.stride.contracts.link;

import dev.stride.contracts.time.AdjustableClock;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Optional;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The links only LinkUrls words: the calendar feed's (issue time, no expiry to speak of) and the learner's home page. */
class LinkUrlsTest {

    private static final UUID ID = UUID.fromString("4c0e7c0a-6f43-4b36-9a0e-1d2b3c4d5e6f");

    private final AdjustableClock clock = AdjustableClock.systemUtc();
    private final LinkUrls urls = new LinkUrls("https://stride.example/", LinkSigner.fromText("a-test-key-that-is-at-least-32-bytes-long", clock),
            clock, LinkUrls.Validity.DEFAULT);

    @Test
    void aCalendarLinkNamesWhenItWasIssuedAndOutlivesAnyOtherLink() {
        Instant issued = clock.instant();
        String url = urls.calendar(ID);
        String token = url.substring("https://stride.example/calendar/".length(), url.length() - ".ics".length());

        assertThat(LinkUrls.calendarIssuedAt(urls.signer().verify(token, LinkPurpose.CALENDAR, ID)))
                .hasValueSatisfying(at -> assertThat(Duration.between(issued, at).abs()).isLessThan(Duration.ofSeconds(1)));
        clock.advance(Duration.ofDays(3650));
        assertThat(urls.signer().verify(token, LinkPurpose.CALENDAR, ID).subscriptionId()).as("still valid ten years on").isEqualTo(ID);
    }

    @Test
    void aCalendarLinkFromBeforeRotationNamesNoIssueTimeAndAForgedOneIsRefused() {
        assertThat(LinkUrls.calendarIssuedAt(new LinkToken(ID, LinkPurpose.CALENDAR, Instant.now(), Optional.empty()))).isEmpty();
        assertThatThrownBy(() -> LinkUrls.calendarIssuedAt(new LinkToken(ID, LinkPurpose.CALENDAR, Instant.now(), Optional.of("ixyz"))))
                .isInstanceOf(LinkVerificationException.class);
    }

    @Test
    void theHomeLinkIsTheLearnersAndShortLived() {
        String url = urls.home(ID);
        assertThat(url).startsWith("https://stride.example/home/");
        String token = url.substring(url.lastIndexOf('/') + 1);
        assertThat(urls.signer().verify(token, LinkPurpose.SIGN_IN, ID).expiresAt())
                .isEqualTo(clock.instant().plus(Duration.ofMinutes(30)).truncatedTo(ChronoUnit.SECONDS));
        clock.advance(Duration.ofMinutes(31));
        assertThatThrownBy(() -> urls.signer().verify(token, LinkPurpose.SIGN_IN, ID)).isInstanceOf(LinkVerificationException.class)
                .extracting(e -> ((LinkVerificationException) e).reason()).isEqualTo(LinkVerificationException.Reason.EXPIRED);
    }
}
