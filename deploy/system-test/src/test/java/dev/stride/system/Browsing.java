package dev.stride.system;

import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.TakesScreenshot;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.Select;
import org.openqa.selenium.support.ui.WebDriverWait;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.util.List;

/** The browser as a person uses it: open, type, pick, press, wait for what the page says; and screenshots of each step. */
final class Browsing {

    private final WebDriver driver;
    private final WebDriverWait waiting;
    private final Path screenshots;

    Browsing(WebDriver driver, Path screenshots) {
        this.driver = driver;
        this.waiting = new WebDriverWait(driver, Duration.ofSeconds(20));
        this.screenshots = screenshots;
    }

    WebDriver driver() {
        return driver;
    }

    Path folder() {
        return screenshots;
    }

    void open(String url) {
        driver.get(url);
    }

    WebElement element(String id) {
        return driver.findElement(By.id(id));
    }

    String h1() {
        return driver.findElement(By.tagName("h1")).getText();
    }

    String mainText() {
        return driver.findElement(By.tagName("main")).getText();
    }

    void type(String id, String text) {
        WebElement field = element(id);
        field.clear();
        field.sendKeys(text);
    }

    void pick(String id, String value) {
        new Select(element(id)).selectByValue(value);
    }

    /** Time, date and number inputs: set as the browser's own picker would, then tell the page (input/change events). */
    void fill(String id, String value) {
        ((JavascriptExecutor) driver).executeScript("const f = arguments[0]; f.value = arguments[1];"
                + "f.dispatchEvent(new Event('input', {bubbles: true})); f.dispatchEvent(new Event('change', {bubbles: true}));",
                element(id), value);
    }

    void press(By button) {
        driver.findElement(button).click();
    }

    void follow(String linkText) {
        driver.findElement(By.linkText(linkText)).click();
    }

    void awaitHeading(String text) {
        waiting.until(ExpectedConditions.textToBePresentInElementLocated(By.tagName("h1"), text));
    }

    void awaitText(By where, String text) {
        waiting.until(ExpectedConditions.textToBePresentInElementLocated(where, text));
    }

    void awaitPresent(By what) {
        waiting.until(ExpectedConditions.presenceOfElementLocated(what));
    }

    void awaitTitle(String text) {
        waiting.until(ExpectedConditions.titleContains(text));
    }

    Object script(String script, Object... args) {
        return ((JavascriptExecutor) driver).executeScript(script, args);
    }

    @SuppressWarnings("unchecked")
    List<String> unlabelledFields() {
        return (List<String>) script("return Array.from(document.querySelectorAll("
                + "'input:not([type=hidden]), select, textarea')).filter(f => f.labels.length === 0).map(f => f.id || f.name);");
    }

    /** Elements reaching past the right edge of the screen (none when the page fits), named tag#id.class. */
    @SuppressWarnings("unchecked")
    List<String> widerThanTheScreen() {
        return (List<String>) script("const width = document.documentElement.clientWidth;"
                + "return Array.from(document.body.querySelectorAll('*')).filter(e => e.getBoundingClientRect().right > width + 1)"
                + ".map(e => e.tagName.toLowerCase() + (e.id ? '#' + e.id : '') + (e.className ? '.' + e.className : '')).slice(0, 10);");
    }

    void screenshot(String name) throws IOException {
        Files.createDirectories(screenshots);
        Path shot = ((TakesScreenshot) driver).getScreenshotAs(OutputType.FILE).toPath();
        Files.copy(shot, screenshots.resolve(name + ".png"), StandardCopyOption.REPLACE_EXISTING);
    }
}
