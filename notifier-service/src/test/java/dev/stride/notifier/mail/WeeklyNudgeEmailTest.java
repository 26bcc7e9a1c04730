package dev.stride.notifier.mail;

import dev.stride.contracts.Topics;
import dev.stride.contracts.calendar.StudyCalendar;
import dev.stride.contracts.event.Delivered;
import dev.stride.contracts.event.EmailKind;
import dev.stride.contracts.event.EventEnvelope;
import dev.stride.contracts.event.NudgeDue;
import dev.stride.contracts.event.StrideEvents;
import dev.stride.infra.testing.KafkaTestConsumer;
import dev.stride.infra.testing.StrideInfraResource;
import dev.stride.notifier.ReceivedEmail;
import dev.stride.notifier.TestEvents;
import io.quarkus.test.common.TestResourceScope;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import net.fortuna.ical4j.data.CalendarBuilder;
import net.fortuna.ical4j.model.Calendar;
import net.fortuna.ical4j.model.Component;
import net.fortuna.ical4j.model.Parameter;
import net.fortuna.ical4j.model.Property;
import net.fortuna.ical4j.model.component.VAlarm;
import net.fortuna.ical4j.model.component.VEvent;
import net.fortuna.ical4j.model.component.VTimeZone;
import org.junit.jupiter.api.Test;

import java.io.ByteArrayInputStream;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/** A NudgeDue on the real broker becomes one email in the real SMTP server, read back and parsed as a mail client would. */
@QuarkusTest
@WithTestResource(value = StrideInfraResource.class, scope = TestResourceScope.GLOBAL)
class WeeklyNudgeEmailTest {

