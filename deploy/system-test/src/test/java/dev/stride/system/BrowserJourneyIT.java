package dev.stride.system;

import dev.stride.infra.mail.MailParts;
import dev.stride.infra.mail.StoredMail;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.openqa.selenium.By;
import org.openqa.selenium.Dimension;
import org.openqa.selenium.Keys;
import org.openqa.selenium.NoAlertPresentException;

import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static dev.stride.system.StrideSession.find;
import static dev.stride.system.StrideSession.text;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

/**
 * The whole product as a person meets it, in a real browser (Debian's headless Chromium driven through chromedriver)
 * against {@code ./stride}: subscribe from the catalog, confirm from the email the real SMTP server received, get the
 * first weekly nudge after the demo clock moves a week, mark its milestone done from the email, and find the next
 * week's nudge showing the progress. Every page is saved as a screenshot under {@code target/screenshots}.
 */
class BrowserJourneyIT {

    static final Pattern CONFIRM_LINK = Pattern.compile("(http://localhost:\\d+/confirm/[A-Za-z0-9._~-]+)");
    static final String SUBSCRIPTION_EVENTS_CONSUMED = "kafka_consumer_fetch_manager_records_consumed_total"
            + "\\{client_id=\"kafka-consumer-subscription-events-in\",kafka_version=\"[^\"]+\",topic=\"subscription-events\"}";
    private static final String NAME = "Ada <script>alert('x')</script>";
    private static final Pattern MARK_DONE_LINK = Pattern.compile("Mark “([^”]+)” done: (http://localhost:\\d+/actions/[A-Za-z0-9._~-]+)");

    @RegisterExtension
    static final StrideSession stride = new StrideSession();

    @Test
    void subscribeConfirmGetANudgeMarkDoneAndSeeTheNextNudgeMoveOn() throws Exception {
        String email = StrideSession.newAddress("learner");
        Browsing browser = stride.browser();

        // The catalog, then the 12-month roadmap.
        browser.open(stride.roadmapUrl("/"));
        assertThat(browser.h1()).isEqualTo("Study roadmaps");
        browser.screenshot("01-catalog");
        browser.follow("AI/ML engineer in 12 months");
        browser.awaitTitle("AI/ML engineer in 12 months");
        assertThat(browser.unlabelledFields()).as("every form field has a label").isEmpty();
        browser.awaitText(By.id("preview-finish"), "you would finish on");
        browser.screenshot("02-roadmap-with-live-preview");

        // A bad email and a too-short slot, submitted from the keyboard: errors next to the fields, input kept.
        browser.type("email", "not-an-email");
        browser.type("name", NAME);
        browser.fill("minutes-0", "5");
        browser.element("name").sendKeys(Keys.ENTER);
        browser.awaitPresent(By.id("error-summary"));
        assertThat(browser.element("email-error").getText()).isEqualTo("must be an email address such as ada@example.org");
        assertThat(browser.element("slot-0-error").getText()).contains("at least 15 minutes");
        assertThat(browser.element("email").getAttribute("value")).isEqualTo("not-an-email");
        assertThat(browser.element("name").getAttribute("value")).isEqualTo(NAME);
        assertNoScriptRan(browser);
        browser.screenshot("03-form-errors-kept-input");

        // The real subscription: two slots a week in New York.
        browser.type("email", email);
        browser.pick("timeZone", "America/New_York");
        browser.pick("day-0", "TUESDAY");
        browser.fill("start-0", "18:00");
        browser.fill("minutes-0", "90");
        browser.pick("day-1", "SATURDAY");
        browser.fill("start-1", "09:30");
        browser.fill("minutes-1", "120");
        browser.awaitText(By.id("preview-body"), "18:00–19:30");
        browser.screenshot("04-filled-form-and-preview");
        browser.press(By.id("subscribe-button"));
        browser.awaitHeading("Check your email");
        browser.screenshot("05-check-your-email");

        // The confirmation email, from the real SMTP server; its link opens a page whose button confirms.
        StoredMail confirmation = stride.awaitMail(email, "Confirm your weekly study emails");
        assertThat(text(confirmation)).as("a confirmation repeats no name anyone could type").doesNotContain(NAME);
        browser.open(find(CONFIRM_LINK, text(confirmation)).group(1));
        assertShownAsText(browser);
        browser.screenshot("06-confirm-page");
        browser.press(By.tagName("button"));
        browser.awaitHeading("Subscription confirmed");
        browser.screenshot("07-confirmed");

        // Once the reminder has taken the subscription in (its first nudge is scheduled), a week passes: the first weekly nudge.
        await("first nudge scheduled").atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofSeconds(1))
                .until(() -> stride.reminderMetric("stride_nudges_scheduled") >= 1);
        StoredMail first = stride.advanceUntilWeeklyEmail(email, 1, "P1D");
        assertEscaped(first);
        String firstText = text(first);
        assertThat(firstText).contains("0 of 46 milestones done");
        Matcher markDone = find(MARK_DONE_LINK, firstText);
        String milestone = markDone.group(1);

