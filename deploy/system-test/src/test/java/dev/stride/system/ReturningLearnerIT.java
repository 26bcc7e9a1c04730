package dev.stride.system;

import dev.stride.infra.mail.StoredMail;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.Select;

import java.time.Duration;
import java.util.List;
import java.util.regex.Pattern;

import static dev.stride.system.StrideSession.find;
import static dev.stride.system.StrideSession.text;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * A learner who comes back without their links (issue 16), in a real browser against {@code ./stride}: asks for their
 * links by email and lands on their home page; changes their name (at once) and their address (only once the link sent
 * to the new address is followed); takes a week off months ahead from the manage page; and, behind after weeks without
 * study, re-plans from today through the link the weekly email offers.
 */
class ReturningLearnerIT {

    private static final String ROADMAP = "ai-ml-engineer-12-months";
    private static final Pattern HOME_LINK = Pattern.compile("(http://localhost:\\d+/home/[A-Za-z0-9._~-]+)");
    private static final Pattern VERIFY_LINK = Pattern.compile("(http://localhost:\\d+/verify-address/[A-Za-z0-9._~-]+)");
    /** A behind learner's weekly email offers the re-plan in its progress part, or (once) in the lead of a lighter catch-up week. */
    private static final Pattern REPLAN_LINK = Pattern.compile(
            "(?:Re-plan from today|Have your weeks changed\\? Fit the plan to them): (http://localhost:\\d+/actions/[A-Za-z0-9._~-]+)");

    @RegisterExtension
    static final StrideSession stride = new StrideSession();

    @Test
    void signsInByEmailChangesProfileTakesAWeekOffAndReplansWhenBehind() throws Exception {
        String email = StrideSession.newAddress("returning");
        String newEmail = StrideSession.newAddress("moved");
        Browsing browser = stride.browser();

        // A learner who subscribed and confirmed (the first journey shows the form): the welcome email brings week 1 at once.
        stride.subscribeByApi(email, ROADMAP);
        browser.open(find(BrowserJourneyIT.CONFIRM_LINK, text(stride.awaitMail(email, "Confirm your weekly study emails"))).group(1));
        browser.press(By.tagName("button"));
        browser.awaitHeading("Subscription confirmed");
        assertThat(browser.mainText()).contains("welcome email");
        assertThat(text(stride.awaitMail(email, "Welcome to “AI/ML engineer in 12 months”"))).contains("0 of 46 milestones done");

        // Every link lost: "email me my links" sends a short-lived link to the learner's home page.
        browser.open(stride.roadmapUrl("/sign-in"));
        browser.type("email", email);
        browser.press(By.xpath("//form[@action='/sign-in']//button"));
        browser.awaitPresent(By.cssSelector("[role=status]"));
        browser.screenshot("r01-sign-in-sent");
        browser.open(find(HOME_LINK, text(stride.awaitMail(email, "Your Stride links"))).group(1));
        browser.awaitHeading("your roadmaps");
        assertThat(browser.mainText()).contains("AI/ML engineer in 12 months").contains("0 of 46 milestones done");
        assertThat(browser.unlabelledFields()).as("every form field has a label").isEmpty();
        browser.screenshot("r02-home");

        // The profile: the name changes at once; the new address only once the link sent to it is followed.
        browser.type("name", "Grace");
        browser.type("email", newEmail);
        browser.press(By.xpath("//form[contains(@action, '/profile')]//button"));
        browser.awaitHeading("Hi Grace");
        assertThat(browser.mainText()).contains(newEmail);
        browser.screenshot("r03-profile-saved");
        StoredMail verify = stride.awaitMail(newEmail, "Confirm your new address for Stride");
        assertThat(stride.inbox().messagesTo(email)).as("the verify link goes to the new address only")
                .noneMatch(mail -> mail.subject().startsWith("Confirm your new address"));
        double consumedBefore = stride.reminderMetric(BrowserJourneyIT.SUBSCRIPTION_EVENTS_CONSUMED);
        browser.open(find(VERIFY_LINK, text(verify)).group(1));
        browser.awaitHeading("Use this address");
        browser.press(By.tagName("button"));
        browser.awaitHeading("Address changed");
        assertThat(browser.mainText()).contains(newEmail);

        // Weeks off: from the home page to the manage page, and a week three months ahead skipped.
        browser.follow("Manage your plan");
        browser.awaitHeading("your roadmaps");
        browser.follow("Manage");
        browser.awaitPresent(By.id("skip-week"));
        List<WebElement> weeks = new Select(browser.element("skip-week")).getOptions();
        WebElement farWeek = weeks.get(weeks.size() - 1);
        String farWeekLabel = farWeek.getText();
        browser.pick("skip-week", farWeek.getAttribute("value"));
        browser.press(By.xpath("//form[contains(@action, '/weeks/skip')]//button"));
        browser.awaitText(By.id("skipped-weeks"), farWeekLabel);
        browser.screenshot("r04-week-off");
        await("the new address and the week off reached the reminder").atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofMillis(500))
                .until(() -> stride.reminderMetric(BrowserJourneyIT.SUBSCRIPTION_EVENTS_CONSUMED) >= consumedBefore + 2);

        // Weeks pass without study (the demo clocks): a weekly email says the learner is behind and offers a re-plan.
        String replan = advanceUntilReplanOffered(newEmail);
        browser.open(replan);
        browser.awaitHeading("Re-plan from today?");
        browser.screenshot("r05-replan-page");
        browser.press(By.tagName("button"));
        browser.awaitText(By.tagName("main"), "Re-planned from today");
        browser.screenshot("r06-replanned");
        assertThat(stride.inbox().messagesTo(email)).as("nothing for the old address after the change")
                .noneMatch(mail -> mail.subject().startsWith("Week "));
    }

    /**
     * Moves the demo clocks a day at a time until a weekly email to {@code email} offers the re-plan; its link. Up to six
     * weeks: a learner who lets nudges pass goes fortnightly after three (the fatigue back-off), and where in the week the
     * shared demo clocks stand when this starts varies with the tests before it, so four weeks were sometimes just short.
     */
    private static String advanceUntilReplanOffered(String email) throws Exception {
        for (int days = 0; days < 42; days++) {
            stride.advanceClocks("P1D");
            long deadline = System.nanoTime() + Duration.ofSeconds(6).toNanos();
            while (System.nanoTime() < deadline) {
                for (StoredMail mail : stride.inbox().messagesTo(email)) {
                    var offer = REPLAN_LINK.matcher(mail.subject().startsWith("Week ") ? text(mail) : "");
                    if (offer.find()) {
                        return offer.group(1);
                    }
                }
                Thread.sleep(500);
            }
        }
        throw new AssertionError("no weekly email offering a re-plan to " + email + " after six weeks of the demo clocks");
    }
}
