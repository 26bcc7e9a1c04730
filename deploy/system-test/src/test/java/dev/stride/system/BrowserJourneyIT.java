package dev.stride.system;

import dev.stride.infra.mail.InboxClient;
import dev.stride.infra.mail.MailParts;
import dev.stride.infra.mail.StoredMail;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.junit.jupiter.api.extension.TestWatcher;
import org.junit.jupiter.api.io.TempDir;
import org.openqa.selenium.By;
import org.openqa.selenium.Dimension;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.Keys;
import org.openqa.selenium.NoAlertPresentException;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.Select;
import org.openqa.selenium.support.ui.WebDriverWait;

import java.io.File;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

/**
 * The whole product as a person meets it, in a real browser (Debian's headless Chromium driven through chromedriver)
 * against {@code ./stride}: subscribe from the catalog, confirm from the email the real SMTP server received, get the
 * first weekly nudge after the demo clock moves a week, mark its milestone done from the email, and find the next
 * week's nudge showing the progress. Every page is saved as a screenshot under {@code target/screenshots}.
 */
@ExtendWith(BrowserJourneyIT.KeepThePageOnFailure.class)
class BrowserJourneyIT {

    /** A failed journey leaves the page it failed on (screenshot and HTML) and the launcher's output for a person to read. */
    static class KeepThePageOnFailure implements TestWatcher {
        @Override
        public void testFailed(ExtensionContext context, Throwable cause) {
            try {
                screenshot("failure");
                Files.writeString(SCREENSHOTS.resolve("failure.html"), browser.getCurrentUrl() + "\n" + browser.getPageSource());
                Files.copy(work.resolve("stride.log"), SCREENSHOTS.resolve("failure-stride.log"), java.nio.file.StandardCopyOption.REPLACE_EXISTING);
                Path logs = work.resolve("data/logs");
                if (Files.isDirectory(logs)) {
                    try (var files = Files.list(logs)) {
                        for (Path log : files.toList()) {
                            Files.copy(log, SCREENSHOTS.resolve("failure-" + log.getFileName()), java.nio.file.StandardCopyOption.REPLACE_EXISTING);
                        }
                    }
                }
            } catch (Exception e) {
                cause.addSuppressed(e);
            }
        }
    }

    private static final Path CHROMIUM = Path.of("/usr/bin/chromium");
    private static final Path CHROMEDRIVER = Path.of("/usr/bin/chromedriver");
    private static final Path SCREENSHOTS = Path.of(System.getProperty("stride.screenshots", "target/screenshots"));
    private static final String NAME = "Ada <script>alert('x')</script>";
    private static final Pattern CONFIRM_LINK = Pattern.compile("(http://localhost:\\d+/confirm/[A-Za-z0-9._~-]+)");
    private static final Pattern MARK_DONE_LINK = Pattern.compile("Mark “([^”]+)” done: (http://localhost:\\d+/actions/[A-Za-z0-9._~-]+)");
    private static final String SUBSCRIPTION_EVENTS_CONSUMED = "kafka_consumer_fetch_manager_records_consumed_total"
            + "\\{client_id=\"kafka-consumer-subscription-events-in\",kafka_version=\"[^\"]+\",topic=\"subscription-events\"}";
    private static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();

    @TempDir
    static Path work;

    private static Map<String, Integer> ports;
    private static Process stride;
    private static WebDriver browser;
    private static WebDriverWait waiting;

    @BeforeAll
    static void startStrideAndTheBrowser() throws Exception {
        assertThat(CHROMIUM).as("Debian's chromium (apt-get install chromium; .ci/run installs it)").isExecutable();
        assertThat(CHROMEDRIVER).as("Debian's chromium-driver (apt-get install chromium-driver; .ci/run installs it)").isExecutable();
        ports = LocalStride.freePorts();
        Path output = work.resolve("stride.log");
        stride = LocalStride.launch(ports, work.resolve("data"), output, List.of());
        await("stride ready").atMost(Duration.ofMinutes(4)).pollInterval(Duration.ofSeconds(1))
                .until(() -> LocalStride.read(output).contains("Stride is running.") || !stride.isAlive());
        assertThat(stride.isAlive()).as("launcher alive; its output:\n%s", LocalStride.read(output)).isTrue();

        ChromeOptions options = new ChromeOptions();
        options.setBinary(CHROMIUM.toFile());
        // Headless, as root, and quiet on a machine whose network is closed (no background fetches to Google).
        options.addArguments("--headless=new", "--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage", "--disable-quic", "--no-first-run",
                "--disable-background-networking", "--disable-component-update", "--disable-sync", "--window-size=1280,1600",
                "--user-data-dir=" + Files.createDirectories(work.resolve("chromium-profile")));
        ChromeDriverService service = new ChromeDriverService.Builder().usingDriverExecutable(CHROMEDRIVER.toFile()).usingAnyFreePort().build();
        browser = new ChromeDriver(service, options);
        waiting = new WebDriverWait(browser, Duration.ofSeconds(20));
        Files.createDirectories(SCREENSHOTS);
    }

