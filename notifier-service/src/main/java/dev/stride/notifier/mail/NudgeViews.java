package dev.stride.notifier.mail;

import dev.stride.contracts.event.Learner;
import dev.stride.contracts.event.NudgeDue;
import dev.stride.contracts.event.RoadmapPublished;

import java.util.Comparator;
import java.util.List;
import java.util.Objects;

/** A NudgeDue as the weekly email shows it, in the learner's language. */
final class NudgeViews {

    private static final int BAR_CELLS = 20;

    private NudgeViews() {
    }

    static Views.Weekly weekly(NudgeDue nudge, Texts texts, boolean calendarAttached) {
        List<Views.Session> sessions = orEmpty(nudge.sessions()).stream().map(session -> session(session, texts, null)).toList();
        List<Views.Focus> focus = orEmpty(nudge.focus()).stream()
                .map(milestone -> new Views.Focus(milestone.title(), blankToNull(milestone.doneWhen()), resources(milestone.resources()),
                        texts.duration(milestone.minutesThisWeek()), texts.duration(milestone.minutesLeft()), MailHeaders.url(milestone.markDoneUrl()),
                        orEmpty(milestone.steps()).stream().filter(step -> step != null && !step.isBlank()).toList()))
                .toList();
        NudgeDue.NudgeLinks links = nudge.links() == null ? new NudgeDue.NudgeLinks(null, null, null, null, null, null, null) : nudge.links();
        NudgeDue.Cadence cadence = nudge.cadence() == null ? new NudgeDue.Cadence(false, 0) : nudge.cadence();
        Views.Progress progress = progress(nudge.progress(), texts);
        return new Views.Weekly(name(nudge.learner()), nudge.learner().email(), nudge.roadmapTitle(), nudge.weekNumber(),
                nudge.weekStart() == null ? "" : texts.day(nudge.weekStart()), nudge.weekEnd() == null ? "" : texts.day(nudge.weekEnd()),
                sessions, focus, progress, nudge.aheadMinutes(), texts.duration(nudge.aheadMinutes()),
                nudge.projectedFinish() == null ? null : texts.date(nudge.projectedFinish()), nudge.streakWeeks(),
                cadence.fortnightly(), cadence.idleNudges(),
                new Views.Links(MailHeaders.url(links.skipWeek()), MailHeaders.url(links.snooze()), MailHeaders.url(links.pause()),
                        MailHeaders.url(links.manage()), MailHeaders.url(links.unsubscribe()), MailHeaders.url(links.calendar()),
                        MailHeaders.url(links.replan())),
                calendarAttached, nudge.kind() == NudgeDue.Kind.WELCOME, NudgeLeads.lead(nudge, texts));
    }

    /**
     * A digest of several nudges (the first one's learner): every roadmap's sessions in date and time order, each naming its
     * roadmap, and one section per nudge, in the order given.
     */
    static Views.Digest digest(List<NudgeDue> parts, Texts texts, boolean calendarAttached, String stopAll) {
        record Dated(NudgeDue.PlannedSession session, String roadmap) {
        }
        List<Views.Session> sessions = parts.stream()
                .flatMap(part -> orEmpty(part.sessions()).stream().map(session -> new Dated(session, part.roadmapTitle())))
                .sorted(Comparator.comparing((Dated dated) -> dated.session().date()).thenComparing(dated -> dated.session().start()))
                .map(dated -> session(dated.session(), texts, dated.roadmap()))
                .toList();
        NudgeDue first = parts.get(0);
        return new Views.Digest(name(first.learner()), first.learner().email(), parts.size(), sessions,
                parts.stream().map(part -> weekly(part, texts, false)).toList(), calendarAttached, stopAll);
    }

    private static Views.Session session(NudgeDue.PlannedSession session, Texts texts, String roadmap) {
        return new Views.Session(texts.day(session.date()), texts.time(session.start()), texts.duration(session.minutes()),
                orEmpty(session.work()).stream().map(work -> new Views.Work(work.milestoneTitle(), texts.duration(work.minutes()))).toList(),
                roadmap);
    }

    /** The name to greet: the learner's, or the part of the address before the @. */
    static String name(Learner learner) {
        if (learner.displayName() != null && !learner.displayName().isBlank()) {
            return learner.displayName().trim();
        }
        String email = Objects.requireNonNullElse(learner.email(), "");
        return email.contains("@") ? email.substring(0, email.indexOf('@')) : email;
    }

    private static Views.Progress progress(NudgeDue.Progress progress, Texts texts) {
        if (progress == null) {
            return new Views.Progress(0, 0, 0, 100, texts.hours(null), texts.hours(null), bar(0));
        }
        int percent = Math.max(0, Math.min(100, progress.percent()));
        return new Views.Progress(progress.doneMilestones(), progress.totalMilestones(), percent, 100 - percent,
                texts.hours(progress.doneHours()), texts.hours(progress.totalHours()), bar(percent));
    }

    /** The plain-text progress bar, e.g. [#####...............]. */
    private static String bar(int percent) {
        int filled = Math.round(percent * BAR_CELLS / 100f);
        return "[" + "#".repeat(filled) + ".".repeat(BAR_CELLS - filled) + "]";
    }

    /** Resources with an http(s) link keep it; one without a URL (a book) is named; one with neither title nor link is left out. */
    private static List<Views.Resource> resources(List<RoadmapPublished.Resource> resources) {
        return orEmpty(resources).stream()
                .map(resource -> {
                    String url = MailHeaders.url(resource.url());
                    String title = blankToNull(resource.title());
                    return title == null && url == null ? null : new Views.Resource(title == null ? url : title, url);
                })
                .filter(Objects::nonNull)
                .toList();
    }

    private static String blankToNull(String value) {
        return value == null || value.isBlank() ? null : value;
    }

    private static <T> List<T> orEmpty(List<T> list) {
        return list == null ? List.of() : list;
    }
}
