package dev.stride.roadmap.catalog;

import dev.stride.roadmap.problem.FieldError;
import dev.stride.roadmap.problem.FieldErrorCode;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.net.URI;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Everything a roadmap must be before it is published, bundled or through the admin API: complete,
 * stable kebab-case ids, unique milestone ids, sane hours, https links — and hours that fit the stated
 * duration: at the suggested minimum weekly hours the milestones in play ({@link RoadmapOutline}: optional ones
 * left out, one per chooseOne group) take the stated months (within 15%). Format 2's rules live beside it:
 * {@link RoadmapProfileRules}, {@link MilestoneGraphRules}, {@link TranslationRules}.
 */
public final class RoadmapValidator {

    static final double WEEKS_PER_MONTH = 52.0 / 12.0;
    static final double DURATION_TOLERANCE = 0.15;
    static final Set<String> RESOURCE_TYPES = Set.of("course", "book", "certification", "article", "video", "tool", "community", "practice");
    /** The longest a recipe step may be, authored or translated. */
    static final int STEP_MAX = 300;
    private static final BigDecimal HALF = new BigDecimal("0.5");

    private RoadmapValidator() {
    }

    public static List<FieldError> validate(RoadmapDocument roadmap) {
        List<FieldError> errors = new ArrayList<>();
        FieldChecks.slug(errors, "id", roadmap.id());
        FieldChecks.text(errors, "title", roadmap.title(), 120);
        FieldChecks.text(errors, "summary", roadmap.summary(), 300);
        if (roadmap.description() != null && roadmap.description().length() > 2000) {
            errors.add(FieldError.of("description", FieldErrorCode.MAX_CHARACTERS, Map.of("max", 2000)));
        }
        if (roadmap.durationMonths() == null || roadmap.durationMonths() < 1 || roadmap.durationMonths() > 60) {
            errors.add(FieldError.of("durationMonths", FieldErrorCode.DURATION_MONTHS));
        }
        RoadmapDocument.WeeklyHours hours = roadmap.suggestedWeeklyHours();
        if (hours == null || hours.min() == null || hours.max() == null || hours.min() < 1 || hours.max() > 40 || hours.min() > hours.max()) {
            errors.add(FieldError.of("suggestedWeeklyHours", FieldErrorCode.WEEKLY_HOURS));
        }
        if (roadmap.phases() == null || roadmap.phases().isEmpty()) {
            errors.add(FieldError.of("phases", FieldErrorCode.PHASES_MISSING));
            return errors;
        }
        Set<String> phaseIds = new HashSet<>();
        Set<String> milestoneIds = new HashSet<>();
        for (int p = 0; p < roadmap.phases().size(); p++) {
            RoadmapDocument.Phase phase = roadmap.phases().get(p);
            String at = "phases[" + p + "]";
            if (phase == null) {
                errors.add(FieldError.of(at, FieldErrorCode.NOT_EMPTY));
                continue;
            }
            if (FieldChecks.slug(errors, at + ".id", phase.id()) && !phaseIds.add(phase.id())) {
                errors.add(FieldError.of(at + ".id", FieldErrorCode.PHASE_ID_TAKEN, Map.of("id", phase.id())));
            }
            FieldChecks.text(errors, at + ".title", phase.title(), 120);
            if (phase.months() != null && (phase.months().from() == null || phase.months().to() == null
                    || phase.months().from() < 0 || phase.months().to() < phase.months().from())) {
                errors.add(FieldError.of(at + ".months", FieldErrorCode.PHASE_MONTHS));
            }
            if (phase.milestones() == null || phase.milestones().isEmpty()) {
                errors.add(FieldError.of(at + ".milestones", FieldErrorCode.MILESTONES_MISSING));
                continue;
            }
            for (int m = 0; m < phase.milestones().size(); m++) {
                milestone(errors, at + ".milestones[" + m + "]", phase.milestones().get(m), milestoneIds);
            }
        }
        RoadmapProfileRules.validate(errors, roadmap);
        MilestoneGraphRules.validate(errors, roadmap);
        TranslationRules.validate(errors, roadmap);
        if (errors.isEmpty()) {
            fitsDuration(errors, roadmap);
        }
        return errors;
    }