    @Test
    void aNudgeBecomesOneEmailWithBothPartsHeadersAndTheWeeksCalendar() throws Exception {
        TestEvents.Nudge nudge = TestEvents.nudge(TestEvents.uniqueEmail("weekly"));
        try (KafkaTestConsumer deliveries = new KafkaTestConsumer(Topics.DELIVERY_EVENTS, StrideEvents.CODEC)) {
            EventEnvelope<NudgeDue> published = nudge.envelope();
            TestEvents.publishNudge(published);

            List<ReceivedEmail> received = ReceivedEmail.awaitMessagesTo(nudge.email(), 1);
            assertThat(received).hasSize(1);
            ReceivedEmail email = received.get(0);

            assertThat(email.subject()).isEqualTo("Week 3: Python functions and file I/O");
            assertThat(email.stored().envelopeTo()).containsExactly(nudge.email());
            assertThat(email.header("From")).contains("nudges@stride.localhost");
            assertThat(email.header("Reply-To")).contains("hello@stride.localhost");
            assertThat(email.header("Message-ID")).isEqualTo("<" + nudge.nudgeId() + "@stride.dev>");
            assertThat(email.header("List-Unsubscribe")).isEqualTo("<https://stride.example/unsubscribe/" + nudge.subscriptionId() + ">");
            assertThat(email.header("List-Unsubscribe-Post")).isEqualTo("List-Unsubscribe=One-Click");
            assertThat(email.alternativeOrder()).as("text part first").containsExactly("text/plain", "text/html");
            assertThat(email.headerNames()).as("no Cc or Bcc without recipients").noneMatch(name -> name.equalsIgnoreCase("Cc") || name.equalsIgnoreCase("Bcc"));
            assertThat(email.headerNames()).allSatisfy(name -> assertThat(email.header(name)).as("value of header %s", name).isNotBlank());
            assertThat(email.html()).contains("<html lang=\"en\">");

            assertThat(email.text()).contains(
                    "Hi Ada,",
                    "Here is your plan for week 3 of “AI/ML engineer in 12 months” (Monday, March 8 to Sunday, March 14).",
                    "* Tuesday, March 9, 6:00 PM (1 h 30 min)",
                    "    - 1 h Python functions and file I/O",
                    "    - 30 min Git and the command line",
                    "* Saturday, March 13, 9:30 AM (2 h)",
                    "Done when: A script reads a CSV file and prints a summary per column",
                    "The Python tutorial: defining functions: https://docs.python.org/3/tutorial/controlflow.html#defining-functions",
                    "  - " + TestEvents.BOOK, "  Steps", "  1. " + TestEvents.STEPS.get(0), "  2. " + TestEvents.STEPS.get(1),
                    "Mark “Python functions and file I/O” done: https://stride.example/actions/done-python-functions",
                    "[####................] 7 of 34 milestones done (21%)",
                    "52.5 of 260 hours studied",
                    "You are 1 h 30 min behind plan.",
                    "Fell behind? Re-plan from today: what you have done becomes your starting point",
                    "Re-plan from today: https://stride.example/actions/replan",
                    "At this pace you finish on February 14, 2028.",
                    "3-week streak",
                    "Skip week 3: https://stride.example/actions/skip",
                    "Snooze 3 days: https://stride.example/actions/snooze",
                    "Pause: https://stride.example/actions/pause",
                    "Manage your plan: https://stride.example/manage/" + nudge.subscriptionId(),
                    "Unsubscribe: https://stride.example/unsubscribe/" + nudge.subscriptionId(),
                    "You receive this email because " + nudge.email() + " follows the roadmap “AI/ML engineer in 12 months” on Stride.");
            assertThat(email.text()).doesNotContain("every other week", TestEvents.BOOK + ":");

            assertThat(email.html()).contains(
                    "Hi Ada,",
                    "Tuesday, March 9, 6:00 PM (1 h 30 min)",
                    "1 h Python functions and file I/O",
                    "Saturday, March 13, 9:30 AM (2 h)",
                    "Done when: A script reads a CSV file and prints a summary per column",
                    "href=\"https://stride.example/actions/done-python-functions\"",
                    "href=\"https://docs.python.org/3/tutorial/controlflow.html#defining-functions\"",
                    "<div style=\"font-size:14px;\">" + TestEvents.BOOK + "</div>",
                    ">Steps<", "<li>" + TestEvents.STEPS.get(0) + "</li>", "<li>" + TestEvents.STEPS.get(1) + "</li>",
                    "width=\"21%\"",
                    "7 of 34 milestones done (21%)",
                    "52.5 of 260 hours studied",
                    "You are 1 h 30 min behind plan.",
                    "At this pace you finish on February 14, 2028.",
                    ">Skip week 3<", ">Snooze 3 days<", ">Pause<", ">Manage your plan<",
                    "href=\"https://stride.example/actions/replan\"",
                    "href=\"https://stride.example/unsubscribe/" + nudge.subscriptionId() + "\"",
                    "role=\"presentation\"", "style=\"");

            ReceivedEmail.Attachment ics = email.attachment("week.ics");
            assertThat(ics.contentType()).startsWith("text/calendar").containsIgnoringCase("method=PUBLISH");
            Calendar calendar = new CalendarBuilder().build(new ByteArrayInputStream(ics.content()));
            calendar.validate();
            assertThat(calendar.getProperty(Property.METHOD).orElseThrow().getValue()).isEqualTo("PUBLISH");
            List<VTimeZone> zones = calendar.getComponents(Component.VTIMEZONE);
            assertThat(zones).extracting(zone -> zone.getProperty(Property.TZID).orElseThrow().getValue()).containsExactly("America/New_York");
            List<VEvent> events = calendar.getComponents(Component.VEVENT);
            assertThat(events).extracting(event -> event.getProperty(Property.UID).orElseThrow().getValue()).containsExactly(
                    nudge.subscriptionId() + "-20270309T1800@stride.dev",
                    nudge.subscriptionId() + "-20270313T0930@stride.dev");
            VEvent tuesday = events.get(0);
            assertThat(tuesday.getProperty(Property.DTSTART).orElseThrow().getValue()).isEqualTo("20270309T180000");
            assertThat(tuesday.getProperty(Property.DTSTART).orElseThrow().getParameter(Parameter.TZID).orElseThrow().getValue())
                    .isEqualTo("America/New_York");
            assertThat(tuesday.getProperty(Property.DURATION).orElseThrow().getValue()).isEqualTo("PT1H30M");
            assertThat(tuesday.getProperty(Property.SUMMARY).orElseThrow().getValue())
                    .isEqualTo("Study: Python functions and file I/O, Git and the command line");
            // The shared rule: the second (from 2026-01-01 UTC) at which the reminder built the nudge.
            assertThat(events).extracting(event -> event.getProperty(Property.SEQUENCE).orElseThrow().getValue())
                    .containsOnly(String.valueOf(StudyCalendar.sequenceAsOf(published.occurredAt())))
                    .doesNotContain("0");
            // An alarm on every session, as far ahead as configured (the test profile: stride.calendar.alarm-before=PT10M).
            assertThat(events).allSatisfy(event -> {
                List<VAlarm> alarms = event.getAlarms();
                assertThat(alarms).hasSize(1);
                assertThat(alarms.get(0).getProperty(Property.TRIGGER).orElseThrow().getValue()).isEqualTo("-PT10M");
                assertThat(alarms.get(0).getProperty(Property.ACTION).orElseThrow().getValue()).isEqualTo("DISPLAY");
                assertThat(alarms.get(0).getProperty(Property.DESCRIPTION).orElseThrow().getValue()).startsWith("Study: ");
            });

            List<KafkaTestConsumer.Received> outcome = deliveries.await(KafkaTestConsumer.key(nudge.subscriptionId().toString()), 1, Duration.ofSeconds(30));
            assertThat(outcome).extracting(KafkaTestConsumer.Received::type).containsExactly("Delivered");
            Delivered delivered = (Delivered) outcome.get(0).data();
            assertThat(delivered.emailId()).isEqualTo(nudge.nudgeId());
            assertThat(delivered.kind()).isEqualTo(EmailKind.NUDGE);
            assertThat(delivered.messageId()).isEqualTo("<" + nudge.nudgeId() + "@stride.dev>");
            assertThat(delivered.attempts()).isEqualTo(1);
            assertThat(outcome.get(0).headers()).containsEntry("ce_type", "dev.stride.Delivered")
                    .containsEntry("ce_source", "/stride/notifier-service")
                    .containsEntry("ce_subject", nudge.subscriptionId().toString())
                    .containsEntry("ce_id", outcome.get(0).envelope().eventId().toString());
        }
    }

