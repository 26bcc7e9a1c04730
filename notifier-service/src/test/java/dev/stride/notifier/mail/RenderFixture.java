package dev.stride.notifier.mail;

import dev.stride.contracts.event.NudgeDue;
import dev.stride.contracts.event.StrideEvents;
import dev.stride.contracts.learning.NudgeVariant;
import dev.stride.notifier.TestEvents;

import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.time.LocalTime;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

/**
 * The ledger payloads the render benchmark composes: a weekly nudge as the reminder publishes it for a 40-milestone
 * roadmap (three sessions, the week's focus with resources and recipe steps, every link, a sampled variant), and a
 * weekly digest of two such parts.
 */
final class RenderFixture {

    static final String ADDRESS = "render-bench@example.org";

    private RenderFixture() {
    }

    /** TestEvents' weekly nudge with a third session (Thursday 19:00) and the progress of a 40-milestone roadmap. */
    static NudgeDue weekly(String focusTitle, int tuesdayStartMinute) {
        NudgeDue n = new TestEvents.Nudge(UUID.randomUUID(), UUID.randomUUID(), ADDRESS, "Ada", "en",
                "America/New_York", focusTitle, NudgeDue.Kind.WEEKLY, false, -90, tuesdayStartMinute).build();
        List<NudgeDue.PlannedSession> sessions = new ArrayList<>(n.sessions());
        sessions.add(2, new NudgeDue.PlannedSession(n.weekStart().plusDays(3), LocalTime.of(19, 0), 60,
                List.of(new NudgeDue.Work("git-basics", TestEvents.GIT, 60))));
        sessions.sort((a, b) -> a.date().compareTo(b.date()));
        NudgeDue.Progress progress = new NudgeDue.Progress(9, 40, new BigDecimal("61.5"), new BigDecimal("300"), 22);
        return new NudgeDue(n.nudgeId(), n.subscriptionId(), n.kind(), n.learner(), n.zone(), n.roadmapId(), n.roadmapTitle(),
                n.weekNumber(), n.weekStart(), n.weekEnd(), n.dueAt(), List.copyOf(sessions), n.focus(), progress, n.aheadMinutes(),
                n.projectedFinish(), n.streakWeeks(), n.cadence(), n.links(), null,
                new NudgeDue.Variant("progress-streak", NudgeVariant.Reason.SAMPLED.name(), false));
    }

    /** The ledger's payload of one nudge email: its envelope's JSON, as the consumer stored it. */
    static String payload(NudgeDue nudge) {
        return new String(StrideEvents.CODEC.encode(TestEvents.envelope(nudge.subscriptionId(), nudge)), StandardCharsets.UTF_8);
    }

    /** The ledger's payload of a weekly digest of two roadmaps' nudges. */
    static String digestPayload() {
        return DigestPayload.of(List.of(payload(weekly(TestEvents.FUNCTIONS, 18 * 60)), payload(weekly(TestEvents.GIT, 20 * 60))));
    }
}
