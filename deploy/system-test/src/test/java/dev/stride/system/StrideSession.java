package dev.stride.system;

import dev.stride.infra.trace.ExportedSpan;
import dev.stride.infra.trace.TraceReceiver;
import dev.stride.infra.mail.InboxClient;
import dev.stride.infra.mail.MailParts;
import dev.stride.infra.mail.StoredMail;
import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.junit.jupiter.api.extension.TestWatcher;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.Base64;
import java.util.List;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * What a browser test class needs of the running system: register it with {@code @RegisterExtension}. It joins the
 * run's one {@link RunningStride}, reads the learner's mail from the local inbox, moves the demo clocks (reminder and roadmap) and
 * reads its metrics; a failed test leaves its page (screenshot and HTML) and the services' logs under the
 * screenshots folder.
 */
final class StrideSession implements BeforeAllCallback, TestWatcher {

    private static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();

    private RunningStride running;
    private Browsing browsing;

    @Override
    public void beforeAll(ExtensionContext context) {
        running = RunningStride.in(context);
        browsing = new Browsing(running.browser, Path.of(System.getProperty("stride.screenshots", "target/screenshots")));
    }

    @Override
    public void testFailed(ExtensionContext context, Throwable cause) {
        try {
            String name = context.getRequiredTestClass().getSimpleName() + "-failure";
            browsing.screenshot(name);
            Files.writeString(browsing.folder().resolve(name + ".html"), running.browser.getCurrentUrl() + "\n" + running.browser.getPageSource());
            Files.copy(running.work.resolve("stride.log"), browsing.folder().resolve(name + "-stride.log"), StandardCopyOption.REPLACE_EXISTING);
            Path logs = running.work.resolve("data/logs");
            if (Files.isDirectory(logs)) {
                try (var files = Files.list(logs)) {
                    for (Path log : files.toList()) {
                        Files.copy(log, browsing.folder().resolve(name + "-" + log.getFileName()), StandardCopyOption.REPLACE_EXISTING);
                    }
                }
            }
        } catch (Exception e) {
            cause.addSuppressed(e);
        }
    }

    Browsing browser() {
        return browsing;
    }

    InboxClient inbox() {
        return new InboxClient("http://127.0.0.1:" + running.ports.get("inbox"));
    }

    /** Every span the services exported so far, from the launcher's local trace receiver (the inbox server's /traces). */
    List<ExportedSpan> spans() {
        return TraceReceiver.read(running.work.resolve("data").resolve("traces.jsonl"));
    }

    static String newAddress(String who) {
        return who + "-" + UUID.randomUUID().toString().substring(0, 8) + "@example.org";
    }

    String roadmapUrl(String path) {
        return "http://localhost:" + running.ports.get("roadmap") + path;
    }

    StoredMail awaitMail(String to, String subjectStart) {
        return awaitMails(to, subjectStart, 1).get(0);
    }

    /** The first {@code count} emails to {@code to} whose subject starts so, oldest first, once that many arrived. */
    List<StoredMail> awaitMails(String to, String subjectStart, int count) {
        InboxClient inbox = inbox();
        return await(count + " '" + subjectStart + "' email(s) to " + to).atMost(Duration.ofSeconds(90)).pollInterval(Duration.ofSeconds(1))
                .until(() -> inbox.messagesTo(to).stream().filter(m -> m.subject().startsWith(subjectStart)).toList(), mails -> mails.size() >= count);
    }

    static String text(StoredMail mail) throws Exception {
        return MailParts.of(mail.parse()).text();
    }

    static Matcher find(Pattern pattern, String text) {
        Matcher matcher = pattern.matcher(text);
        assertThat(matcher.find()).as("%s in:\n%s", pattern, text).isTrue();
        return matcher;
    }

