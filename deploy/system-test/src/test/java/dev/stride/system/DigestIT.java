package dev.stride.system;

import dev.stride.infra.mail.StoredMail;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.openqa.selenium.By;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.ZoneId;
import java.util.List;
import java.util.regex.Pattern;

import static dev.stride.system.StrideSession.find;
import static dev.stride.system.StrideSession.text;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * One learner, two roadmaps (issue 16), in a real browser against {@code ./stride}: the two weekly nudges of a week arrive
 * as ONE digest email naming both roadmaps, with each roadmap's own mark-done link working, and nothing more that week
 * even past the second roadmap's own nudge moment; after choosing separate emails on the home page, the next week brings
 * one email per roadmap.
 */
class DigestIT {

    private static final String FIRST = "ai-ml-engineer-12-months";
    private static final String SECOND = "ml-career-seven-steps";
    private static final String DIGEST = "Your Stride week: 2 roadmaps";
    private static final Pattern HOME_LINK = Pattern.compile("(http://localhost:\\d+/home/[A-Za-z0-9._~-]+)");
    private static final Pattern MARK_DONE = Pattern.compile("Mark “([^”]+)” done: (http://localhost:\\d+/actions/[A-Za-z0-9._~-]+)");

    @RegisterExtension
    static final StrideSession stride = new StrideSession();

    @Test
    void twoRoadmapsGetOneWeeklyEmailUntilTheLearnerAsksForSeparateOnes() throws Exception {
        String email = StrideSession.newAddress("digest");
        Browsing browser = stride.browser();
        // Two roadmaps, two nudge moments: Monday morning and Wednesday evening.
        subscribe(email, FIRST, "MONDAY", "07:30", "TUESDAY", "18:00");
        confirm(browser, stride.awaitMails(email, "Confirm your weekly study emails", 1).get(0));
        stride.awaitMail(email, "Welcome to");
        // One confirmation email per address an hour (the subscribe form's abuse limit, on the service's clock): an hour on.
        stride.advanceClocks("PT1H");
        subscribe(email, SECOND, "WEDNESDAY", "18:00", "THURSDAY", "19:00");
        confirm(browser, stride.awaitMails(email, "Confirm your weekly study emails", 2).get(1));
        stride.awaitMails(email, "Welcome to", 2);

        // The next week: one digest, as soon as the first roadmap's moment comes, naming both.
        StoredMail digest = advanceUntil(email, DIGEST, 1);
        String body = text(digest);
        assertThat(body).contains("AI/ML engineer in 12 months").contains("Career in ML, seven steps").contains("This week");
        assertThat(weekly(email)).as("no separate weekly email besides the digest").isEmpty();
        // Past the second roadmap's own moment (two more days, with time for the dispatcher): still the one digest.
        stride.advanceClocks("P2D");
        stride.advanceClocks("PT12H");
        Thread.sleep(Duration.ofSeconds(20).toMillis());
        assertThat(stride.inbox().messagesTo(email).stream().filter(m -> m.subject().startsWith(DIGEST))).hasSize(1);
        assertThat(weekly(email)).as("the second roadmap's week went in the digest, not again on its own").isEmpty();

        // The second roadmap's mark-done link (its section comes last) works from the digest as from its own email.
        java.util.regex.Matcher markDone = MARK_DONE.matcher(body);
        String milestone = null;
        String link = null;
        while (markDone.find()) {
            milestone = markDone.group(1);
            link = markDone.group(2);
        }
        assertThat(link).as("a mark-done link in:\n%s", body).isNotNull();
        browser.open(link);
        assertThat(browser.h1()).contains(milestone);
        browser.press(By.tagName("button"));
        browser.awaitText(By.tagName("main"), "Marked done");
        browser.screenshot("d01-marked-done-from-digest");

        // Separate emails, chosen on the home page: the next week brings one email per roadmap.
        browser.open(stride.roadmapUrl("/sign-in"));
        browser.type("email", email);
        browser.press(By.xpath("//form[@action='/sign-in']//button"));
        browser.open(find(HOME_LINK, text(stride.awaitMail(email, "Your Stride links"))).group(1));
        browser.awaitHeading("your roadmaps");
        browser.press(By.xpath("//input[@name='emails' and @value='separate']"));
        browser.press(By.xpath("//form[contains(@action, '/profile')]//button"));
        browser.awaitHeading("your roadmaps");
        browser.screenshot("d02-separate-emails");
        List<StoredMail> separate = advanceUntilWeekly(email, 2);
        assertThat(separate).as("one weekly email per roadmap").hasSize(2);
        assertThat(text(separate.get(0)) + text(separate.get(1))).contains("AI/ML engineer in 12 months").contains("Career in ML, seven steps");
        assertThat(stride.inbox().messagesTo(email).stream().filter(m -> m.subject().startsWith(DIGEST))).hasSize(1);
    }

    private static List<StoredMail> weekly(String email) throws Exception {
        return stride.inbox().messagesTo(email).stream().filter(m -> m.subject().startsWith("Week ")).toList();
    }

    private static void confirm(Browsing browser, StoredMail mail) throws Exception {
        browser.open(find(BrowserJourneyIT.CONFIRM_LINK, text(mail)).group(1));
        browser.press(By.tagName("button"));
        browser.awaitHeading("Subscription confirmed");
    }

    /** Moves the reminder's clock a day at a time until {@code count} emails whose subject starts so arrived; the last. */
    private static StoredMail advanceUntil(String email, String subject, int count) throws Exception {
        for (int days = 0; days < 9; days++) {
            stride.advanceClocks("P1D");
            long deadline = System.nanoTime() + Duration.ofSeconds(8).toNanos();
            while (System.nanoTime() < deadline) {
                List<StoredMail> mails = stride.inbox().messagesTo(email).stream().filter(m -> m.subject().startsWith(subject)).toList();
                if (mails.size() >= count) {
                    return mails.get(mails.size() - 1);
                }
                Thread.sleep(500);
            }
        }
        throw new AssertionError("no email number " + count + " '" + subject + "' to " + email + " after nine days of the reminder's clock");
    }

    private static List<StoredMail> advanceUntilWeekly(String email, int count) throws Exception {
        advanceUntil(email, "Week ", count);
        return weekly(email);
    }

    /** Subscribes through the API from today in Berlin: one hour on {@code studyDay} at {@code studyTime} and one on Saturday. */
    private static void subscribe(String email, String roadmap, String nudgeDay, String nudgeTime, String studyDay, String studyTime) throws Exception {
        String json = """
                {"email": "%s", "name": "Ada", "locale": "en", "roadmapId": "%s", "startDate": "%s",
                 "plan": {"timeZone": "Europe/Berlin",
                          "slots": [{"day": "%s", "start": "%s", "minutes": 60}, {"day": "SATURDAY", "start": "%s", "minutes": 60}],
                          "nudge": {"day": "%s", "time": "%s"}}}""".formatted(email, roadmap, stride.demoToday(ZoneId.of("Europe/Berlin")), studyDay, studyTime,
                FIRST.equals(roadmap) ? "09:00" : "11:00", nudgeDay, nudgeTime);
        HttpResponse<String> response = HttpClient.newHttpClient().send(HttpRequest.newBuilder(URI.create(stride.roadmapUrl("/api/subscriptions")))
                .header("Content-Type", "application/json").POST(HttpRequest.BodyPublishers.ofString(json)).build(), HttpResponse.BodyHandlers.ofString());
        assertThat(response.statusCode()).as(response.body()).isEqualTo(202);
    }
}
