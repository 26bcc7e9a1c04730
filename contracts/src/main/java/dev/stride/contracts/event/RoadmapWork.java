package dev.stride.contracts.event;

import dev.stride.pacing.Habit;
import dev.stride.pacing.MilestoneWork;
import dev.stride.pacing.ProgressState;
import dev.stride.pacing.Selection;

import java.math.BigDecimal;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * A published roadmap ({@link RoadmapPublished}) in pacing's terms for one learner: the one place an event's milestones and
 * habits become pacing input, so whoever schedules from the event (the reminder's emails) lays what the roadmap-service's
 * pages lay from the document it was published from.
 */
public final class RoadmapWork {

    private static final BigDecimal SIXTY = BigDecimal.valueOf(60);

    private RoadmapWork() {
    }

    /**
     * The milestones in play ({@link Selection}: required ones, optional ones the learner chose or finished, one member of each
     * "choose one of" group) with their progress; {@code chosen} null: nothing chosen.
     */
    public static List<MilestoneWork> inPlay(List<RoadmapPublished.Milestone> milestones, Map<String, ProgressState> states,
                                             Map<String, Integer> loggedMinutes, Collection<String> chosen) {
        return Selection.inPlay(milestones, m -> Selection.Candidate.of(m.id(), m.phaseId(), m.optional(), m.chooseOne(), m.recommended(),
                        states.get(m.id()) == ProgressState.DONE), chosen == null ? Set.of() : Set.copyOf(chosen)).stream()
                .map(m -> new MilestoneWork(m.id(), m.hours().multiply(SIXTY).intValueExact(), states.getOrDefault(m.id(), ProgressState.TODO),
                        loggedMinutes.getOrDefault(m.id(), 0), m.phaseId(), m.kind(), m.requires()))
                .toList();
    }

    /** The roadmap's habits that take time (null in events from before roadmaps had them: none). */
    public static List<Habit> habits(List<RoadmapPublished.Habit> habits) {
        return habits == null ? List.of() : habits.stream().filter(h -> h.minutesPerWeek() > 0)
                .map(h -> new Habit(h.id(), h.phaseId(), h.minutesPerWeek())).toList();
    }
}
