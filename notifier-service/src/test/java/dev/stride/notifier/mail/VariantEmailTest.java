package dev.stride.notifier.mail;

import dev.stride.contracts.event.EmailKind;
import dev.stride.contracts.event.NudgeDue;
import dev.stride.contracts.event.StrideEvents;
import dev.stride.contracts.learning.NudgeVariant;
import dev.stride.infra.testing.StrideInfraResource;
import dev.stride.notifier.TestEvents;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.common.TestResourceScope;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.vertx.ext.mail.MailMessage;
import jakarta.inject.Inject;
import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Every content strategy's lead, in English and German, as the composed email shows it (text part first in the body, the
 * HTML too), its subject, and the footer line saying which lead and why; the default for a missing variant, an unknown id
 * or missing data; a digest with each part's lead.
 */
@QuarkusTest
@WithTestResource(value = StrideInfraResource.class, scope = TestResourceScope.GLOBAL)
class VariantEmailTest {

    private static final String CHOSEN = "chosen by Stride's learning from what helped learners progress.";
    private static final String CHOSEN_DE = "ausgewählt von Strides Lernverfahren danach, was Lernenden beim Vorankommen geholfen hat.";

    @Inject
    EmailComposer composer;

    @Test
    void nextStepLeadsWithTheNextMilestone() {
        MailMessage en = compose(variant(english(), "next-step"));
        assertLead(en, "Your next step: Python functions and file I/O, 3 h this week. The sessions below say when.");
        assertThat(en.getSubject()).isEqualTo("Week 3: Python functions and file I/O");
        assertThat(en.getText()).contains("This week's email leads with your next step, " + CHOSEN);

        MailMessage de = compose(variant(german(), "next-step"));
        assertLead(de, "Dein nächster Schritt: Python functions and file I/O, 3 Std. diese Woche. Die Lerneinheiten unten sagen, wann.");
        assertThat(de.getText()).contains("Die E-Mail dieser Woche beginnt mit deinem nächsten Schritt, " + CHOSEN_DE);
    }

    @Test
    void progressStreakLeadsWithProgressAndStreak() {
        MailMessage en = compose(variant(english(), "progress-streak"));
        assertLead(en, "3 weeks in a row! You have finished 7 of 34 milestones (21 %). Keep the streak going this week.");
        assertThat(en.getSubject()).isEqualTo("Week 3: 3 weeks in a row, next Python functions and file I/O");
        assertThat(en.getText()).contains("This week's email leads with your progress and streak, " + CHOSEN);

        MailMessage de = compose(variant(german(), "progress-streak"));
        assertLead(de, "3 Wochen in Folge! Du hast 7 von 34 Meilensteinen abgeschlossen (21 %). Halte die Serie diese Woche am Laufen.");
        assertThat(de.getSubject()).isEqualTo("Woche 3: 3 Wochen in Folge, als Nächstes Python functions and file I/O");
        assertThat(de.getText()).contains("Die E-Mail dieser Woche beginnt mit deinem Fortschritt und deiner Serie, " + CHOSEN_DE);
    }

    @Test
    void finishDateLeadsWithTheDateAndWhatThisWeekDoesToIt() {
        MailMessage en = compose(variant(english(), "finish-date"));
        assertLead(en, "At your pace you finish “AI/ML engineer in 12 months” on February 14, 2028.");
        assertThat(en.getText()).contains("This week's 3 h 30 min of study keep that date; each session you skip moves it later.");
        assertThat(en.getSubject()).isEqualTo("Week 3: on course to finish on February 14, 2028");
        assertThat(en.getText()).contains("This week's email leads with your finish date, " + CHOSEN);

        MailMessage de = compose(variant(german(), "finish-date"));
        assertLead(de, "In deinem Tempo schließt du „AI/ML engineer in 12 months“ am 14. Februar 2028 ab.");
        assertThat(de.getText()).contains("Die 3 Std. 30 Min. Lernzeit dieser Woche halten dieses Datum");
        assertThat(de.getSubject()).isEqualTo("Woche 3: auf Kurs zum Abschluss am 14. Februar 2028");
    }

    @Test
    void catchUpProposesOneFocusASmallerTargetAndTheReplanLink() {
        MailMessage en = compose(variant(english(), "catch-up"));
        assertLead(en, "A lighter week to catch up: one thing only, Python functions and file I/O, for about 1 h 45 min.");
        assertThat(en.getText()).contains("That is less than the 3 h 30 min you planned, and enough to get going again.",
                "Have your weeks changed? Fit the plan to them: https://stride.example/actions/replan");
        assertThat(en.getSubject()).isEqualTo("Week 3: a lighter week to catch up");
        assertThat(en.getText()).contains("This week's email leads with a lighter catch-up week, " + CHOSEN);
        assertThat(occurrences(en.getText(), "https://stride.example/actions/replan")).as("the lead has the re-plan link; the progress part leaves it out").isEqualTo(1);
        assertThat(occurrences(en.getHtml(), "href=\"https://stride.example/actions/replan")).isEqualTo(1);
        assertThat(occurrences(compose(variant(english(), "next-step")).getText(), "https://stride.example/actions/replan"))
                .as("behind, without the catch-up lead: the progress part invites to re-plan").isEqualTo(1);

        MailMessage de = compose(variant(german(), "catch-up"));
        assertLead(de, "Eine leichtere Woche zum Aufholen: nur eine Sache, Python functions and file I/O, etwa 1 Std. 45 Min. lang.");
        assertThat(de.getSubject()).isEqualTo("Woche 3: eine leichtere Woche zum Aufholen");
    }

