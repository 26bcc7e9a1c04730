package dev.stride.notifier.mail;

import io.quarkus.qute.i18n.Message;
import io.quarkus.qute.i18n.MessageBundle;

/**
 * The weekly email's lead, one per content strategy ({@code NudgeVariant}, see {@link NudgeLeads}): its text, its subject, and
 * the footer line saying which lead and why. English here, German in {@code messages/lead_de.properties}; templates use
 * {@code {lead:name(...)}}. A bundle of its own beside {@link MailMessages}, which holds every other word of the emails.
 */
@MessageBundle("lead")
public interface LeadMessages {

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
