package dev.stride.roadmap.web;

import io.quarkus.qute.i18n.Message;
import io.quarkus.qute.i18n.MessageBundle;

import java.math.BigDecimal;

/**
 * The words of the layout and the public pages (catalog, roadmap and subscribe form, "check your email"), in English;
 * German in {@code messages/msg_de.properties} (keys are the method names). Templates use {@code {msg:name(...)}}.
 * The learner's pages have their own bundles: {@link ManageMessages} ({@code manage:}) and {@link LinkMessages}
 * ({@code link:}). How a page picks its language: {@link PageLanguages}.
 */
@MessageBundle
public interface PageMessages {

    /** The page's language for {@code <html lang>}: each bundle names its own. */
    @Message("en")
    String lang();

    /** java.time patterns of the pages' dates ({@link PageDates}). */
    @Message("EEE d MMM")
    String patternShortDay();

    @Message("EEEE d MMMM uuuu")
    String patternLongDate();

    @Message("Week {number} · from {start}")
    String weekLabel(int number, String start);

    @Message("not within the next years at this pace: add study time")
    String finishBeyond();

    @Message("Skip to content")
    String skipToContent();

    @Message("weekly study nudges")
    String tagline();

    @Message("Language")
    String languageSwitch();

    @Message("{#switch day}{#case 'MONDAY'}Monday{#case 'TUESDAY'}Tuesday{#case 'WEDNESDAY'}Wednesday{#case 'THURSDAY'}Thursday"
            + "{#case 'FRIDAY'}Friday{#case 'SATURDAY'}Saturday{#case 'SUNDAY'}Sunday{#else}{day}{/switch}")
    String day(String day);

    // The catalog.

    @Message("Study roadmaps")
    String catalogTitle();

    @Message("Pick a roadmap, tell Stride when you can study, and get one email a week with exactly what to work on in which session, "
            + "how far along you are and when you will finish at your pace.")
    String catalogIntro();

    @Message("Phases")
    String phases();

    @Message("months {from}–{to}")
    String months(int from, int to);

    @Message("See the plan and subscribe")
    String seePlan();

    @Message(" to {title}")
    String seePlanHidden(String title);

    // A roadmap's page.

    @Message("All roadmaps")
    String allRoadmaps();

    @Message("{milestones} milestones · {hours} hours · suggested {min}–{max} h a week · about {months} months")
    String roadmapFacts(int milestones, BigDecimal hours, int min, int max, int months);

    @Message("retired: it takes no new learners")
    String retired();

    @Message("Draft — not published. Learners cannot see or subscribe to this version yet.")
    String draftBanner();

    @Message("Subscribe to weekly nudges")
    String subscribeLink();

    @Message("See every milestone")
    String everyMilestone();

    @Message("Subscribe")
    String subscribe();

    @Message("One email a week, on the day you choose, with that week's sessions. Nothing is sent until you confirm from the email "
            + "we send you. Every email can pause or stop it.")
    String subscribeIntro();

    @Message("Please check these fields:")
    String checkFields();

    /** A field's name in the error summary ({@code SubscribeForm.SummaryLine}). */
    @Message("{#switch label}{#case 'email'}Email{#case 'name'}Name{#case 'locale'}Language{#case 'startDate'}Start date"
            + "{#case 'timeZone'}Time zone{#case 'slots'}Study slots{#case 'nudge'}Weekly email{#case 'slot'}Study slot {slot}"
            + "{#case 'knownPhases'}I already know{#else}{label}{/switch}")
    String fieldLabel(String label, int slot);

    @Message("Email")
    String email();

    @Message("Name")
    String name();

    @Message("Email language")
    String emailLanguage();

    @Message("Start date")
    String startDate();

    @Message("(empty: today)")
    String startDateHint();

    @Message("Preview my first weeks")
    String previewButton();

    @Message("Your first weeks")
    String previewHeading();

    @Message("Press “Preview my first weeks” to see your sessions and when you would finish.")
    String previewHint();

