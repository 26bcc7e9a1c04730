package dev.stride.notifier.mail;

import dev.stride.contracts.event.NudgeDue;
import dev.stride.contracts.learning.Eligibility;
import dev.stride.contracts.learning.NudgeState;
import dev.stride.contracts.learning.NudgeVariant;

import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * What a weekly email leads with: the content strategy the reminder chose ({@link NudgeDue#variant()}), as the email can
 * show it, and the footer line that says which one it is and why. A null or unknown variant is {@link NudgeVariant#NEXT_STEP};
 * so is a variant whose data the nudge lacks (no streak, no finish date, nothing to focus on, no recipe steps): the email
 * never fails for a strategy it cannot fill.
 */
final class NudgeLeads {

    /** A catch-up week asks for about half the planned time, in quarter hours, and never less than this. */
    private static final int CATCH_UP_MINIMUM_MINUTES = 15;

    private NudgeLeads() {
    }

    /** The variant the email renders: the chosen one if the nudge carries what it needs, else the default. */
    static NudgeVariant rendered(NudgeDue nudge) {
        NudgeVariant chosen = Optional.ofNullable(nudge.variant()).map(NudgeDue.Variant::id).flatMap(NudgeVariant::byId)
                .orElse(NudgeVariant.NEXT_STEP);
        return fits(chosen, nudge) ? chosen : NudgeVariant.NEXT_STEP;
    }

    /** Awake for this nudge by the policy's own rule ({@link Eligibility}), and the nudge carries what the lead shows. */
    private static boolean fits(NudgeVariant variant, NudgeDue nudge) {
        return Eligibility.of(NudgeState.of(nudge)).contains(variant) && switch (variant) {
            case PROGRESS_STREAK -> nudge.progress() != null;
            case CATCH_UP -> !orEmpty(nudge.focus()).isEmpty();
            case PROJECT_RECIPE -> recipe(nudge).isPresent();
            case NEXT_STEP, FINISH_DATE -> true;
        };
    }

    /** The lead as the templates show it, with the footer line (in the learner's language) that explains it. */
    static Views.Lead lead(NudgeDue nudge, Texts texts) {
        NudgeVariant variant = rendered(nudge);
        NudgeDue.Focus focus = variant == NudgeVariant.PROJECT_RECIPE ? recipe(nudge).orElseThrow()
                : orEmpty(nudge.focus()).stream().filter(Objects::nonNull).findFirst().orElse(null);
        int planned = orEmpty(nudge.sessions()).stream().mapToInt(NudgeDue.PlannedSession::minutes).sum();
        int base = planned > 0 ? planned : focus == null ? 0 : focus.minutesThisWeek();
        int target = Math.max(CATCH_UP_MINIMUM_MINUTES, base / 2 / 15 * 15);
        return new Views.Lead(variant.id(), focus == null ? null : focus.title(),
                focus == null ? null : texts.duration(focus.minutesThisWeek()),
                variant == NudgeVariant.PROJECT_RECIPE ? steps(focus) : List.of(),
                planned > 0 ? texts.duration(planned) : null, texts.duration(target), note(nudge, variant, texts));
    }

    /**
     * "Which variant and why": kept as the default for the holdout; chosen by the learning (and shown as chosen); the
     * default because the learner opted out of measurement; or simply the default (learning off, nothing else fitted).
     */
    static String note(NudgeDue nudge, NudgeVariant rendered, Texts texts) {
        NudgeDue.Variant chosen = nudge.variant();
        if (chosen == null) {
            return texts.lead().variantDefault();
        }
        if (chosen.holdout()) {
            return texts.lead().variantHoldout();
        }
        if (NudgeVariant.Reason.SAMPLED.name().equals(chosen.reason()) && rendered.id().equals(chosen.id())) {
            return texts.lead().variantChosen(name(rendered, texts));
        }
        return NudgeVariant.Reason.OPTED_OUT.name().equals(chosen.reason()) ? texts.lead().variantOptedOut() : texts.lead().variantDefault();
    }

    /** The weekly email's subject: each lead has its own, about what it puts first. */
    static String subject(NudgeDue nudge, String topic, Texts texts) {
        LeadMessages msg = texts.lead();
        int week = nudge.weekNumber();
        return switch (rendered(nudge)) {
            case NEXT_STEP -> texts.msg().subjectWeekly(week, topic);
            case PROGRESS_STREAK -> msg.subjectProgressStreak(week, nudge.streakWeeks(), topic);
            case FINISH_DATE -> msg.subjectFinishDate(week, texts.date(nudge.projectedFinish()));
            case CATCH_UP -> msg.subjectCatchUp(week);
            case PROJECT_RECIPE -> msg.subjectProjectRecipe(week, recipe(nudge).orElseThrow().title());
        };
    }

    private static String name(NudgeVariant variant, Texts texts) {
        LeadMessages msg = texts.lead();
        return switch (variant) {
            case NEXT_STEP -> msg.variantNameNextStep();
            case PROGRESS_STREAK -> msg.variantNameProgressStreak();
            case FINISH_DATE -> msg.variantNameFinishDate();
            case CATCH_UP -> msg.variantNameCatchUp();
            case PROJECT_RECIPE -> msg.variantNameProjectRecipe();
        };
    }

    /** The first milestone this week with a project recipe's steps. */
    private static Optional<NudgeDue.Focus> recipe(NudgeDue nudge) {
        return orEmpty(nudge.focus()).stream().filter(Objects::nonNull).filter(focus -> !steps(focus).isEmpty()).findFirst();
    }

    private static List<String> steps(NudgeDue.Focus focus) {
        return orEmpty(focus.steps()).stream().filter(step -> step != null && !step.isBlank()).toList();
    }

    private static <T> List<T> orEmpty(List<T> list) {
        return list == null ? List.of() : list;
    }
}
