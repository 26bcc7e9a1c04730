package dev.stride.system;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.openqa.selenium.By;
import org.openqa.selenium.Dimension;

import java.util.List;

import static dev.stride.system.StrideSession.find;
import static dev.stride.system.StrideSession.text;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * Placement and the checklist (issue 17) in a real browser against {@code ./stride}: "I already know" a later phase without
 * the earlier one it builds on is refused by name; knowing the first phase leaves its milestones skipped on the manage page;
 * the manage page's one checklist form marks three milestones done with one Save, the page and its progress show it, and
 * with every milestone done or skipped it suggests the roadmaps to go on with, each with a subscribe link.
 */
class ChecklistIT {

    private static final String ROADMAP = "role-data-scientist";
    private static final List<String> FIRST_PHASE = List.of("experiment-design", "ab-test-analysis", "causal-analysis");
    private static final List<String> SECOND_PHASE = List.of("decision-model", "model-explainability", "insight-presentation");

    @RegisterExtension
    static final StrideSession stride = new StrideSession();

    @Test
    void placementSkipsAPhaseAndOneSaveMarksThreeMilestonesDone() throws Exception {
        String email = StrideSession.newAddress("checklist");
        Browsing browser = stride.browser();
        browser.open(stride.roadmapUrl("/roadmaps/" + ROADMAP + "?lang=en"));
        browser.awaitTitle("Role track: data scientist");
        browser.type("email", email);
        browser.type("name", "Grace");
        browser.pick("timeZone", "Europe/Berlin");
        browser.pick("day-0", "WEDNESDAY");
        browser.fill("start-0", "19:00");
        browser.fill("minutes-0", "90");

        // The second phase builds on the first: knowing only the second is refused, naming what it builds on.
        browser.press(By.cssSelector("input[name=knownPhases][value=insight-to-decision]"));
        browser.press(By.id("subscribe-button"));
        browser.awaitPresent(By.id("knownPhases-error"));
        assertThat(browser.element("knownPhases-error").getText()).contains("builds on", "Experiments and causal questions");
        browser.screenshot("c01-placement-refused");

        // Knowing the first phase instead (the form kept the second ticked: untick it).
        browser.press(By.cssSelector("input[name=knownPhases][value=insight-to-decision]"));
        browser.press(By.cssSelector("input[name=knownPhases][value=experiments-and-causality]"));
        browser.press(By.id("subscribe-button"));
        browser.awaitHeading("Check your email");
        browser.open(find(BrowserJourneyIT.CONFIRM_LINK, text(stride.awaitMail(email, "Confirm your weekly study emails"))).group(1));
        browser.press(By.tagName("button"));
        browser.awaitHeading("Subscription confirmed");
        browser.follow("Manage your plan");
        browser.awaitPresent(By.id("checklist-form"));
        assertThat(browser.mainText()).contains("0 of 6 milestones done");
        FIRST_PHASE.forEach(id -> assertThat(state(browser, id)).as(id).isEqualTo("SKIPPED"));
        SECOND_PHASE.forEach(id -> assertThat(state(browser, id)).as(id).isEqualTo("TODO"));
        assertThat(browser.unlabelledFields()).as("every checklist field has a label").isEmpty();
        assertThat(browser.driver().findElements(By.cssSelector("#checklist-form button[type=submit]"))).as("one Save").hasSize(1);
        browser.screenshot("c02-manage-placed");

        // One form, one Save: three milestones done.
        SECOND_PHASE.forEach(id -> browser.pick("state-" + id, "DONE"));
        browser.press(By.id("checklist-save"));
        browser.awaitText(By.tagName("main"), "3 of 6 milestones done");
        SECOND_PHASE.forEach(id -> assertThat(state(browser, id)).as(id).isEqualTo("DONE"));
        assertThat(browser.driver().findElements(By.id("checklist-unmet"))).as("what they build on was skipped as known").isEmpty();
        assertThat(browser.element("finish").getText()).contains("You have finished every milestone.");
        browser.screenshot("c03-manage-three-done");

        // Everything done or skipped: what next, each with its subscribe link, readable on a phone.
        assertThat(browser.element("what-next").getText()).contains("What next?", "AI/ML engineer in 12 months");
        browser.driver().manage().window().setSize(new Dimension(390, 844));
        assertThat(browser.widerThanTheScreen()).as("manage page with the checklist fits a phone's width").isEmpty();
        browser.screenshot("c04-what-next-on-a-phone");
        browser.driver().manage().window().setSize(new Dimension(1280, 1600));
        browser.press(By.id("next-ai-ml-engineer-12-months"));
        browser.awaitTitle("AI/ML engineer in 12 months");
        assertThat(browser.driver().getCurrentUrl()).endsWith("#subscribe");
        browser.awaitPresent(By.id("subscribe-form"));
        browser.screenshot("c05-next-roadmap");
    }

    private static String state(Browsing browser, String milestoneId) {
        return browser.element("milestone-" + milestoneId).getAttribute("data-state");
    }
}
