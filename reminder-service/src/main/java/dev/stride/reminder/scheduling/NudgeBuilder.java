package dev.stride.reminder.scheduling;

import dev.stride.contracts.event.Learner;
import dev.stride.contracts.event.NudgeDue;
import dev.stride.contracts.event.RoadmapPublished;
import dev.stride.contracts.event.RoadmapWork;
import dev.stride.contracts.link.LinkPurpose;
import dev.stride.contracts.link.LinkUrls;
import dev.stride.pacing.Allocation;
import dev.stride.pacing.MilestoneWork;
import dev.stride.pacing.Pacer;
import dev.stride.pacing.PacingInput;
import dev.stride.pacing.ProgressState;
import dev.stride.pacing.Schedule;
import dev.stride.pacing.ScheduledWeek;
import dev.stride.pacing.Session;
import dev.stride.pacing.WeeklyMix;
import dev.stride.pacing.WeeklyPlan;
import dev.stride.reminder.projection.LearnerState;
import dev.stride.reminder.projection.Projections;
import dev.stride.reminder.projection.RoadmapProjection;
import dev.stride.reminder.projection.SubscriptionProjection;
import jakarta.enterprise.context.ApplicationScoped;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Clock;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import java.util.stream.Collectors;

/** Builds a week's NudgeDue from the projection as it stands now (fresh progress), with the pacing engine. */
@ApplicationScoped
public class NudgeBuilder {

    static final int SNOOZE_DAYS = 3;
    private static final BigDecimal SIXTY = BigDecimal.valueOf(60);

    private final LinkUrls links;
    private final Clock clock;

    public NudgeBuilder(LinkUrls links, Clock clock) {
        this.links = links;
        this.clock = clock;
    }

    /**
     * The NudgeDue of {@code nudge}'s week. {@code milestones}, {@code habits}, {@code weeklyMix} and {@code translations} are
     * {@code roadmap}'s, as its projection keeps them (a batch parses them once per roadmap; null habits or mix: none, milestones
     * strictly in order; null translations: the authored texts), and {@code learner} the subscription's state as read for the
     * batch; the learner's choices come from the subscription, so the email lays what the manage page lays. The roadmap title,
     * work titles, doneWhen and steps are worded in the learner's language ({@link RoadmapWords}).
     */
    public NudgeDue build(Nudge nudge, SubscriptionProjection subscription, RoadmapProjection roadmap,
                          List<RoadmapPublished.Milestone> milestones, List<RoadmapPublished.Habit> habits, Map<String, Integer> weeklyMix,
                          Map<String, Map<String, String>> translations, LearnerState learner) {
        RoadmapWords words = RoadmapWords.of(translations, subscription.locale);
        WeeklyPlan plan = Projections.plan(subscription);
        LocalDate weekStart = nudge.key.weekStart();
        List<MilestoneWork> work = work(milestones, learner, Projections.choices(subscription));
        LocalDate now = LocalDate.now(clock.withZone(plan.zone()));
        // A Friday-to-Sunday nudge prepares the coming week: plan from its Monday.
        LocalDate today = now.isBefore(weekStart) ? weekStart : now;
        Schedule schedule = Pacer.scheduleThrough(new PacingInput(work, plan, subscription.startDate,
                learner.skippedWeeks(), learner.breaks(), learner.progressDays(), today, subscription.baseline(),
                RoadmapWork.habits(habits), WeeklyMix.ofNullable(weeklyMix)), weekStart);
        Map<String, String> habitTitles = habits == null ? Map.of()
                : habits.stream().collect(Collectors.toMap(RoadmapPublished.Habit::id, words::title, (a, b) -> a));

        Map<String, RoadmapPublished.Milestone> byId = milestones.stream()
                .collect(Collectors.toMap(RoadmapPublished.Milestone::id, Function.identity(), (a, b) -> a, LinkedHashMap::new));
        List<Session> sessions = schedule.weeks().stream().filter(week -> week.weekStart().equals(weekStart))
                .findFirst().map(ScheduledWeek::sessions).orElse(List.of());
        List<NudgeDue.PlannedSession> planned = sessions.stream().map(session -> new NudgeDue.PlannedSession(session.date(), session.start(),
                session.minutes(), session.work().stream()
                .map(a -> new NudgeDue.Work(a.milestoneId(), a.habit() ? habitTitles.getOrDefault(a.milestoneId(), a.milestoneId())
                        : words.title(byId.get(a.milestoneId())), a.minutes())).toList())).toList();

        return new NudgeDue(nudge.nudgeId, subscription.subscriptionId,
                schedule.complete() ? NudgeDue.Kind.COMPLETED : nudge.welcome ? NudgeDue.Kind.WELCOME : NudgeDue.Kind.WEEKLY,
                new Learner(subscription.email, subscription.displayName, subscription.locale, subscription.separateEmails),
                plan.zone().getId(), roadmap.roadmapId, words.title(roadmap.title),
                Math.toIntExact(ChronoUnit.WEEKS.between(NudgeCalendar.mondayOf(subscription.startDate), weekStart)) + 1,
                weekStart, weekStart.plusDays(6), nudge.dueAt, planned,
                focus(subscription, sessions, byId, work, words, nudge.nudgeId), progress(work),
                schedule.aheadMinutes(), schedule.projectedFinish().orElse(null), schedule.streakWeeks(),
                new NudgeDue.Cadence(nudge.fortnightly, subscription.idleNudges),
                links(subscription, weekStart, schedule.aheadMinutes() < 0 && !schedule.complete(), nudge.nudgeId));
    }

