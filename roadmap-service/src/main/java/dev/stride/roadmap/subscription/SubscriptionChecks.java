package dev.stride.roadmap.subscription;

import dev.stride.pacing.WeeklyPlan;
import dev.stride.roadmap.catalog.CatalogService;
import dev.stride.roadmap.catalog.PublishedRoadmap;
import dev.stride.roadmap.catalog.RoadmapDocument;
import dev.stride.roadmap.problem.FieldError;
import dev.stride.roadmap.problem.FieldErrorCode;
import dev.stride.roadmap.problem.ProblemException;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import jakarta.validation.Validator;

import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;

/**
 * Every rule on what a learner asks for, storing nothing: a subscription request (roadmap, plan, start date and who
 * subscribes), the subscribe form's preview and a changed plan. A refusal is a 400 naming every bad field at once.
 */
@ApplicationScoped
public class SubscriptionChecks {

    private final CatalogService catalog;
    private final Validator validator;
    private final Clock clock;

    public SubscriptionChecks(CatalogService catalog, Validator validator, Clock clock) {
        this.catalog = catalog;
        this.validator = validator;
        this.clock = clock;
    }

    /** A subscription request's roadmap, plan and start date, once every rule on them holds. */
    public record Checked(PublishedRoadmap roadmap, WeeklyPlan plan, LocalDate startDate) {
    }

    /** Every rule on a subscription request: a 400 naming every bad field, or what the request asks for. */
    @Transactional
    public Checked validate(SubscribeRequest request) {
        if (request == null) {
            throw ProblemException.invalid("body", FieldErrorCode.BODY_SUBSCRIPTION);
        }
        List<FieldError> errors = PlanRules.constraintErrors(validator, request);
        Checked checked = check(request, errors);
        if (!errors.isEmpty()) {
            throw ProblemException.invalid(sorted(errors));
        }
        return checked;
    }

    /**
     * Checks the roadmap, plan and start date of a subscription request by the rules {@link SubscriptionService#subscribe}
     * applies: the subscribe form's preview. Who subscribes (email, name, language) is not needed for a preview.
     */
    @Transactional
    public Checked preview(SubscribeRequest request) {
        if (request == null) {
            throw ProblemException.invalid("body", FieldErrorCode.BODY_SUBSCRIPTION);
        }
        List<FieldError> errors = new ArrayList<>(PlanRules.constraintErrors(validator, request).stream()
                .filter(error -> error.field().startsWith("plan") || error.field().startsWith("startDate") || error.field().startsWith("roadmapId")
                        || error.field().startsWith("knownPhases") || error.field().startsWith("choices"))
                .toList());
        Checked checked = check(request, errors);
        if (!errors.isEmpty()) {
            throw ProblemException.invalid(sorted(errors));
        }
        return checked;
    }

    /** Errors in who subscribes (email, name, language) alone: a form shows them with its plan's errors, all at once. */
    public List<FieldError> learnerErrors(SubscribeRequest request) {
        return PlanRules.constraintErrors(validator, request).stream()
                .filter(error -> error.field().equals("email") || error.field().equals("name") || error.field().equals("locale"))
                .toList();
    }

    /** Bean-validation rules alone (an address, a name, a language): a 400 naming every bad field. */
    public void validate(Object request) {
        if (request == null) {
            throw ProblemException.invalid("body", FieldErrorCode.NOT_EMPTY);
        }
        List<FieldError> errors = PlanRules.constraintErrors(validator, request);
        if (!errors.isEmpty()) {
            throw ProblemException.invalid(sorted(errors));
        }
    }

    /** A learner's changed choices for this roadmap, once they hold; a 400 naming each bad one ({@code choices[i]}). */
    public List<String> choices(RoadmapDocument roadmap, List<String> chosen) {
        if (chosen != null && chosen.size() > Choices.MAX) {
            throw ProblemException.invalid("choices", "must list at most " + Choices.MAX + " milestones");
        }
        List<FieldError> errors = Choices.errors(roadmap, chosen);
        if (!errors.isEmpty()) {
            throw ProblemException.invalid(sorted(errors));
        }
        return chosen == null ? List.of() : List.copyOf(chosen);
    }

    /** A changed weekly plan, once every rule on it holds; its field names are the plan's own ({@code slots[0].minutes}). */
    public WeeklyPlan plan(PlanRequest request) {
        if (request == null) {
            throw ProblemException.invalid("body", FieldErrorCode.BODY_PLAN);
        }
        List<FieldError> errors = PlanRules.constraintErrors(validator, request);
        Optional<WeeklyPlan> plan = PlanRules.plan(request, "", errors);
        if (!errors.isEmpty() || plan.isEmpty()) {
            throw ProblemException.invalid(sorted(errors.stream().map(e -> e.at(e.field().replaceFirst("^\\.", ""))).toList()));
        }
        return plan.get();
    }

    private Checked check(SubscribeRequest request, List<FieldError> errors) {
        Optional<WeeklyPlan> plan = PlanRules.plan(request.plan(), "plan", errors);
        LocalDate startDate = plan.map(p -> PlanRules.startDate(request.startDate(), LocalDate.now(clock.withZone(p.zone())), "startDate", errors))
                .orElse(null);
        PublishedRoadmap roadmap = null;
        if (request.roadmapId() != null && !request.roadmapId().isBlank()) {
            try {
                roadmap = catalog.requirePublished(request.roadmapId(), "roadmapId");
                errors.addAll(Placement.errors(roadmap.document(), request.knownPhases()));
                errors.addAll(Choices.errors(roadmap.document(), request.choices()));
            } catch (ProblemException e) {
                errors.addAll(e.problem().errors());
            }
        }
        return new Checked(roadmap, plan.orElse(null), startDate);
    }

    private static List<FieldError> sorted(List<FieldError> errors) {
        return errors.stream().distinct().sorted(Comparator.comparing(FieldError::field).thenComparing(FieldError::message)).toList();
    }
}
