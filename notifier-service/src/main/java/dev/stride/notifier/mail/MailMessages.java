package dev.stride.notifier.mail;

import io.quarkus.qute.i18n.Message;
import io.quarkus.qute.i18n.MessageBundle;

/**
 * Every word of every email, and the date and time patterns, in English; German in
 * {@code messages/msg_de.properties}. Templates use them as {@code {msg:name(...)}}, Java through {@link Texts}.
 */
@MessageBundle
public interface MailMessages {

    // Formats: java.time patterns and units, so dates read as the learner's language writes them.

    @Message("EEEE, MMMM d")
    String patternDay();

    @Message("MMMM d, yyyy")
    String patternDate();

    @Message("h:mm a")
    String patternTime();

    @Message("MMMM d, yyyy, h:mm a z")
    String patternDateTime();

    @Message("{minutes} min")
    String minutes(int minutes);

    @Message("{hours} h")
    String hours(int hours);

    @Message("{hours} h {minutes} min")
    String hoursAndMinutes(int hours, int minutes);

    // Shared layout.

    @Message("Stride")
    String brand();

    /** The language of the email's HTML ({@code <html lang>}): each bundle names its own. */
    @Message("en")
    String lang();

    @Message("Hi {name},")
    String greeting(String name);

    /** For emails anyone could have triggered: no name typed by a stranger is repeated to the address's owner. */
    @Message("Hi,")
    String greetingPlain();

    @Message("You receive this email because {email} follows the roadmap “{roadmap}” on Stride.")
    String footerWhy(String email, String roadmap);

    @Message("Unsubscribe")
    String unsubscribe();

    @Message("Manage your plan")
    String managePlan();

    // Weekly nudge.

    @Message("Week {week}: {topic}")
    String subjectWeekly(int week, String topic);

    @Message("Welcome to “{roadmap}”: your first week")
    String subjectWelcome(String roadmap);

    @Message("welcome to “{roadmap}”! Here is your first week ({from} to {to}): the sessions you planned and what to work on in each. From now on a short email like this one comes each week.")
    String welcomeIntro(String roadmap, String from, String to);

    @Message("{first} and {more} more")
    String topicAndMore(String first, int more);

    @Message("Here is your plan for week {week} of “{roadmap}” ({from} to {to}).")
    String weeklyIntro(int week, String roadmap, String from, String to);

    @Message("This week's sessions")
    String sessionsHeading();

    @Message("No study sessions are planned this week.")
    String noSessions();

    @Message("{day}, {time} ({length})")
    String sessionLine(String day, String time, String length);

    @Message("{length} {title}")
    String workLine(String length, String title);

    @Message("To finish")
    String focusHeading();

    @Message("Done when: {criterion}")
    String doneWhen(String criterion);

    @Message("{thisWeek} this week, {left} left")
    String focusTime(String thisWeek, String left);

    @Message("Resources")
    String resources();

    @Message("Steps")
    String steps();

    @Message("Mark “{title}” done")
    String markDone(String title);

    @Message("Your progress")
    String progressHeading();

    @Message("{done} of {total} milestones done ({percent}%)")
    String progressMilestones(int done, int total, int percent);

    @Message("{done} of {total} hours studied")
    String progressHours(String done, String total);

    @Message("You are {amount} ahead of plan.")
    String ahead(String amount);

    @Message("You are {amount} behind plan.")
    String behind(String amount);

    @Message("You are right on plan.")
    String onPlan();

    @Message("Fell behind? Re-plan from today: what you have done becomes your starting point, and your finish date follows from here.")
    String replanInvite();

    @Message("Re-plan from today")
    String replan();

    @Message("At this pace you finish on {date}.")
    String projectedFinish(String date);

    @Message("{weeks}-week streak: keep it going!")
    String streak(int weeks);

    /** Names the email's own week: a Friday-to-Sunday nudge is about next week, and its link skips exactly that one. */
    @Message("Skip week {week}")
    String skipWeek(int week);

    @Message("Snooze 3 days")
    String snooze();

    @Message("Pause")
    String pause();

    @Message("Add all sessions to your calendar")
    String subscribeCalendar();

    @Message("This week's sessions are attached as a calendar file (week.ics).")
    String calendarAttached();

    @Message("We have not seen progress for {idle} emails, so from now on we write every other week. Mark a milestone done and the weekly email comes back.")
    String backOffNotice(int idle);

    @Message("Study: {milestones}")
    String calendarSummary(String milestones);

    // Completion.

    @Message("You finished “{roadmap}”!")
    String subjectCompleted(String roadmap);

    @Message("Congratulations, {name}!")
    String completedHeading(String name);

    @Message("You completed all {total} milestones of “{roadmap}”: {hours} hours of study.")
    String completedBody(int total, String roadmap, String hours);

    @Message("This was the last weekly email for this roadmap. Your plan page suggests the roadmaps to go on with, each with a link to subscribe, whenever you are ready.")
    String completedNext();

    // Confirmation (double opt-in).

    @Message("Confirm your weekly study emails for “{roadmap}”")
    String subjectConfirmation(String roadmap);

    @Message("Please confirm that you want weekly study emails for “{roadmap}”.")
    String confirmIntro(String roadmap);

    @Message("Confirm my subscription")
    String confirmButton();

    @Message("What you will get")
    String confirmWhatHeading();

    @Message("Every {day} at {time} ({zone}) one email with that week's study sessions, what to finish, and how far along you are.")
    String confirmWhat(String day, String time, String zone);

    @Message("Your study times")
    String confirmSlotsHeading();

    @Message("{day} at {time}, {length}")
    String slotLine(String day, String time, String length);