    /**
     * Moves the demo clocks by {@code firstStep}, then a day at a time, until the learner has {@code count} weekly
     * emails, and returns the last. Day by day, not a week at once: a week's email is built when it falls due, and a clock
     * that jumped past the whole week (a Sunday run) would find all its sessions over.
     */
    StoredMail advanceUntilWeeklyEmail(String email, int count, String firstStep) throws Exception {
        InboxClient inbox = inbox();
        String step = firstStep;
        for (int days = 0; days < 8; days++) {
            advanceClocks(step);
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
        throw new AssertionError("no weekly email number " + count + " to " + email + " after a week of the demo clocks");
    }

    /**
     * Moves the demo clocks of the reminder (the emails) and the roadmap-service (the pages' today) by the same step,
     * as a person running the demo does, so a page opened from an email agrees with it.
     */
    void advanceClocks(String by) throws Exception {
        for (String service : List.of("reminder", "roadmap")) {
            advanceClock(service, by);
        }
    }

    /** Today in {@code zone} by the roadmap-service's demo clock (a step of nothing answers its now): the day the pages call today. */
    LocalDate demoToday(ZoneId zone) throws Exception {
        Matcher now = find(Pattern.compile("\"now\"\\s*:\\s*\"([^\"]+)\""), advanceClock("roadmap", "PT0S"));
        return Instant.parse(now.group(1)).atZone(zone).toLocalDate();
    }

    private String advanceClock(String service, String by) throws Exception {
        String admin = "admin:" + adminPassword();
        HttpResponse<String> moved = HTTP.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + running.ports.get(service) + "/ops/clock/advance?by=" + by))
                .header("Authorization", "Basic " + Base64.getEncoder().encodeToString(admin.getBytes(StandardCharsets.UTF_8)))
                .POST(HttpRequest.BodyPublishers.noBody()).build(), HttpResponse.BodyHandlers.ofString());
        assertThat(moved.statusCode()).as(service + ": " + moved.body()).isEqualTo(200);
        return moved.body();
    }

    /** What a service ({@code roadmap}, {@code reminder}, {@code notifier}) serves on its management port's /q/metrics. */
    String metrics(String service) throws Exception {
        HttpResponse<String> response = HTTP.send(HttpRequest.newBuilder(URI.create(LocalStride.managementUrl(running.ports, service, "metrics"))).build(),
                HttpResponse.BodyHandlers.ofString());
        assertThat(response.statusCode()).as(service + " /q/metrics").isEqualTo(200);
        return response.body();
    }

    /** The admin password of this run (user {@code admin}: the admin API, the demo clock and the operators' console). */
    String adminPassword() throws Exception {
        return LocalStride.adminPassword(running.work.resolve("data"));
    }

    /** A metric of the reminder's, summed over every series the pattern matches; 0 before it exists. */
    double reminderMetric(String seriesPattern) throws Exception {
        return metric("reminder", seriesPattern);
    }

    /** A metric of a service's ({@code roadmap}, {@code reminder}, {@code notifier}), summed over every series the pattern matches; 0 before it exists. */
    double metric(String service, String seriesPattern) throws Exception {
        String metrics = metrics(service);
        Matcher value = Pattern.compile("(?m)^" + seriesPattern + " (\\S+)$").matcher(metrics);
        double sum = 0;
        while (value.find()) {
            sum += Double.parseDouble(value.group(1));
        }
        return sum;
    }

    /**
     * Subscribes {@code email} (name Ada, English) to {@code roadmap} through the API, as the subscribe form would: starting
     * the demo's today in Berlin (earlier journeys moved the clocks), two sessions a week, the nudge on Monday morning.
     */
    void subscribeByApi(String email, String roadmap) throws Exception {
        String json = """
                {"email": "%s", "name": "Ada", "locale": "en", "roadmapId": "%s", "startDate": "%s",
                 "plan": {"timeZone": "Europe/Berlin",
                          "slots": [{"day": "TUESDAY", "start": "18:00", "minutes": 90}, {"day": "SATURDAY", "start": "09:30", "minutes": 120}],
                          "nudge": {"day": "MONDAY", "time": "07:30"}}}""".formatted(email, roadmap, demoToday(ZoneId.of("Europe/Berlin")));
        HttpResponse<String> response = HTTP.send(HttpRequest.newBuilder(URI.create(roadmapUrl("/api/subscriptions")))
                .header("Content-Type", "application/json").POST(HttpRequest.BodyPublishers.ofString(json)).build(), HttpResponse.BodyHandlers.ofString());
        assertThat(response.statusCode()).as(response.body()).isEqualTo(202);
    }

    HttpResponse<String> get(String url) throws Exception {
        return HTTP.send(HttpRequest.newBuilder(URI.create(url)).build(), HttpResponse.BodyHandlers.ofString());
    }
}
