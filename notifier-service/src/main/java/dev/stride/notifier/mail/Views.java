package dev.stride.notifier.mail;

import dev.stride.contracts.learning.NudgeVariant;

import java.util.List;

/**
 * What the templates show, already in the learner's language and zone: every date, time, duration and number
 * is formatted (with the patterns of {@link MailMessages}) before it gets here. Links are http(s) or null.
 */
public final class Views {

    private Views() {
    }

    public record Weekly(String name, String email, String roadmapTitle, int week, String weekFrom, String weekTo,
                         List<Session> sessions, List<Focus> focus, Progress progress, int aheadMinutes, String paceAmount,
                         String projectedFinish, int streakWeeks, boolean fortnightly, int idleNudges, Links links,
                         boolean calendarAttached, boolean welcome, Lead lead) {
    }

    /**
     * What the weekly email puts first ({@code variant}: a {@code NudgeVariant} id, see {@link NudgeLeads}) and the footer
     * line saying which lead it is and why ({@code note}). {@code focusTitle}/{@code focusThisWeek}: the milestone the lead
     * names (the recipe's for project-recipe), null if none; {@code steps}: the recipe's steps (project-recipe only);
     * {@code planned}: the week's planned study time (null without sessions); {@code target}: the catch-up week's smaller one.
     */
    public record Lead(String variant, String focusTitle, String focusThisWeek, List<String> steps, String planned, String target,
                       String note) {

        public boolean nextStep() {
            return NudgeVariant.NEXT_STEP.id().equals(variant);
        }

        public boolean progressStreak() {
            return NudgeVariant.PROGRESS_STREAK.id().equals(variant);
        }

        public boolean finishDate() {
            return NudgeVariant.FINISH_DATE.id().equals(variant);
        }

        public boolean catchUp() {
            return NudgeVariant.CATCH_UP.id().equals(variant);
        }

        public boolean projectRecipe() {
            return NudgeVariant.PROJECT_RECIPE.id().equals(variant);
        }
    }

    /** {@code roadmap}: which roadmap the session is for, in a digest's list of every roadmap's sessions; null in a weekly email. */
    public record Session(String day, String time, String length, List<Work> work, String roadmap) {
    }

    /**
     * One email for a learner's week across several roadmaps: every session in date order, then one {@link Weekly} per
     * roadmap as its weekly email shows it. {@code stopAll}: the one-click link that stops all of the learner's emails, or null.
     */
    public record Digest(String name, String email, int roadmaps, List<Session> sessions, List<Weekly> sections, boolean calendarAttached,
                         String stopAll) {
    }

    public record Work(String title, String length) {
    }

    public record Focus(String title, String doneWhen, List<Resource> resources, String thisWeek, String left, String markDoneUrl,
                        List<String> steps) {
    }

    /** A learning resource; {@code url} is null for one without a link (a book, a certification). */
    public record Resource(String title, String url) {
    }

    /** {@code rest} is 100 - percent, for the empty part of the bar; {@code textBar} is the bar for the plain-text part. */
    public record Progress(int done, int total, int percent, int rest, String doneHours, String totalHours, String textBar) {
    }

    /** {@code replan}: only while the learner is behind. */
    public record Links(String skipWeek, String snooze, String pause, String manage, String unsubscribe, String calendar, String replan) {
    }

    /** The double opt-in, or (no {@code confirmUrl}) that the address already follows the roadmap; no name, for anyone can ask. */
    public record Confirmation(String email, String roadmapTitle, String confirmUrl, String manageUrl, String notMeUrl, String nudgeDay,
                               String nudgeTime, String zone, List<Slot> slots, String startDate, String confirmBy) {
    }

    public record Slot(String day, String time, String length) {
    }

    public record Goodbye(String name, String email, String roadmapTitle, String resubscribeUrl) {
    }

    /** "Your links": the home page link and how long it works (already formatted). */
    public record SignIn(String name, String email, String homeUrl, String validFor) {
    }

    /** Verify a new address; sent to that address, which anyone signed in could have typed: no name. */
    public record AddressChange(String newAddress, String verifyUrl, String validFor) {
    }
}