    @Message("Your plan starts on {date}.")
    String confirmStart(String date);

    @Message("The button works until {until}. If you did not ask for this, ignore this email and nothing more will be sent.")
    String confirmBy(String until);

    @Message("You asked to follow “{roadmap}” on Stride with {email}.")
    String confirmFooter(String roadmap, String email);

    @Message("Not you? Someone may have typed your address.")
    String notMeIntro();

    @Message("This wasn't me — never email me again")
    String notMe();

    // Already following (a subscribe request for an address that follows the roadmap).

    @Message("You already follow “{roadmap}”")
    String subjectAlreadyFollowing(String roadmap);

    @Message("Someone asked to follow “{roadmap}” on Stride with this address. It already follows that roadmap, so nothing changed.")
    String alreadyFollowing(String roadmap);

    // Goodbye.

    @Message("You have unsubscribed from “{roadmap}”")
    String subjectGoodbye(String roadmap);

    @Message("You will get no more emails about “{roadmap}”. This is the last one.")
    String goodbyeBody(String roadmap);

    @Message("Changed your mind? Subscribe again")
    String resubscribe();

    @Message("This confirms that {email} left “{roadmap}” on Stride.")
    String goodbyeFooter(String email, String roadmap);

    // Sign-in ("email me my links").

    @Message("Your Stride links")
    String subjectSignIn();

    @Message("Here is the link to all your roadmaps on Stride. From there you open each plan and change your name, language or address.")
    String signInIntro();

    @Message("Open my roadmaps")
    String signInButton();

    @Message("The link works for {validFor}. If you did not ask for it, ignore this email: nothing changes.")
    String signInValidFor(String validFor);

    @Message("Someone asked for the links of {email} on Stride.")
    String signInFooter(String email);

    // Verifying a new address.

    @Message("Confirm your new address for Stride")
    String subjectAddressChange();

    @Message("Please confirm that Stride should send your study emails to {address} from now on. Until you do, nothing changes.")
    String addressChangeIntro(String address);

    @Message("Use this address")
    String addressChangeButton();

    @Message("The button works for {validFor}. If you did not ask for this, ignore this email and this address gets nothing more.")
    String addressChangeValidFor(String validFor);

    @Message("Someone signed in to Stride asked to use {address} for their study emails.")
    String addressChangeFooter(String address);

    // The weekly digest across a learner's roadmaps.

    @Message("Your Stride week: {roadmaps} roadmaps")
    String subjectDigest(int roadmaps);

    @Message("Here is your week across your {roadmaps} roadmaps: first every session you planned, then what to finish in each roadmap.")
    String digestIntro(int roadmaps);

    @Message("This week")
    String digestSessionsHeading();

    @Message("“{roadmap}”, week {week}")
    String digestSection(String roadmap, int week);

    @Message("Unsubscribe from “{roadmap}”")
    String unsubscribeFrom(String roadmap);

    @Message("You receive this email because {email} follows {roadmaps} roadmaps on Stride and gets one weekly email for all of them; separate emails per roadmap are a choice in your Stride settings.")
    String footerWhyDigest(String email, int roadmaps);

    @Message("Stop all Stride emails")
    String stopAll();

    // The weekly email's lead: one per content strategy (NudgeVariant, see NudgeLeads), and the footer line saying which and why.

    @Message("Week {week}: {streak} weeks in a row, next {topic}")
    String subjectProgressStreak(int week, int streak, String topic);

    @Message("Week {week}: on course to finish on {date}")
    String subjectFinishDate(int week, String date);

    @Message("Week {week}: a lighter week to catch up")
    String subjectCatchUp(int week);

    @Message("Week {week}: your checklist for {title}")
    String subjectProjectRecipe(int week, String title);

    @Message("Your next step: {title}, {thisWeek} this week. The sessions below say when.")
    String leadNextStep(String title, String thisWeek);

    @Message("{streak} weeks in a row! You have finished {done} of {total} milestones ({percent} %). Keep the streak going this week.")
    String leadProgressStreak(int streak, int done, int total, int percent);

    @Message("At your pace you finish “{roadmap}” on {date}.")
    String leadFinishDate(String roadmap, String date);

    @Message("This week's {planned} of study keep that date; each session you skip moves it later.")
    String leadFinishDateWeek(String planned);

    @Message("No session is planned this week, so the date moves later unless you add one.")
    String leadFinishDateNoSessions();

    @Message("A lighter week to catch up: one thing only, {title}, for about {target}.")
    String leadCatchUp(String title, String target);

    @Message("That is less than the {planned} you planned, and enough to get going again.")
    String leadCatchUpPlanned(String planned);

    @Message("Have your weeks changed? Fit the plan to them:")
    String leadCatchUpReplan();

    @Message("This week's project: {title}. Tick off the steps one by one:")
    String leadProjectRecipe(String title);

    @Message("your next step")
    String variantNameNextStep();

    @Message("your progress and streak")
    String variantNameProgressStreak();

    @Message("your finish date")
    String variantNameFinishDate();

    @Message("a lighter catch-up week")
    String variantNameCatchUp();

    @Message("your project's checklist")
    String variantNameProjectRecipe();

    @Message("This week's email leads with {lead}, chosen by Stride's learning from what helped learners progress.")
    String variantChosen(String lead);

    @Message("This week's email leads with your next step: Stride's standard email.")
    String variantDefault();

    @Message("This week's email leads with your next step: Stride's standard email, which a small random group always gets so that Stride can measure honestly whether its learning helps.")
    String variantHoldout();

    @Message("This week's email leads with your next step: Stride's standard email, as you turned off measuring on your manage page.")
    String variantOptedOut();
}
