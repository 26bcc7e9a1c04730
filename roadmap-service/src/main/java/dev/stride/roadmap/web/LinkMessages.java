package dev.stride.roadmap.web;

import io.quarkus.qute.i18n.Message;
import io.quarkus.qute.i18n.MessageBundle;

/**
 * The words of the pages behind the emails' links (confirm, actions, unsubscribe, "this wasn't me", erase) as
 * {@code {link:name}}, in English; German in {@code messages/link_de.properties}.
 */
@MessageBundle("link")
public interface LinkMessages {

    @Message("Confirm your subscription")
    String confirmTitle();

    @Message("{#if name}Hi {name}, please{#else}Please{/if} confirm that you want weekly study nudges for")
    String confirmQuestion(String name);

    @Message("Yes, send me my weekly plan")
    String confirmButton();

    @Message("If you did not ask for this, ignore the email: nothing is sent without your confirmation.")
    String confirmIgnore();

    @Message("Your plan")
    String actionTitle();

    /** What an action link will do, asked before the button; {@code subject}: the milestone's title, the skipped week or the snooze days. */
    @Message("{#switch purpose}{#case 'MARK_DONE'}Mark “{subject}” as done?{#case 'SKIP_WEEK'}{#if subject}Skip the week of {subject}? "
            + "Nothing will be planned that week.{#else}Skip this week? Nothing will be planned until next week.{/if}{#case 'SNOOZE'}Snooze for {subject} days?{#case 'PAUSE'}Pause your plan? No sessions and no nudges until "
            + "you resume.{#case 'REPLAN'}Re-plan from today? What you have done so far becomes your plan's starting point, so you are "
            + "on track again, and your finish date follows from here.{#else}Resume your plan?{/switch}")
    String actionQuestion(String purpose, Object subject);

    @Message("{#switch purpose}{#case 'MARK_DONE'}Mark as done{#case 'SKIP_WEEK'}Skip the week{#case 'SNOOZE'}Snooze"
            + "{#case 'PAUSE'}Pause{#case 'REPLAN'}Re-plan from today{#else}Resume{/switch}")
    String actionButton(String purpose);

    /** The heading of a page that says what happened. */
    @Message("{#switch outcome}{#case 'CONFIRMED'}Subscription confirmed{#case 'ALREADY_DONE'}Already done{#case 'UNSUBSCRIBED'}Unsubscribed"
            + "{#case 'NOT_ME'}We will not email you again{#case 'STOPPED_ALL'}All Stride email stopped{#case 'ADDRESS_CHANGED'}Address changed"
            + "{#else}Done{/switch}")
    String doneTitle(String outcome);

    /** What happened, in a sentence; {@code subject}: the roadmap's title, the day a paused learner is erased, the snooze days, the roadmap's URL, the roadmaps stopped or the new address. */
    @Message("{#switch outcome}"
            + "{#case 'CONFIRMED'}A welcome email with your first week of {subject} is on its way; after it, a short email each week on your "
            + "chosen day. Every email has a link to manage your plan."
            + "{#case 'MARK_DONE'}Marked done. Your next nudge moves on to what comes next."
            + "{#case 'SKIP_WEEK'}{#if subject}The week of {subject} is skipped. Nothing is planned that week.{#else}This week is skipped. "
            + "See you next week.{/if}"
            + "{#case 'SNOOZE'}Snoozed for {subject} days."
            + "{#case 'PAUSE'}Paused. Resume whenever you are ready.{#if subject} We do not keep paused plans forever: if you have not "
            + "resumed by {subject}, we delete your plans and everything we hold about you (your address, your progress) on that day.{/if}"
            + "{#case 'RESUME'}Resumed. Your plan picks up from today."
            + "{#case 'REPLAN'}Re-planned from today. You are on track; your finish date follows from what is left."
            + "{#case 'ALREADY_DONE'}This link was used already, so nothing changed. Each snooze link works once; the next email brings a new one."
            + "{#case 'UNSUBSCRIBED'}You will get one short goodbye email and nothing after it. Changed your mind? Subscribe again at {subject}"
            + "{#case 'NOT_ME'}Sorry for the trouble. Any subscriptions to this address have ended, Stride will send nothing more to it "
            + "(not even a goodbye), and no one can subscribe it again."
            + "{#case 'STOPPED_ALL'}{#if subject}Unsubscribed from {subject}. At most one short goodbye email follows, and nothing after it."
            + "{#else}Nothing was running any more, so nothing changed. Stride sends you no nudges.{/if}"
            + "{#case 'ADDRESS_CHANGED'}From now on Stride emails {subject}."
            + "{#else}{outcome}{/switch}")
    String doneMessage(String outcome, Object subject);

    @Message("Manage your plan")
    String managePlan();

    @Message("Error {status}. The newest email from Stride always has working links.")
    String problemHint(int status);

    /**
     * An error page's heading. English pages show the problem's own title (the API's words); other languages word it
     * by the problem's {@code kind} (the last part of its type: {@code expired-link}, {@code not-found}, ...), with
     * {@code status} for kinds they have no words for, and the English title as the last resort.
     */
    @Message("{title}")
    String problemTitle(String kind, int status, String title);

    /** An error page's sentence, as {@link #problemTitle}: the problem's own detail in English; {@code fields}: the fields of bad input. */
    @Message("{detail}")
    String problemDetail(String kind, int status, String detail, String fields);

    @Message("Unsubscribe")
    String unsubscribeTitle();

    @Message("Unsubscribe from {title}?")
    String unsubscribeQuestion(String title);

    @Message("You will get one short goodbye email and no nudges after it.")
    String unsubscribeWhat();

    @Message("Unsubscribe")
    String unsubscribeButton();

    @Message("This wasn't me")
    String notMeTitle();

    @Message("Never email this address again?")
    String notMeQuestion();

    @Message("Someone asked Stride to send study emails to this address. If that was not you, press the button: every subscription to "
            + "it ends, Stride will send nothing more to it, of any kind (not even a goodbye), and will not accept it for any roadmap.")
    String notMeWhat();

    @Message("This wasn't me — never email me again")
    String notMeButton();

    @Message("If it was you after all, close this page and use the other link in the email.")
    String notMeOtherLink();

    @Message("Erase your data")
    String eraseTitle();

    @Message("Erase everything Stride holds about you?")
    String eraseQuestion();

    @Message("Your name, your email address, your {count} subscription(s), their plans and progress are deleted, here and in the "
            + "services that send your nudges and emails. No email follows, and every link in earlier emails stops working. "
            + "This cannot be undone.")
    String eraseWhat(int count);

    @Message("Erase my data")
    String eraseButton();

    @Message("Keep my data and go back")
    String eraseKeep();

    @Message("Your data was erased")
    String erasedTitle();

    @Message("Your learner record and {count} subscription(s) are gone. The services that send nudges and emails erase theirs within moments.")
    String erasedWhat(int count);

    /** The "email me my links" form on an expired link's page: a lost link is never a dead end. */
    @Message("Email me my links")
    String signInHeading();

    @Message("Type the address Stride emails you at: we send a link to a page with all your roadmaps, each with a working link.")
    String signInHelp();

    @Message("Email")
    String emailLabel();
}