    @Test
    void aGermanLearnerGetsGermanTextAndGermanDates() throws Exception {
        TestEvents.Nudge nudge = TestEvents.nudge(TestEvents.uniqueEmail("deutsch"))
                .withLocale("de", "Europe/Berlin").withFocusTitle("Dateien öffnen und Funktionen schreiben");
        TestEvents.publishNudge(nudge.envelope());

        ReceivedEmail email = ReceivedEmail.awaitMessagesTo(nudge.email(), 1).get(0);

        assertThat(email.subject()).isEqualTo("Woche 3: Dateien öffnen und Funktionen schreiben");
        assertThat(email.text()).contains(
                "Hallo Ada,",
                "hier ist dein Plan für Woche 3 von „AI/ML engineer in 12 months“ (Montag, 8. März bis Sonntag, 14. März).",
                "* Dienstag, 9. März, 18:00 Uhr (1 Std. 30 Min.)",
                "    - 1 Std. Dateien öffnen und Funktionen schreiben",
                "* Samstag, 13. März, 09:30 Uhr (2 Std.)",
                "Erledigt, wenn: A script reads a CSV file",
                "7 von 34 Meilensteinen erledigt (21 %)",
                "52,5 von 260 Stunden gelernt",
                "Du bist 1 Std. 30 Min. hinter deinem Plan.",
                "In diesem Tempo bist du am 14. Februar 2028 fertig.",
                "3 Wochen in Folge",
                "Woche 3 aussetzen: https://stride.example/actions/skip",
                "Ab heute neu planen: https://stride.example/actions/replan",
                "Abmelden: https://stride.example/unsubscribe/" + nudge.subscriptionId());
        assertThat(email.html()).contains("Dienstag, 9. März, 18:00 Uhr (1 Std. 30 Min.)", "Du bist 1 Std. 30 Min. hinter deinem Plan.",
                ">Pausieren<", ">3 Tage später erinnern<");
        assertThat(email.text()).doesNotContain("Tuesday", "PM", "Hi Ada");
        assertThat(email.html()).contains("<html lang=\"de\">");
        assertThat(email.text()).contains("  Schritte", "  1. " + TestEvents.STEPS.get(0));

        Calendar calendar = new CalendarBuilder().build(new ByteArrayInputStream(email.attachment("week.ics").content()));
        VEvent tuesday = calendar.<VEvent>getComponents(Component.VEVENT).get(0);
        assertThat(tuesday.getProperty(Property.DTSTART).orElseThrow().getParameter(Parameter.TZID).orElseThrow().getValue()).isEqualTo("Europe/Berlin");
        assertThat(tuesday.getProperty(Property.SUMMARY).orElseThrow().getValue()).startsWith("Lernen: Dateien öffnen");
    }