    @Test
    void projectRecipeLeadsWithTheStepsAsAChecklist() {
        MailMessage en = compose(variant(english(), "project-recipe"));
        assertLead(en, "This week's project: Python functions and file I/O. Tick off the steps one by one:\n"
                + "[ ] Load the CSV file with the csv module\n[ ] Summarise each column in a function");
        assertThat(en.getHtml()).contains("&#9744; Load the CSV file with the csv module");
        assertThat(en.getSubject()).isEqualTo("Week 3: your checklist for Python functions and file I/O");

        MailMessage de = compose(variant(german(), "project-recipe"));
        assertLead(de, "Dein Projekt diese Woche: Python functions and file I/O. Hake die Schritte nacheinander ab:");
        assertThat(de.getText()).contains("Die E-Mail dieser Woche beginnt mit der Checkliste deines Projekts, " + CHOSEN_DE);
    }

    @Test
    void noVariantAnUnknownIdAndMissingDataRenderTheDefault() {
        String nextStep = "Your next step: Python functions and file I/O, 3 h this week.";
        MailMessage none = compose(english());
        assertLead(none, nextStep);
        assertThat(none.getText()).contains("This week's email leads with your next step: Stride's standard email.");

        MailMessage unknown = compose(variant(english(), "shouting-in-capitals"));
        assertLead(unknown, nextStep);
        assertThat(unknown.getSubject()).isEqualTo("Week 3: Python functions and file I/O");

        NudgeDue noFinish = english();
        noFinish = new NudgeDue(noFinish.nudgeId(), noFinish.subscriptionId(), noFinish.kind(), noFinish.learner(), noFinish.zone(),
                noFinish.roadmapId(), noFinish.roadmapTitle(), noFinish.weekNumber(), noFinish.weekStart(), noFinish.weekEnd(), noFinish.dueAt(),
                noFinish.sessions(), noFinish.focus(), noFinish.progress(), noFinish.aheadMinutes(), null, noFinish.streakWeeks(),
                noFinish.cadence(), noFinish.links(), null, null);
        MailMessage fallback = compose(variant(noFinish, "finish-date"));
        assertLead(fallback, nextStep);
        assertThat(fallback.getText()).doesNotContain("finish “").contains("This week's email leads with your next step: Stride's standard email.");
    }

    @Test
    void theHoldoutAndAnOptOutSayWhyTheyGetTheDefault() {
        NudgeDue holdout = english().withVariant(new NudgeDue.Variant("next-step", NudgeVariant.Reason.HOLDOUT.name(), true));
        assertThat(compose(holdout).getText()).contains("This week's email leads with your next step: Stride's standard email, which a small "
                + "random group always gets so that Stride can measure honestly whether its learning helps.");
        NudgeDue optedOut = german().withVariant(new NudgeDue.Variant("next-step", NudgeVariant.Reason.OPTED_OUT.name(), false));
        assertThat(compose(optedOut).getText()).contains("Strides Standard-E-Mail, weil du das Messen auf deiner Verwaltungsseite ausgeschaltet hast.");
    }

    @Test
    void aDigestShowsEachPartWithItsOwnLead() {
        String address = TestEvents.uniqueEmail("variant-digest");
        NudgeDue streak = NudgeLeadsTest.chosen(TestEvents.nudge(address).build(), "progress-streak");
        NudgeDue recipe = NudgeLeadsTest.chosen(TestEvents.nudge(address).withFocusTitle("Git and the command line").build(), "project-recipe");
        String payload = DigestPayload.of(List.of(payload(streak), payload(recipe)));
        MailMessage digest = QuarkusTransaction.requiringNew().call(() -> composer.compose(UUID.randomUUID(), EmailKind.NUDGE, address, payload).mail());
        String text = digest.getText();
        int first = text.indexOf("3 weeks in a row! You have finished 7 of 34 milestones");
        int second = text.indexOf("This week's project: Git and the command line. Tick off the steps one by one:");
        assertThat(first).isPositive();
        assertThat(second).isGreaterThan(first);
        assertThat(text).contains("This week's email leads with your progress and streak, " + CHOSEN,
                "This week's email leads with your project's checklist, " + CHOSEN);
    }

    /** The lead comes right after the intro: before the week's sessions, in both parts. */
    private static void assertLead(MailMessage mail, String lead) {
        String text = mail.getText();
        assertThat(text).contains(lead);
        String sessions = text.contains("This week's sessions") ? "This week's sessions" : "Deine Lerneinheiten diese Woche";
        assertThat(text.indexOf(lead)).as("lead before the sessions").isLessThan(text.indexOf(sessions));
        assertThat(mail.getHtml()).contains(lead.lines().findFirst().orElseThrow().replace("'", "&#39;"));
    }

    private MailMessage compose(NudgeDue nudge) {
        return QuarkusTransaction.requiringNew().call(() -> composer.compose(nudge.nudgeId(), EmailKind.NUDGE, nudge.learner().email(),
                payload(nudge)).mail());
    }

    private static String payload(NudgeDue nudge) {
        return new String(StrideEvents.CODEC.encode(TestEvents.envelope(nudge.subscriptionId(), nudge)), StandardCharsets.UTF_8);
    }

    private static NudgeDue variant(NudgeDue nudge, String id) {
        return NudgeLeadsTest.chosen(nudge, id);
    }

    private static NudgeDue english() {
        return TestEvents.nudge(TestEvents.uniqueEmail("variant")).build();
    }

    private static NudgeDue german() {
        return TestEvents.nudge(TestEvents.uniqueEmail("variante")).withLocale("de", "Europe/Berlin").build();
    }

    private static int occurrences(String text, String part) {
        return text.split(java.util.regex.Pattern.quote(part), -1).length - 1;
    }
}
