package dev.stride.roadmap.web;

import dev.stride.roadmap.problem.FieldError;
import dev.stride.roadmap.subscription.PlanRequest;

import java.time.DayOfWeek;
import java.time.LocalTime;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * The subscribe form on a roadmap's page as the learner filled it in, errors by field. Plan fields live in {@link PlanForm};
 * errors about them arrive from the service as {@code plan.*} and are shown there. {@code finishBy} is the preview's
 * target date as typed, kept when the page comes back so the target-date mode stays on. {@code choices}: the optional
 * milestones and "choose one of" members ticked ({@link ChoiceFields}).
 */
public record SubscribeForm(String email, String name, String locale, String startDate, String finishBy, PlanForm plan,
                            List<String> knownPhases, List<String> choices,
                            Map<String, List<FieldError>> errors) {

    /** A first plan to edit: two evening/weekend slots, the nudge on Monday morning, the zone set by the browser if it can. */
    static final PlanRequest DEFAULT_PLAN = new PlanRequest("UTC",
            List.of(new PlanRequest.Slot(DayOfWeek.TUESDAY, LocalTime.of(19, 0), 60), new PlanRequest.Slot(DayOfWeek.SATURDAY, LocalTime.of(10, 0), 120)),
            new PlanRequest.Nudge(DayOfWeek.MONDAY, LocalTime.of(7, 30)));

    /** An empty form; the emails' language starts as the page's. */
    public static SubscribeForm blank(Locale pageLanguage) {
        return new SubscribeForm("", "", pageLanguage.getLanguage(), "", "", PlanForm.of(DEFAULT_PLAN), List.of(), List.of(), Map.of());
    }

    /** Placement: the learner ticked "I already know" for this phase. */
    public boolean knows(String phaseId) {
        return knownPhases.contains(phaseId);
    }

    /** The errors of a field (null: none); placement's {@code knownPhases} can have several. */
    public List<FieldError> error(String field) {
        return errors.get(field);
    }

    public boolean hasErrors() {
        return !errors.isEmpty() || !plan.errors().isEmpty();
    }

    /**
     * One line of the error summary: {@code label} names the field for {@code msg:fieldLabel} ({@code email}, {@code slot}
     * with its number, ...; an unknown field by its own name), so the page words it in its language.
     */
    public record SummaryLine(String label, int slot, List<FieldError> errors) {
    }

    /** All errors in the order the form shows its fields, for the summary at the top. */
    public List<SummaryLine> summary() {
        Map<String, List<FieldError>> all = new LinkedHashMap<>(errors);
        plan.errors().forEach((field, error) -> all.putIfAbsent("plan." + field, List.of(error)));
        return all.entrySet().stream().map(e -> line(e.getKey(), e.getValue())).toList();
    }

    /** This form with the service's field errors placed next to their fields. */
    SubscribeForm withProblems(List<FieldError> problems) {
        Map<String, List<FieldError>> own = new LinkedHashMap<>(errors);
        Map<String, FieldError> planErrors = new LinkedHashMap<>();
        for (FieldError problem : problems) {
            if (problem.field().startsWith("plan.")) {
                planErrors.putIfAbsent(problem.field().substring("plan.".length()), problem);
            } else if (problem.field().equals("plan")) {
                planErrors.putIfAbsent("slots", problem);
            } else if (problem.field().startsWith("knownPhases") || problem.field().startsWith("choices")) {
                String field = problem.field().startsWith("choices") ? "choices" : "knownPhases";
                own.merge(field, List.of(problem), (first, next) -> java.util.stream.Stream.concat(first.stream(), next.stream()).toList());
            } else {
                own.putIfAbsent(problem.field(), List.of(problem));
            }
        }
        return new SubscribeForm(email, name, locale, startDate, finishBy, plan.withErrors(planErrors), knownPhases, choices, own);
    }

    private static SummaryLine line(String field, List<FieldError> errors) {
        String label = switch (field) {
            case "email", "name", "locale", "startDate", "knownPhases", "choices" -> field;
            case "plan.timeZone" -> "timeZone";
            case "plan.slots" -> "slots";
            case "plan.nudge.day", "plan.nudge.time" -> "nudge";
            default -> field.startsWith("plan.slots[") ? "slot" : field;
        };
        int slot = label.equals("slot") ? Integer.parseInt(field.replaceAll("^plan\\.slots\\[(\\d+)].*$", "$1")) + 1 : 0;
        return new SummaryLine(label, slot, errors);
    }
}