    @Test
    void theWelcomeIsTheFirstWeeksEmailWithAWelcomeInBothLanguages() {
        TestEvents.Nudge english = TestEvents.nudge(TestEvents.uniqueEmail("welcome")).withKind(NudgeDue.Kind.WELCOME).withAheadMinutes(0);
        TestEvents.Nudge german = TestEvents.nudge(TestEvents.uniqueEmail("willkommen")).withKind(NudgeDue.Kind.WELCOME).withAheadMinutes(0)
                .withLocale("de", "Europe/Berlin");
        TestEvents.publishNudge(english.envelope());
        TestEvents.publishNudge(german.envelope());

        ReceivedEmail welcome = ReceivedEmail.awaitMessagesTo(english.email(), 1).get(0);
        assertThat(welcome.subject()).isEqualTo("Welcome to “AI/ML engineer in 12 months”: your first week");
        assertThat(welcome.text()).contains("Hi Ada,", "welcome to “AI/ML engineer in 12 months”! Here is your first week (Monday, March 8 to Sunday, March 14)",
                "* Tuesday, March 9, 6:00 PM (1 h 30 min)").doesNotContain("Here is your plan for week");
        assertThat(welcome.html()).contains("welcome to “AI/ML engineer in 12 months”!");
        ReceivedEmail willkommen = ReceivedEmail.awaitMessagesTo(german.email(), 1).get(0);
        assertThat(willkommen.subject()).isEqualTo("Willkommen bei „AI/ML engineer in 12 months“: deine erste Woche");
        assertThat(willkommen.text()).contains("willkommen bei „AI/ML engineer in 12 months“! Hier ist deine erste Woche");
    }

    @Test
    void aLearnerOnPlanOrAheadIsOfferedNoReplan() {
        TestEvents.Nudge onPlan = TestEvents.nudge(TestEvents.uniqueEmail("on-plan")).withAheadMinutes(0);
        TestEvents.Nudge ahead = TestEvents.nudge(TestEvents.uniqueEmail("ahead")).withAheadMinutes(120);
        TestEvents.publishNudge(onPlan.envelope());
        TestEvents.publishNudge(ahead.envelope());

        ReceivedEmail onPlanEmail = ReceivedEmail.awaitMessagesTo(onPlan.email(), 1).get(0);
        ReceivedEmail aheadEmail = ReceivedEmail.awaitMessagesTo(ahead.email(), 1).get(0);
        assertThat(onPlanEmail.text()).contains("You are right on plan.").doesNotContain("Re-plan", "actions/replan");
        assertThat(aheadEmail.text()).contains("You are 2 h ahead of plan.").doesNotContain("Re-plan", "actions/replan");
        assertThat(aheadEmail.html()).doesNotContain("Re-plan", "actions/replan");
    }

    @Test
    void aFortnightlyNudgeSaysWhyAndACompletedRoadmapIsCongratulated() {
        TestEvents.Nudge idle = TestEvents.nudge(TestEvents.uniqueEmail("idle")).everyOtherWeek();
        TestEvents.Nudge done = TestEvents.nudge(TestEvents.uniqueEmail("finished")).withKind(NudgeDue.Kind.COMPLETED);
        TestEvents.publishNudge(idle.envelope());
        TestEvents.publishNudge(done.envelope());

        ReceivedEmail backOff = ReceivedEmail.awaitMessagesTo(idle.email(), 1).get(0);
        assertThat(backOff.text()).contains("We have not seen progress for 3 emails, so from now on we write every other week.");
        assertThat(backOff.html()).contains("so from now on we write every other week");

        ReceivedEmail congratulation = ReceivedEmail.awaitMessagesTo(done.email(), 1).get(0);
        assertThat(congratulation.subject()).isEqualTo("You finished “AI/ML engineer in 12 months”!");
        assertThat(congratulation.text()).contains("Congratulations, Ada!",
                "You completed all 34 milestones of “AI/ML engineer in 12 months”: 260 hours of study.",
                "34 of 34 milestones done (100%)", "This was the last weekly email for this roadmap.");
        assertThat(congratulation.html()).contains("Congratulations, Ada!");
        assertThat(congratulation.attachments()).as("no sessions to put in a calendar").isEmpty();
        assertThat(congratulation.header("List-Unsubscribe-Post")).isEqualTo("List-Unsubscribe=One-Click");
    }

