package dev.stride.system;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.openqa.selenium.By;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Duration;

import static dev.stride.system.StrideSession.find;
import static dev.stride.system.StrideSession.text;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * The operators' console (issue 19) in a real browser against {@code ./stride}: a learner subscribes, confirms and gets
 * the welcome email; the operator looks them up by address, sees the subscription, the nudge and its delivery, sends
 * the email again (a second copy arrives), suppresses the address (a resend then sends nothing) and lifts it.
 *
 * <p>The browser signs in as {@code admin} with HTTP Basic credentials in the first URL
 * ({@code http://admin:<password>@localhost:<port>/admin/console}): Chromium sends them for that top-level navigation
 * and keeps them for the realm, so the console's forms and redirects after it are authenticated as well. No DevTools
 * or BiDi hook is used.
 */
class ConsoleIT {

    private static final String ROADMAP = "ai-ml-engineer-12-months";
    private static final String WELCOME = "Welcome to “AI/ML engineer in 12 months”";
    private static final String SUPPRESSED_SERIES = "stride_delivery_suppressed_total\\{[^}]*\\}";

    @RegisterExtension
    static final StrideSession stride = new StrideSession();

    @Test
    void looksUpALearnerResendsTheirEmailSuppressesAndLiftsTheAddress() throws Exception {
        String email = StrideSession.newAddress("console");
        Browsing browser = stride.browser();

        // A learner who subscribed and confirmed: the welcome email is the nudge the console will show and send again.
        stride.subscribeByApi(email, ROADMAP);
        browser.open(find(BrowserJourneyIT.CONFIRM_LINK, text(stride.awaitMail(email, "Confirm your weekly study emails"))).group(1));
        browser.press(By.tagName("button"));
        browser.awaitHeading("Subscription confirmed");
        stride.awaitMail(email, WELCOME);

        // The operator signs in (Basic credentials in the first URL) and looks the learner up by address.
        String console = stride.roadmapUrl("/admin/console").replace("http://", "http://admin:"
                + URLEncoder.encode(stride.adminPassword(), StandardCharsets.UTF_8) + "@");
        browser.open(console);
        browser.awaitHeading("Operator console");
        assertThat(browser.unlabelledFields()).as("every console field has a label").isEmpty();
        browser.screenshot("c01-console-lookup");
        browser.type("address", " " + email.toUpperCase() + " ");
        browser.press(By.xpath("//form[@action='/admin/console/lookup']//button"));
        browser.awaitHeading("Ada");
        assertThat(browser.driver().getCurrentUrl()).as("the address stays out of the URL").doesNotContainIgnoringCase(email);
        String learnerPage = browser.driver().getCurrentUrl().replaceFirst("\\?.*$", "");

        // The nudge_log fills from nudge-events and Delivered: reload until the welcome nudge shows as sent and delivered.
        await("the console lists the sent welcome nudge and its delivery").atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofSeconds(1))
                .until(() -> {
                    browser.open(learnerPage);
                    return !browser.driver().findElements(By.cssSelector("button.resend")).isEmpty()
                            && !browser.driver().findElements(By.cssSelector("table.deliveries")).isEmpty();
                });
        assertThat(browser.mainText()).contains(ROADMAP).contains("ACTIVE").contains("Not suppressed.");
        String nudge = browser.driver().findElement(By.xpath("//table[contains(@class,'nudges')]/tbody/tr[1]")).getText();
        assertThat(nudge).as("the welcome nudge, sent").contains("WELCOME").doesNotContain("not yet");
        String delivery = browser.driver().findElement(By.xpath("//table[contains(@class,'deliveries')]/tbody/tr[1]")).getText();
        assertThat(delivery).as("its delivery with the SMTP outcome").contains("NUDGE").contains("DELIVERED");
        browser.screenshot("c02-console-learner");

        // Resend: a second copy of the welcome email arrives, and the page says it is on its way.
        assertThat(stride.inbox().messagesTo(email)).as("no weekly email yet: the latest sent nudge is the welcome")
                .noneMatch(mail -> mail.subject().startsWith("Week "));
        long pressed = System.nanoTime();
        browser.press(By.cssSelector("button.resend"));
        browser.awaitText(By.cssSelector("[role=status]"), "on its way again");
        assertThat(stride.awaitMails(email, WELCOME, 2)).hasSize(2);
        Duration resendTook = Duration.ofNanos(System.nanoTime() - pressed);
        browser.screenshot("c03-console-resent");

        // Suppress: the page shows it; a resend now ends suppressed in the notifier and no copy arrives. The suppression and
        // the resend travel under different keys, so the resend waits until the notifier has taken the suppression in.
        double notifierConsumed = stride.metric("notifier", BrowserJourneyIT.SUBSCRIPTION_EVENTS_CONSUMED);
        browser.press(By.id("suppress"));
        browser.awaitText(By.cssSelector("[role=status]"), "The address is suppressed");
        assertThat(browser.element("suppressed").getText()).contains("operator");
        browser.screenshot("c04-console-suppressed");
        await("the suppression reached the notifier").atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofMillis(500))
                .until(() -> stride.metric("notifier", BrowserJourneyIT.SUBSCRIPTION_EVENTS_CONSUMED) > notifierConsumed);
        double suppressedBefore = stride.metric("notifier", SUPPRESSED_SERIES);
        browser.press(By.cssSelector("button.resend"));
        browser.awaitText(By.cssSelector("[role=status]"), "on its way again");
        // The notifier settles a suppressed email without SMTP: its counter moving shows the resend reached it and was refused.
        await("the notifier suppressed the resend").atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofSeconds(1))
                .until(() -> stride.metric("notifier", SUPPRESSED_SERIES) > suppressedBefore);
        // And nothing arrives for a while: four times what the unsuppressed resend took above (at least 20 s), so a copy
        // sent on the normal path (outbox relay, Kafka, the sender's 1 s poll, SMTP) would have been seen.
        Duration window = resendTook.multipliedBy(4).compareTo(Duration.ofSeconds(20)) > 0 ? resendTook.multipliedBy(4) : Duration.ofSeconds(20);
        await("no third copy while suppressed").during(window).atMost(window.plusSeconds(10)).pollInterval(Duration.ofSeconds(1))
                .until(() -> stride.inbox().messagesTo(email).stream().filter(m -> m.subject().startsWith(WELCOME)).count() == 2);

        // Unsuppress: the page shows the suppression lifted.
        browser.press(By.id("unsuppress"));
        browser.awaitText(By.cssSelector("[role=status]"), "lifted");
        assertThat(browser.element("not-suppressed").getText()).isEqualTo("Not suppressed.");
        assertThat(browser.driver().findElements(By.id("suppressed"))).isEmpty();
        browser.screenshot("c05-console-unsuppressed");
    }
}