    @AfterAll
    static void stopEverything() throws Exception {
        if (browser != null) {
            browser.quit();
        }
        if (stride != null) {
            stride.destroy();
            if (!stride.waitFor(90, TimeUnit.SECONDS)) {
                stride.descendants().forEach(ProcessHandle::destroyForcibly);
                stride.destroyForcibly();
            }
        }
    }

    @Test
    void subscribeConfirmGetANudgeMarkDoneAndSeeTheNextNudgeMoveOn() throws Exception {
        String email = "learner-" + UUID.randomUUID().toString().substring(0, 8) + "@example.org";
        InboxClient inbox = new InboxClient("http://127.0.0.1:" + ports.get("inbox"));

        // The catalog, then the 12-month roadmap.
        browser.get(roadmapUrl("/"));
        assertThat(browser.findElement(By.tagName("h1")).getText()).isEqualTo("Study roadmaps");
        screenshot("01-catalog");
        browser.findElement(By.linkText("AI/ML engineer in 12 months")).click();
        waiting.until(ExpectedConditions.titleContains("AI/ML engineer in 12 months"));
        assertThat(unlabelledFields()).as("every form field has a label").isEmpty();
        waiting.until(ExpectedConditions.textToBePresentInElementLocated(By.id("preview-finish"), "you would finish on"));
        screenshot("02-roadmap-with-live-preview");

        // A bad email and a too-short slot, submitted from the keyboard: errors next to the fields, input kept.
        type("email", "not-an-email");
        type("name", NAME);
        fill("minutes-0", "5");
        browser.findElement(By.id("name")).sendKeys(Keys.ENTER);
        waiting.until(ExpectedConditions.presenceOfElementLocated(By.id("error-summary")));
        assertThat(browser.findElement(By.id("email-error")).getText()).isEqualTo("must be an email address such as ada@example.org");
        assertThat(browser.findElement(By.id("slot-0-error")).getText()).contains("at least 15 minutes");
        assertThat(browser.findElement(By.id("email")).getAttribute("value")).isEqualTo("not-an-email");
        assertThat(browser.findElement(By.id("name")).getAttribute("value")).isEqualTo(NAME);
        assertNoScriptRan();
        screenshot("03-form-errors-kept-input");

        // The real subscription: two slots a week in New York.
        type("email", email);
        new Select(browser.findElement(By.id("timeZone"))).selectByValue("America/New_York");
        new Select(browser.findElement(By.id("day-0"))).selectByValue("TUESDAY");
        fill("start-0", "18:00");
        fill("minutes-0", "90");
        new Select(browser.findElement(By.id("day-1"))).selectByValue("SATURDAY");
        fill("start-1", "09:30");
        fill("minutes-1", "120");
        waiting.until(ExpectedConditions.textToBePresentInElementLocated(By.id("preview-body"), "18:00–19:30"));
        screenshot("04-filled-form-and-preview");
        browser.findElement(By.id("subscribe-button")).click();
        waiting.until(ExpectedConditions.textToBePresentInElementLocated(By.tagName("h1"), "Check your email"));
        screenshot("05-check-your-email");

        // The confirmation email, from the real SMTP server; its link opens a page whose button confirms.
        StoredMail confirmation = awaitMail(inbox, email, "Confirm your weekly study emails");
        assertThat(MailParts.of(confirmation.parse()).text()).as("a confirmation repeats no name anyone could type").doesNotContain(NAME);
        browser.get(find(CONFIRM_LINK, MailParts.of(confirmation.parse()).text()).group(1));
        assertShownAsText();
        screenshot("06-confirm-page");
        browser.findElement(By.tagName("button")).click();
        waiting.until(ExpectedConditions.textToBePresentInElementLocated(By.tagName("h1"), "Subscription confirmed"));
        screenshot("07-confirmed");

        // Once the reminder has taken the subscription in (its first nudge is scheduled), a week passes: the first weekly nudge.
        await("first nudge scheduled").atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofSeconds(1))
                .until(() -> reminderMetric("stride_nudges_scheduled") >= 1);
        StoredMail first = advanceUntilWeeklyEmail(inbox, email, 1, "P1D");
        assertEscaped(first);
        String firstText = MailParts.of(first.parse()).text();
        assertThat(firstText).contains("0 of 34 milestones done");
        Matcher markDone = find(MARK_DONE_LINK, firstText);
        String milestone = markDone.group(1);