    @Test
    void scriptAndLineBreaksInNamesAreEscapedInHtmlAndCannotAddHeaders() {
        String address = TestEvents.uniqueEmail("injection");
        TestEvents.Nudge nudge = TestEvents.nudge(address)
                .withName("Eve <script>alert('name')</script>\r\nBcc: victim@example.org")
                .withFocusTitle("<script>alert(1)</script>\r\nX-Injected: yes");
        TestEvents.publishNudge(nudge.envelope());

        ReceivedEmail email = ReceivedEmail.awaitMessagesTo(address, 1).get(0);

        assertThat(email.headerNames()).doesNotContain("X-Injected", "Bcc");
        assertThat(email.header("X-Injected")).isNull();
        assertThat(email.stored().envelopeTo()).containsExactly(address);
        assertThat(email.subject()).isEqualTo("Week 3: <script>alert(1)</script> X-Injected: yes");
        assertThat(email.html()).contains("&lt;script&gt;alert(1)&lt;/script&gt;", "Eve &lt;script&gt;alert(&#39;name&#39;)&lt;/script&gt;")
                .doesNotContainIgnoringCase("<script");
        assertThat(email.text()).contains("Hi Eve <script>alert('name')</script>");
        assertThat(ReceivedEmail.messagesTo("victim@example.org")).isEmpty();
    }

    @Test
    void aLaterNudgeKeepsTheUidsAndOutranksTheEarlierOneWhileAResendOfTheEarlierDoesNot() throws Exception {
        TestEvents.Nudge first = TestEvents.nudge(TestEvents.uniqueEmail("sequence"));
        EventEnvelope<NudgeDue> built = first.envelope();
        // The later nudge is built a second on, as the reminder builds next week's (or a re-planned week's) nudge later.
        await().atMost(Duration.ofSeconds(5)).until(() -> StudyCalendar.sequenceAsOf(Instant.now()) > StudyCalendar.sequenceAsOf(built.occurredAt()));
        TestEvents.Nudge changed = first.withNewNudgeId().withFocusTitle("Python functions, file I/O and exceptions");
        EventEnvelope<NudgeDue> rebuilt = changed.envelope();
        // Sent in the other order: the newer nudge's email first, then the older one's (a delivery held back by a retry).
        TestEvents.publishNudge(rebuilt);
        ReceivedEmail.awaitMessagesTo(first.email(), 1);
        TestEvents.publishNudge(built);
        List<ReceivedEmail> both = ReceivedEmail.awaitMessagesTo(first.email(), 2);

        Map<String, List<VEvent>> byMessage = both.stream().collect(Collectors.toMap(email -> email.header("Message-ID"), WeeklyNudgeEmailTest::events));
        List<VEvent> newer = byMessage.get("<" + changed.nudgeId() + "@stride.dev>");
        List<VEvent> older = byMessage.get("<" + first.nudgeId() + "@stride.dev>");
        for (List<VEvent> events : List.of(newer, older)) {
            assertThat(events).extracting(event -> event.getProperty(Property.UID).orElseThrow().getValue()).containsExactly(
                    first.subscriptionId() + "-20270309T1800@stride.dev", first.subscriptionId() + "-20270313T0930@stride.dev");
        }
        assertThat(sequences(newer)).containsOnly(StudyCalendar.sequenceAsOf(rebuilt.occurredAt()));
        assertThat(sequences(older)).as("the older content, though it arrived last, ranks lower: a calendar app keeps the newer")
                .containsOnly(StudyCalendar.sequenceAsOf(built.occurredAt()));
        assertThat(sequences(newer).get(0)).isGreaterThan(sequences(older).get(0));
        assertThat(newer.get(0).getProperty(Property.SUMMARY).orElseThrow().getValue()).contains("Python functions, file I/O and exceptions");
    }

    private static List<VEvent> events(ReceivedEmail email) {
        try {
            return new CalendarBuilder().build(new ByteArrayInputStream(email.attachment("week.ics").content())).getComponents(Component.VEVENT);
        } catch (Exception e) {
            throw new AssertionError("week.ics of " + email.header("Message-ID") + " is no calendar", e);
        }
    }

    private static List<Integer> sequences(List<VEvent> events) {
        return events.stream().map(event -> Integer.parseInt(event.getProperty(Property.SEQUENCE).orElseThrow().getValue())).toList();
    }
}
