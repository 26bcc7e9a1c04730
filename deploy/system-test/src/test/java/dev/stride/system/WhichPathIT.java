package dev.stride.system;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.openqa.selenium.By;
import org.openqa.selenium.Dimension;
import org.openqa.selenium.WebElement;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * "Which path fits me" (issue 17) in a real browser against {@code ./stride}, a page without any script: from the catalog to
 * the questionnaire, a first try with answers missing (errors by the fields, answers kept), a suggestion with
 * its reasons and a second choice, the same in German through the language switch, and on to the suggested roadmap.
 */
class WhichPathIT {

    @RegisterExtension
    static final StrideSession stride = new StrideSession();

    @Test
    void answersSixQuestionsAndFollowsTheSuggestedRoadmap() throws Exception {
        Browsing browser = stride.browser();
        browser.open(stride.roadmapUrl("/?lang=en"));
        browser.awaitHeading("Study roadmaps");
        browser.press(By.id("which-path-link"));
        browser.awaitHeading("Which path fits me?");
        assertThat(browser.driver().findElements(By.tagName("script"))).as("the questionnaire needs no JavaScript").isEmpty();
        assertThat(browser.driver().findElements(By.cssSelector("#which-path-form fieldset"))).hasSize(4);
        assertThat(browser.unlabelledFields()).as("every answer has a label").isEmpty();
        browser.screenshot("p01-which-path");

        // Half answered: the page comes back with what is missing named, and what was given still chosen.
        answer("background", "career-changer");
        answer("python", "basics");
        browser.type("hours", "80");
        browser.press(By.id("which-path-submit"));
        browser.awaitPresent(By.id("error-summary"));
        assertThat(browser.element("error-summary").getText()).contains("Role: choose one", "Maths: choose one",
                "Hours a week: a whole number of hours from 1 to 40", "Months: a whole number of months from 1 to 36");
        assertThat(browser.driver().findElement(By.cssSelector("input[name=background][value=career-changer]")).isSelected()).isTrue();
        assertThat(browser.driver().findElements(By.id("suggestion"))).isEmpty();
        browser.screenshot("p02-which-path-errors");

        answer("role", "ml-engineer");
        answer("maths", "some");
        browser.type("hours", "8");
        browser.type("months", "12");
        browser.press(By.id("which-path-submit"));
        browser.awaitPresent(By.id("suggestion"));
        WebElement suggestion = browser.element("suggestion");
        String suggested = suggestion.findElement(By.tagName("h2")).getText();
        assertThat(suggestion.getText()).contains("Our suggestion", "Why", "See the roadmap");
        assertThat(suggestion.findElements(By.cssSelector("ul.reasons li"))).isNotEmpty();
        assertThat(browser.element("second-choice").getText()).contains("Second choice");
        assertThat(browser.element("second-choice").findElement(By.tagName("h2")).getText()).isNotEqualTo(suggested);
        assertThat(browser.driver().findElements(By.id("error-summary"))).isEmpty();
        browser.screenshot("p03-which-path-suggestion");

        // The language switch keeps the answers.
        browser.press(By.cssSelector("nav.languages a[hreflang=de]"));
        browser.awaitHeading("Welcher Weg passt zu mir?");
        assertThat(browser.element("suggestion").getText()).contains("Unser Vorschlag", "Warum");
        assertThat(browser.driver().findElement(By.cssSelector("input[name=role][value=ml-engineer]")).isSelected()).isTrue();
        browser.press(By.cssSelector("nav.languages a[hreflang=en]"));
        browser.awaitHeading("Which path fits me?");

        // Readable on a phone.
        browser.driver().manage().window().setSize(new Dimension(390, 844));
        assertThat(browser.widerThanTheScreen()).as("questionnaire fits a phone's width").isEmpty();
        browser.screenshot("p04-which-path-on-a-phone");
        browser.driver().manage().window().setSize(new Dimension(1280, 1600));

        browser.press(By.cssSelector("#suggestion a.button"));
        browser.awaitHeading(suggested);
        assertThat(browser.mainText()).contains("The plan, phase by phase");
        browser.screenshot("p05-suggested-roadmap");
    }

    private void answer(String question, String value) {
        stride.browser().press(By.cssSelector("input[name=" + question + "][value=" + value + "]"));
    }
}