        // Mark its first milestone done from the email: the link shows what it will do; the button does it.
        double consumedBefore = reminderMetric(SUBSCRIPTION_EVENTS_CONSUMED);
        browser.get(markDone.group(2));
        assertThat(browser.findElement(By.tagName("h1")).getText()).contains(milestone);
        screenshot("08-mark-done-page");
        browser.findElement(By.tagName("button")).click();
        waiting.until(ExpectedConditions.textToBePresentInElementLocated(By.tagName("main"), "Marked done"));
        screenshot("09-marked-done");

        // The manage page shows it, with this week's sessions, the projected finish and the calendar feed.
        browser.findElement(By.linkText("Manage your plan")).click();
        waiting.until(ExpectedConditions.presenceOfElementLocated(By.id("calendar-url")));
        assertThat(browser.findElement(By.tagName("main")).getText()).contains("1 of 34 milestones done").contains("At this pace you finish on");
        assertShownAsText();
        assertThat(unlabelledFields()).as("every form field has a label").isEmpty();
        screenshot("10-manage-page");
        String feed = browser.findElement(By.id("calendar-url")).getText();
        HttpResponse<String> calendar = HTTP.send(HttpRequest.newBuilder(URI.create(feed)).build(), HttpResponse.BodyHandlers.ofString());
        assertThat(calendar.statusCode()).isEqualTo(200);
        assertThat(calendar.body()).contains("BEGIN:VCALENDAR").contains("TZID:America/New_York").contains("BEGIN:VEVENT");

