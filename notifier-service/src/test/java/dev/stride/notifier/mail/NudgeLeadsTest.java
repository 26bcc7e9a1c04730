package dev.stride.notifier.mail;

import dev.stride.contracts.event.NudgeDue;
import dev.stride.contracts.learning.NudgeVariant;
import dev.stride.notifier.TestEvents;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.junit.jupiter.api.Test;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/** Which lead a weekly email renders: the chosen variant when the nudge carries its data, else the default. */
class NudgeLeadsTest {

    private static final NudgeDue FULL = TestEvents.nudge("leads@example.org").build();

    @ParameterizedTest
    @EnumSource(NudgeVariant.class)
    void aVariantWithItsDataIsRenderedAsChosen(NudgeVariant variant) {
        assertThat(NudgeLeads.rendered(chosen(FULL, variant.id()))).isEqualTo(variant);
    }

    @Test
    void noVariantOrAnUnknownIdIsTheDefault() {
        assertThat(NudgeLeads.rendered(FULL)).isEqualTo(NudgeVariant.NEXT_STEP);
        assertThat(NudgeLeads.rendered(chosen(FULL, "shouting-in-capitals"))).isEqualTo(NudgeVariant.NEXT_STEP);
        assertThat(NudgeLeads.rendered(chosen(FULL, null))).isEqualTo(NudgeVariant.NEXT_STEP);
    }

    @Test
    void aVariantWhoseDataIsMissingFallsBackToTheDefault() {
        NudgeDue oneWeek = copy(FULL, FULL.focus(), 1, FULL.projectedFinish(), FULL.progress());
        NudgeDue noProgress = copy(FULL, FULL.focus(), 3, FULL.projectedFinish(), null);
        NudgeDue noFinish = copy(FULL, FULL.focus(), 3, null, FULL.progress());
        NudgeDue noFocus = copy(FULL, null, 3, FULL.projectedFinish(), FULL.progress());
        NudgeDue.Focus plain = FULL.focus().get(0);
        NudgeDue noSteps = copy(FULL, List.of(new NudgeDue.Focus(plain.milestoneId(), plain.title(), plain.doneWhen(), plain.resources(),
                plain.minutesThisWeek(), plain.minutesLeft(), plain.markDoneUrl(), List.of(" "))), 3, FULL.projectedFinish(), FULL.progress());

        assertThat(NudgeLeads.rendered(chosen(oneWeek, "progress-streak"))).as("a one-week streak is no streak yet").isEqualTo(NudgeVariant.NEXT_STEP);
        assertThat(NudgeLeads.rendered(chosen(noProgress, "progress-streak"))).isEqualTo(NudgeVariant.NEXT_STEP);
        assertThat(NudgeLeads.rendered(chosen(noFinish, "finish-date"))).isEqualTo(NudgeVariant.NEXT_STEP);
        assertThat(NudgeLeads.rendered(chosen(noFocus, "catch-up"))).isEqualTo(NudgeVariant.NEXT_STEP);
        assertThat(NudgeLeads.rendered(chosen(noFocus, "project-recipe"))).isEqualTo(NudgeVariant.NEXT_STEP);
        assertThat(NudgeLeads.rendered(chosen(noSteps, "project-recipe"))).as("blank steps are no recipe").isEqualTo(NudgeVariant.NEXT_STEP);
        assertThat(NudgeLeads.rendered(chosen(noFocus, "finish-date"))).as("what it needs is there").isEqualTo(NudgeVariant.FINISH_DATE);
    }

    @Test
    void aVariantTheLearnersStateDoesNotWakeIsShownAsTheDefault() {
        NudgeDue onTrack = TestEvents.nudge("on-track@example.org").withAheadMinutes(30).build();
        assertThat(NudgeLeads.rendered(chosen(onTrack, "catch-up"))).as("no catch-up week for a learner who is not behind")
                .isEqualTo(NudgeVariant.NEXT_STEP);
        assertThat(NudgeLeads.rendered(chosen(onTrack, "finish-date"))).isEqualTo(NudgeVariant.FINISH_DATE);
    }

    static NudgeDue chosen(NudgeDue nudge, String id) {
        return nudge.withVariant(new NudgeDue.Variant(id, NudgeVariant.Reason.SAMPLED.name(), false));
    }

    private static NudgeDue copy(NudgeDue n, List<NudgeDue.Focus> focus, int streak, java.time.LocalDate finish, NudgeDue.Progress progress) {
        return new NudgeDue(n.nudgeId(), n.subscriptionId(), n.kind(), n.learner(), n.zone(), n.roadmapId(), n.roadmapTitle(), n.weekNumber(),
                n.weekStart(), n.weekEnd(), n.dueAt(), n.sessions(), focus, progress, n.aheadMinutes(), finish, streak, n.cadence(), n.links(),
                n.digest(), n.variant());
    }
}