    private static void milestone(List<FieldError> errors, String at, RoadmapDocument.Milestone milestone, Set<String> ids) {
        if (milestone == null) {
            errors.add(FieldError.of(at, FieldErrorCode.NOT_EMPTY));
            return;
        }
        if (FieldChecks.slug(errors, at + ".id", milestone.id()) && !ids.add(milestone.id())) {
            errors.add(FieldError.of(at + ".id", FieldErrorCode.MILESTONE_ID_TAKEN, Map.of("id", milestone.id())));
        }
        FieldChecks.text(errors, at + ".title", milestone.title(), 120);
        FieldChecks.text(errors, at + ".description", milestone.description(), 1000);
        FieldChecks.text(errors, at + ".doneWhen", milestone.doneWhen(), 500);
        if (MilestoneKind.parse(milestone.kind()).isEmpty()) {
            errors.add(FieldError.of(at + ".kind", FieldErrorCode.MILESTONE_KIND));
        }
        BigDecimal hours = milestone.hours();
        if (hours == null || hours.signum() <= 0 || hours.compareTo(BigDecimal.valueOf(200)) > 0
                || hours.remainder(HALF).signum() != 0) {
            errors.add(FieldError.of(at + ".hours", FieldErrorCode.MILESTONE_HOURS));
        }
        if (milestone.steps() != null) {
            for (int s = 0; s < milestone.steps().size(); s++) {
                FieldChecks.text(errors, at + ".steps[" + s + "]", milestone.steps().get(s), STEP_MAX);
            }
        }
        if (milestone.resources() != null) {
            for (int r = 0; r < milestone.resources().size(); r++) {
                RoadmapDocument.Resource resource = milestone.resources().get(r);
                String resourceAt = at + ".resources[" + r + "]";
                if (resource == null) {
                    errors.add(FieldError.of(resourceAt, FieldErrorCode.NOT_EMPTY));
                    continue;
                }
                FieldChecks.text(errors, resourceAt + ".title", resource.title(), 200);
                if (resource.url() != null && !isHttpsUrl(resource.url())) {
                    errors.add(FieldError.of(resourceAt + ".url", FieldErrorCode.HTTPS_URL));
                }
                if (resource.url() == null && resource.type() == null) {
                    errors.add(FieldError.of(resourceAt + ".type", FieldErrorCode.RESOURCE_TYPE,
                            Map.of("allowed", String.join(", ", RESOURCE_TYPES.stream().sorted().toList()))));
                }
                FieldChecks.oneOf(errors, resourceAt + ".type", resource.type(), RESOURCE_TYPES);
            }
        }
    }

    private static void fitsDuration(List<FieldError> errors, RoadmapDocument roadmap) {
        double atMinimumPace = roadmap.durationMonths() * WEEKS_PER_MONTH * roadmap.suggestedWeeklyHours().min();
        BigDecimal inPlay = RoadmapHours.hoursInPlay(roadmap);
        if (Math.abs(inPlay.doubleValue() - atMinimumPace) > atMinimumPace * DURATION_TOLERANCE) {
            errors.add(FieldError.of("phases", FieldErrorCode.HOURS_MISFIT_DURATION, Map.of("hours", inPlay.setScale(1, RoundingMode.HALF_UP),
                    "months", roadmap.durationMonths(), "weekly", roadmap.suggestedWeeklyHours().min(), "expected", Math.round(atMinimumPace),
                    "tolerance", Math.round(DURATION_TOLERANCE * 100))));
        }
    }

    private static boolean isHttpsUrl(String url) {
        try {
            URI uri = new URI(url);
            return "https".equals(uri.getScheme()) && uri.getHost() != null;
        } catch (Exception e) {
            return false;
        }
    }
}