        // Once the reminder has read the progress event, another week: the second nudge shows the milestone done.
        await("progress reached the reminder").atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofMillis(500))
                .until(() -> reminderMetric(SUBSCRIPTION_EVENTS_CONSUMED) > consumedBefore);
        StoredMail second = advanceUntilWeeklyEmail(inbox, email, 2, "P6D");
        assertEscaped(second);
        String secondText = MailParts.of(second.parse()).text();
        assertThat(secondText).contains("1 of 34 milestones done").doesNotContain("Mark “" + milestone + "” done");

        // Readable on a phone: nothing wider than the screen.
        browser.manage().window().setSize(new Dimension(390, 844));
        browser.get(roadmapUrl("/roadmaps/ai-ml-engineer-12-months"));
        assertThat(widerThanTheScreen()).as("roadmap page fits a phone's width").isEmpty();
        screenshot("11-roadmap-on-a-phone");
        browser.navigate().back();
        assertThat(widerThanTheScreen()).as("manage page fits a phone's width").isEmpty();
        screenshot("12-manage-on-a-phone");

        // Easy to stop: the manage page's unsubscribe link, one button, one goodbye email (the name still plain text).
        browser.manage().window().setSize(new Dimension(1280, 1600));
        browser.findElement(By.linkText("Unsubscribe")).click();
        waiting.until(ExpectedConditions.textToBePresentInElementLocated(By.tagName("h1"), "Unsubscribe from"));
        screenshot("13-unsubscribe-page");
        browser.findElement(By.tagName("button")).click();
        waiting.until(ExpectedConditions.textToBePresentInElementLocated(By.tagName("h1"), "Unsubscribed"));
        screenshot("14-unsubscribed");
        assertEscaped(awaitMail(inbox, email, "You have unsubscribed"));
    }

    private static String roadmapUrl(String path) {
        return "http://localhost:" + ports.get("roadmap") + path;
    }

    /**
     * Moves the reminder's clock by {@code firstStep}, then a day at a time, until the learner has {@code count} weekly
     * emails, and returns the last. Day by day, not a week at once: a week's email is built when it falls due, and a clock
     * that jumped past the whole week (a Sunday run) would find all its sessions over.
     */
    private static StoredMail advanceUntilWeeklyEmail(InboxClient inbox, String email, int count, String firstStep) throws Exception {
        String step = firstStep;
        for (int days = 0; days < 8; days++) {
            advanceReminderClock(step);
            step = "P1D";
            long deadline = System.nanoTime() + Duration.ofSeconds(8).toNanos();
            while (System.nanoTime() < deadline) {
                List<StoredMail> weekly = inbox.messagesTo(email).stream().filter(m -> m.subject().startsWith("Week ")).toList();
                if (weekly.size() >= count) {
                    return weekly.get(weekly.size() - 1);
                }
                Thread.sleep(500);
            }
        }
        throw new AssertionError("no weekly email number " + count + " to " + email + " after a week of the reminder's clock");
    }

    private static void advanceReminderClock(String by) throws Exception {
        String admin = "admin:" + LocalStride.adminPassword(work.resolve("data"));
        HttpResponse<String> moved = HTTP.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + ports.get("reminder") + "/ops/clock/advance?by=" + by))
                .header("Authorization", "Basic " + java.util.Base64.getEncoder().encodeToString(admin.getBytes(java.nio.charset.StandardCharsets.UTF_8)))
                .POST(HttpRequest.BodyPublishers.noBody()).build(), HttpResponse.BodyHandlers.ofString());
        assertThat(moved.statusCode()).as(moved.body()).isEqualTo(200);
    }

    private static double reminderMetric(String name) throws Exception {
        String metrics = HTTP.send(HttpRequest.newBuilder(URI.create(LocalStride.managementUrl(ports, "reminder", "metrics"))).build(),
                HttpResponse.BodyHandlers.ofString()).body();
        Matcher value = Pattern.compile("(?m)^" + name + " (\\S+)$").matcher(metrics);
        return value.find() ? Double.parseDouble(value.group(1)) : 0;
    }

    private static StoredMail awaitMail(InboxClient inbox, String to, String subjectStart) {
        return await(subjectStart + " email to " + to).atMost(Duration.ofSeconds(90)).pollInterval(Duration.ofSeconds(1))
                .until(() -> inbox.messagesTo(to).stream().filter(m -> m.subject().startsWith(subjectStart)).findFirst(), Optional::isPresent)
                .orElseThrow();
    }

    /** The name is text in every email: escaped in the HTML part, never a live script element. */
    private static void assertEscaped(StoredMail mail) throws Exception {
        MailParts parts = MailParts.of(mail.parse());
        assertThat(parts.html()).contains("&lt;script&gt;").doesNotContain("<script");
        assertThat(parts.text()).contains(NAME);
    }

    private static Matcher find(Pattern pattern, String text) {
        Matcher matcher = pattern.matcher(text);
        assertThat(matcher.find()).as("%s in:\n%s", pattern, text).isTrue();
        return matcher;
    }

    private static void type(String id, String text) {
        WebElement field = browser.findElement(By.id(id));
        field.clear();
        field.sendKeys(text);
    }

    /** Time and number inputs: set as the browser's own picker would, then tell the page (input/change events). */
    private static void fill(String id, String value) {
        ((JavascriptExecutor) browser).executeScript("const f = arguments[0]; f.value = arguments[1];"
                + "f.dispatchEvent(new Event('input', {bubbles: true})); f.dispatchEvent(new Event('change', {bubbles: true}));",
                browser.findElement(By.id(id)), value);
    }

    @SuppressWarnings("unchecked")
    private static List<String> unlabelledFields() {
        return (List<String>) ((JavascriptExecutor) browser).executeScript("return Array.from(document.querySelectorAll("
                + "'input:not([type=hidden]), select, textarea')).filter(f => f.labels.length === 0).map(f => f.id || f.name);");
    }

    /** Elements reaching past the right edge of the screen (none when the page fits), named tag#id.class. */
    @SuppressWarnings("unchecked")
    private static List<String> widerThanTheScreen() {
        return (List<String>) ((JavascriptExecutor) browser).executeScript("const width = document.documentElement.clientWidth;"
                + "return Array.from(document.body.querySelectorAll('*')).filter(e => e.getBoundingClientRect().right > width + 1)"
                + ".map(e => e.tagName.toLowerCase() + (e.id ? '#' + e.id : '') + (e.className ? '.' + e.className : '')).slice(0, 10);");
    }

    /** The name reads as typed on the page, and no script element came of it. */
    private static void assertShownAsText() {
        assertThat(browser.findElement(By.tagName("main")).getText()).contains(NAME);
        assertThat((Long) ((JavascriptExecutor) browser).executeScript(
                "return Array.from(document.scripts).filter(s => s.textContent.includes('alert')).length;")).isZero();
        assertNoScriptRan();
    }

    private static void assertNoScriptRan() {
        assertThatThrownBy(() -> browser.switchTo().alert()).isInstanceOf(NoAlertPresentException.class);
    }

    private static void screenshot(String name) throws Exception {
        File shot = ((org.openqa.selenium.TakesScreenshot) browser).getScreenshotAs(OutputType.FILE);
        Files.copy(shot.toPath(), SCREENSHOTS.resolve(name + ".png"), java.nio.file.StandardCopyOption.REPLACE_EXISTING);
    }
}
