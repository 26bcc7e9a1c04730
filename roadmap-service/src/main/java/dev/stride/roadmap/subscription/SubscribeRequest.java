package dev.stride.roadmap.subscription;

import jakarta.validation.Valid;
import jakarta.validation.constraints.Email;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;

import java.time.LocalDate;
import java.util.List;

/**
 * A learner asks to follow a roadmap. Start date defaults to today in their zone, the nudge to Monday 07:30; optionally the
 * phases they know and their choices.
 */
public record SubscribeRequest(
        @NotBlank(message = "{NOT_BLANK}")
        @Email(regexp = "[^@\\s]+@[^@\\s]+\\.[^@\\s]+", message = "{EMAIL}")
        @Size(max = 254, message = "{MAX_CHARACTERS}") String email,
        @NotBlank(message = "{NOT_BLANK}") @Size(max = 100, message = "{MAX_CHARACTERS}") String name,
        @NotNull(message = "{LANGUAGE}") @Pattern(regexp = "en|de", message = "{LANGUAGE}") String locale,
        @NotBlank(message = "{ROADMAP_MISSING}") String roadmapId,
        LocalDate startDate,
        @NotNull(message = "{PLAN_MISSING}") @Valid PlanRequest plan,
        /* placement: ids of the phases the learner already knows (their milestones start SKIPPED); null or empty: none */
        @Size(max = 50, message = "{KNOWN_PHASES_TOO_MANY}") List<String> knownPhases,
        /* the optional milestones and "choose one of" members the learner chose ({@link Choices}); null or empty: as suggested */
        @Size(max = Choices.MAX, message = "{CHOICES_TOO_MANY}") List<String> choices) {

    public SubscribeRequest(String email, String name, String locale, String roadmapId, LocalDate startDate, PlanRequest plan) {
        this(email, name, locale, roadmapId, startDate, plan, null, null);
    }

    public SubscribeRequest(String email, String name, String locale, String roadmapId, LocalDate startDate, PlanRequest plan,
                            List<String> knownPhases) {
        this(email, name, locale, roadmapId, startDate, plan, knownPhases, null);
    }
}
