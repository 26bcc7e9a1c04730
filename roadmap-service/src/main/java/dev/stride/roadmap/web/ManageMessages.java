package dev.stride.roadmap.web;

import io.quarkus.qute.i18n.Message;
import io.quarkus.qute.i18n.MessageBundle;

/** The words of the manage page ({@code {manage:name}}), in English; German in {@code messages/manage_de.properties}. */
@MessageBundle("manage")
public interface ManageMessages {

    @Message("Your plan: {title}")
    String pageTitle(String title);

    @Message("We have stopped emailing you")
    String stoppedTitle();

    @Message("On {since} your email provider refused delivery to {email} for good, so Stride sends no more emails "
            + "to this address: no weekly plans and no reminders, for any roadmap you follow.")
    String stoppedWhy(String since, String email);

    @Message("The mail server said:")
    String stoppedReason();

    @Message("What you can do:")
    String stoppedWhatToDo();

    /** Around the link "subscribe again". */
    @Message("Is the address wrong, or does it no longer exist? Then")
    String stoppedResubscribeBefore();

    @Message("subscribe again")
    String stoppedResubscribe();

    @Message(" with an address that works.")
    String stoppedResubscribeAfter();

    @Message("If the address is right, check that your mailbox is not full and does not block our emails, then reply to any email you "
            + "had from Stride: once your address accepts mail again, we start sending again.")
    String stoppedCheckMailbox();

    @Message("Your progress and your plan here stay as they are.")
    String stoppedKept();

    @Message("Hi {name}. {done} of {total} milestones done.")
    String hello(String name, long done, int total);

    @Message("Your plan is paused.")
    String paused();

    @Message("We do not keep paused plans forever: a plan paused for more than {days} days is deleted with your data. If you have not "
            + "resumed by {date}, we delete your plans and everything we hold about you (your address, your progress) on that day.")
    String pausedErasure(String date, long days);

    @Message("You have unsubscribed.")
    String unsubscribed();

    @Message("You have finished every milestone.")
    String finished();

    @Message("At this pace you finish on")
    String finishBefore();

    @Message(".")
    String finishAfter();

    @Message("This week")
    String thisWeek();

    @Message("Paused: no sessions until you resume.")
    String pausedNoSessions();

    @Message("No sessions planned for the rest of this week.")
    String noSessions();

    @Message("Your weekly plan")
    String weeklyPlan();

    /** Before and after the weekday of the weekly email ({@code msg:day}). */
    @Message("Time zone {zone}. Weekly email every")
    String zoneAndNudge(String zone);

    @Message("at {time}.")
    String nudgeAt(String time);

    /** After a slot's weekday ({@code msg:day}). */
    @Message("at {start}, {minutes} min")
    String slotAt(String start, int minutes);

    @Message("Calendar")
    String calendar();

    @Message("Subscribe to this address in your calendar app (Google Calendar: “From URL”; Apple Calendar: “New calendar subscription”) "
            + "to see your planned sessions update as your plan changes:")
    String calendarHelp();

    @Message("Controls")
    String controls();

    @Message("Skip this week")
    String skipWeek();

    @Message("Snooze 3 days")
    String snooze();

    @Message("Resume")
    String resume();

    @Message("Pause")
    String pause();

    @Message("Unsubscribe")
    String unsubscribe();

    @Message("Change your plan")
    String changePlan();

    @Message("Save plan")
    String savePlan();

    @Message("Progress")
    String progress();

    @Message("Milestone")
    String milestone();

    @Message("State")
    String state();

    @Message("{#switch state}{#case 'DONE'}Done{#case 'IN_PROGRESS'}In progress{#case 'SKIPPED'}Skipped{#else}To do{/switch}")
    String stateName(String state);

    @Message("State of {title}")
    String stateOf(String title);

    @Message("Your data")
    String yourData();

    @Message("Measure which emails help me")
    String measureTitle();

    @Message("Stride tries a few kinds of weekly email and learns which ones help you move forward. It looks only at what you do in "
            + "Stride in the week after an email (a milestone marked done, minutes logged, a skipped week, this page opened). "
            + "There is no tracking pixel, opening an email is not recorded, and nothing from other sites. Turned off, nothing is "
            + "recorded and your emails keep the standard content.")
    String measureExplain();

    @Message("Measuring is on.")
    String measureIsOn();

    @Message("Measuring is off.")
    String measureIsOff();

    @Message("Turn measuring off")
    String measureTurnOff();

    @Message("Turn measuring on")
    String measureTurnOn();

    @Message("Download my data (JSON)")
    String download();

    @Message("Erase my data")
    String erase();

    @Message("All your roadmaps and your profile")
    String allRoadmaps();

    @Message("New calendar link (the old one stops working)")
    String newCalendarLink();

    /** Behind the plan, with the way out: re-plan from today (a deadline reset). */
    @Message("You are {behind} behind your plan. That happens: re-plan from today and what you have done becomes your starting point, "
            + "so you are on track again and your finish date follows from here.")
    String behind(String behind);

    @Message("Re-plan from today")
    String replan();

    // Minutes logged on a milestone.

    @Message("Minutes studied on {title}")
    String minutesLabel(String title);

    @Message("{minutes} min logged")
    String minutesLogged(int minutes);

    // Weeks off (tags/weekControls.html).

    @Message("Weeks off")
    String weeksOff();

    @Message("Skipped: nothing is planned and no email comes for these weeks.")
    String weeksSkipped();

    @Message("Week of {week}")
    String weekOf(String week);

    @Message("Undo")
    String weekUndo();

    @Message("Skip the week of")
    String weekSkipLabel();

    @Message("Skip that week")
    String weekSkip();

    @Message("Away from")
    String awayFrom();

    @Message("to")
    String awayTo();

    @Message("Skip those weeks")
    String awaySkip();

    @Message("Every week your time away touches is skipped: no sessions and no email that week.")
    String awayHint();

    /** Before the link's own words, {@link HomeMessages#stopAllTitle}. */
    @Message(": unsubscribe from every roadmap you follow at once.")
    String stopAllAfter();

    @Message("Optional work and alternatives")
    String choicesTitle();

    @Message("Save choices")
    String saveChoices();
}
