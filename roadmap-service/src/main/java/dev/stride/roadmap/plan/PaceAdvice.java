package dev.stride.roadmap.plan;

import dev.stride.pacing.WeeklyPlan;
import dev.stride.roadmap.catalog.RoadmapDocument;

import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;
import java.util.Locale;

/**
 * What the preview tells a learner about their pace: whether their plan is far below what the roadmap suggests (less than
 * half its suggested minimum hours a week), and, in the target-date mode, the weekly study time it takes to finish by
 * {@code finishBy}: the roadmap's minutes spread over the days from the start date to that date, rounded up to a quarter hour.
 *
 * @param suggestedWeeklyMinutes the roadmap's suggested minimum, 0 when it suggests none
 * @param weeklyMinutesNeeded    null without a target date
 * @param reachable              whether a weekly plan may hold that much ({@link WeeklyPlan#MAX_WEEKLY_MINUTES})
 * @param sessionsOf90           the same as 90-minute sessions a week, a way to lay it out
 */
public record PaceAdvice(int weeklyMinutes, int suggestedWeeklyMinutes, String suggestedLabel, boolean farBelow, LocalDate finishBy,
                         String finishByLabel, Integer weeklyMinutesNeeded, String neededLabel, boolean reachable, int sessionsOf90) {

    private static final DateTimeFormatter LONG_DATE = DateTimeFormatter.ofPattern("EEEE d MMMM uuuu", Locale.ENGLISH);
    private static final int SESSION = 90;
    private static final int QUARTER_HOUR = 15;

    static PaceAdvice of(RoadmapDocument roadmap, WeeklyPlan plan, LocalDate startDate, int totalMinutes, LocalDate finishBy) {
        Integer suggestedHours = roadmap.suggestedWeeklyHours() == null ? null : roadmap.suggestedWeeklyHours().min();
        int suggested = suggestedHours == null ? 0 : suggestedHours * 60;
        boolean farBelow = plan.weeklyMinutes() * 2 < suggested;
        Integer needed = null;
        if (finishBy != null) {
            long days = ChronoUnit.DAYS.between(startDate, finishBy) + 1;
            long perWeek = (totalMinutes * 7L + days - 1) / days;
            needed = Math.toIntExact((perWeek + QUARTER_HOUR - 1) / QUARTER_HOUR * QUARTER_HOUR);
        }
        return new PaceAdvice(plan.weeklyMinutes(), suggested, hours(suggested), farBelow, finishBy,
                finishBy == null ? null : LONG_DATE.format(finishBy), needed, needed == null ? null : hours(needed),
                needed == null || needed <= WeeklyPlan.MAX_WEEKLY_MINUTES, needed == null ? 0 : (needed + SESSION - 1) / SESSION);
    }

    private static String hours(int minutes) {
        return minutes / 60 + " h" + (minutes % 60 == 0 ? "" : " " + minutes % 60 + " min");
    }
}