        // Mark its first milestone done from the email: the link shows what it will do; the button does it.
        double consumedBefore = stride.reminderMetric(SUBSCRIPTION_EVENTS_CONSUMED);
        browser.open(markDone.group(2));
        assertThat(browser.h1()).contains(milestone);
        browser.screenshot("08-mark-done-page");
        browser.press(By.tagName("button"));
        browser.awaitText(By.tagName("main"), "Marked done");
        browser.screenshot("09-marked-done");

        // The manage page shows it, with this week's sessions, the projected finish and the calendar feed.
        browser.follow("Manage your plan");
        browser.awaitPresent(By.id("calendar-url"));
        assertThat(browser.mainText()).contains("1 of 46 milestones done").contains("At this pace you finish on");
        assertShownAsText(browser);
        assertThat(browser.unlabelledFields()).as("every form field has a label").isEmpty();
        browser.screenshot("10-manage-page");
        HttpResponse<String> calendar = stride.get(browser.element("calendar-url").getText());
        assertThat(calendar.statusCode()).isEqualTo(200);
        assertThat(calendar.body()).contains("BEGIN:VCALENDAR").contains("TZID:America/New_York").contains("BEGIN:VEVENT");

        // Once the reminder has read the progress event, another week: the second nudge shows the milestone done.
        await("progress reached the reminder").atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofMillis(500))
                .until(() -> stride.reminderMetric(SUBSCRIPTION_EVENTS_CONSUMED) > consumedBefore);
        StoredMail second = stride.advanceUntilWeeklyEmail(email, 2, "P6D");
        assertEscaped(second);
        assertThat(text(second)).contains("1 of 46 milestones done").doesNotContain("Mark “" + milestone + "” done");

        // Readable on a phone: nothing wider than the screen.
        browser.driver().manage().window().setSize(new Dimension(390, 844));
        browser.open(stride.roadmapUrl("/roadmaps/ai-ml-engineer-12-months"));
        assertThat(browser.widerThanTheScreen()).as("roadmap page fits a phone's width").isEmpty();
        browser.screenshot("11-roadmap-on-a-phone");
        browser.driver().navigate().back();
        assertThat(browser.widerThanTheScreen()).as("manage page fits a phone's width").isEmpty();
        browser.screenshot("12-manage-on-a-phone");

        // Easy to stop: the manage page's unsubscribe link, one button, one goodbye email (the name still plain text).
        browser.driver().manage().window().setSize(new Dimension(1280, 1600));
        browser.follow("Unsubscribe");
        browser.awaitHeading("Unsubscribe from");
        browser.screenshot("13-unsubscribe-page");
        browser.press(By.tagName("button"));
        browser.awaitHeading("Unsubscribed");
        browser.screenshot("14-unsubscribed");
        assertEscaped(stride.awaitMail(email, "You have unsubscribed"));
    }

    /** The name is text in every email: escaped in the HTML part, never a live script element. */
    private static void assertEscaped(StoredMail mail) throws Exception {
        MailParts parts = MailParts.of(mail.parse());
        assertThat(parts.html()).contains("&lt;script&gt;").doesNotContain("<script");
        assertThat(parts.text()).contains(NAME);
    }

    /** The name reads as typed on the page, and no script element came of it. */
    private static void assertShownAsText(Browsing browser) {
        assertThat(browser.mainText()).contains(NAME);
        assertThat((Long) browser.script("return Array.from(document.scripts).filter(s => s.textContent.includes('alert')).length;")).isZero();
        assertNoScriptRan(browser);
    }

    private static void assertNoScriptRan(Browsing browser) {
        assertThatThrownBy(() -> browser.driver().switchTo().alert()).isInstanceOf(NoAlertPresentException.class);
    }
}