    /** Around the finish date, which the page shows in bold: the words before it and after it. */
    @Message("At {minutes} minutes a week you would finish on")
    String previewFinishBefore(int minutes);

    @Message(".")
    String previewFinishAfter();

    @Message("No sessions this week.")
    String noSessions();

    @Message("The plan, phase by phase")
    String planHeading();

    @Message("{hours} h, {#switch kind}{#case 'learn'}learn{#case 'practice'}practice{#case 'project'}project{#case 'career'}career"
            + "{#else}{kind}{/switch}")
    String milestoneFacts(BigDecimal hours, String kind);

    @Message("Done when:")
    String doneWhen();

    // The study-plan fields (subscribe form and the manage page).

    @Message("When you can study")
    String whenYouStudy();

    @Message("Time zone")
    String timeZone();

    @Message("Each study slot is a day, a start time and a length in minutes (15 to 480). Leave a row's time and length empty to drop it.")
    String slotsHelp();

    @Message("Slot {number}: day")
    String slotDay(int number);

    @Message("Remove slot {number}")
    String removeSlot(int number);

    @Message("Add a study slot")
    String addSlot();

    @Message("{minutes} min")
    String minutesShort(int minutes);

    @Message("The preview needs a complete plan:")
    String previewNeedsPlan();

    @Message("starts at")
    String startsAt();

    @Message("minutes")
    String minutes();

    @Message("Slot {number}:")
    String slotError(int number);

    /** The field of a study slot an error is about, before the error ({@code tags/planFields.html}). */
    @Message("{#switch part}{#case 'day'}day{#case 'start'}start{#case 'minutes'}minutes{#else}{part}{/switch}")
    String slotPart(String part);

    @Message("Weekly email on")
    String weeklyEmailOn();

    @Message("Weekly email time")
    String weeklyEmailTime();

    // "Check your email".

    @Message("Check your email")
    String checkEmail();

    /** Around the roadmap's title, which the page shows in bold. */
    @Message("If this address can receive our emails, a message about")
    String checkEmailBefore();

    @Message("is on its way. Open it and press the button inside: nothing else is sent until you do.")
    String checkEmailAfter();

    @Message("A confirmation link works for {hours} hours. No email after a few minutes? Look in your spam folder. One email per address "
            + "per hour at most: asking again sooner sends nothing new, and never makes a second subscription.")
    String checkEmailHint(long hours);

    // The preview's pace advice (CatalogPages/previewBody.html and subscribe.js) and the "finish by" date mode.

    @Message("Finish by")
    String finishBy();

    @Message("(optional: the preview tells you the hours a week it takes)")
    String finishByHint();

    /** A weekly study time: {@code PageDurations} splits the minutes. */
    @Message("{hours} h{#if minutes} {minutes} min{/if}")
    String duration(int hours, int minutes);

    /** Around the suggested time, then the projected finish date. */
    @Message("Your plan holds {minutes} minutes a week, far below the")
    String farBelowBefore(int minutes);

    @Message("a week this roadmap suggests, so it would take you until")
    String farBelowUntil();

    @Message(". Add study time, or tell us when you want to finish (\"Finish by\") and the preview shows the hours a week it takes.")
    String farBelowAfter();

    /** Around the target date, then the time it takes. */
    @Message("To finish by")
    String targetBefore();

    @Message("you need about")
    String targetNeed();

    @Message("a week")
    String aWeek();

    @Message(", for example {sessions} sessions of 90 minutes.")
    String targetExample(int sessions);

    @Message("That is more than the 40 hours a week a plan may hold: choose a later date.")
    String targetUnreachable();

    // The learner's choices (tags/choiceFields.html), on the subscribe form and the manage page.

    @Message("Your choices")
    String choicesLegend();

    @Message("Optional milestones count only when you add them; of each “choose one of” group, the one you pick replaces the others. "
            + "Your weekly emails and your finish date follow what you choose, and you can change it later.")
    String choicesHint();

    @Message("Choose one of ({phase})")
    String choiceGroup(String phase);

    @Message("None of these")
    String choiceNone();
}