    private List<NudgeDue.Focus> focus(SubscriptionProjection subscription, List<Session> sessions, Map<String, RoadmapPublished.Milestone> byId,
                                       List<MilestoneWork> work, RoadmapWords words, java.util.UUID nudgeId) {
        Map<String, Integer> thisWeek = new LinkedHashMap<>();
        for (Session session : sessions) {
            for (Allocation allocation : session.work().stream().filter(a -> !a.habit()).toList()) {
                thisWeek.merge(allocation.milestoneId(), allocation.minutes(), Integer::sum);
            }
        }
        Map<String, Integer> remaining = work.stream().filter(MilestoneWork::remains)
                .collect(Collectors.toMap(MilestoneWork::milestoneId, MilestoneWork::leftMinutes));
        List<NudgeDue.Focus> focus = new ArrayList<>();
        thisWeek.forEach((id, minutes) -> {
            RoadmapPublished.Milestone milestone = byId.get(id);
            focus.add(new NudgeDue.Focus(id, words.title(milestone), words.doneWhen(milestone), milestone.resources(), minutes,
                    remaining.getOrDefault(id, 0), LinkUrls.fromNudge(links.action(subscription.subscriptionId, LinkPurpose.MARK_DONE, Optional.of(id)), nudgeId),
                    words.steps(milestone)));
        });
        return focus;
    }

    /** The milestones in play for this learner and their choices, in pacing's terms ({@link RoadmapWork}). */
    static List<MilestoneWork> work(List<RoadmapPublished.Milestone> milestones, LearnerState learner, List<String> choices) {
        return RoadmapWork.inPlay(milestones, learner.progress(), learner.loggedMinutes(), choices);
    }

    static List<MilestoneWork> work(List<RoadmapPublished.Milestone> milestones, LearnerState learner) {
        return work(milestones, learner, List.of());
    }

    /** Done counts DONE milestones and the minutes logged against those in progress (the pacing engine's rule). */
    private static NudgeDue.Progress progress(List<MilestoneWork> work) {
        int doneMinutes = 0;
        int countedMinutes = 0;
        int doneCount = 0;
        for (MilestoneWork milestone : work) {
            if (milestone.state() == ProgressState.SKIPPED) {
                continue;
            }
            countedMinutes += milestone.minutes();
            doneMinutes += milestone.doneMinutes();
            doneCount += milestone.state() == ProgressState.DONE ? 1 : 0;
        }
        int percent = countedMinutes == 0 ? 100 : (int) (doneMinutes * 100L / countedMinutes);
        return new NudgeDue.Progress(doneCount, work.size(), hours(doneMinutes), hours(countedMinutes), percent);
    }

    private static BigDecimal hours(int minutes) {
        BigDecimal hours = BigDecimal.valueOf(minutes).divide(SIXTY, 2, RoundingMode.HALF_UP).stripTrailingZeros();
        return hours.scale() < 0 ? hours.setScale(0) : hours;
    }

    /**
     * The skip link names the nudge's week: a Friday-to-Sunday nudge is about next week, and a late click still skips that
     * week. The re-plan link only while the learner is behind: the email offers a fresh start, never a way to drop a lead.
     * Every link but the unsubscribe (RFC 8058 one-click too) names the nudge ({@link LinkUrls#fromNudge}), so what the learner
     * does through it is attributed to this email.
     */
    private NudgeDue.NudgeLinks links(SubscriptionProjection subscription, LocalDate weekStart, boolean behind, java.util.UUID nudgeId) {
        var id = subscription.subscriptionId;
        return new NudgeDue.NudgeLinks(
                LinkUrls.fromNudge(links.skipWeek(id, weekStart), nudgeId),
                LinkUrls.fromNudge(links.action(id, LinkPurpose.SNOOZE, Optional.of(Integer.toString(SNOOZE_DAYS))), nudgeId),
                LinkUrls.fromNudge(links.action(id, LinkPurpose.PAUSE, Optional.empty()), nudgeId),
                LinkUrls.fromNudge(links.manage(id), nudgeId),
                links.unsubscribe(id),
                LinkUrls.fromNudge(links.calendar(id), nudgeId),
                behind ? LinkUrls.fromNudge(links.action(id, LinkPurpose.REPLAN, Optional.empty()), nudgeId) : null);
    }
}
