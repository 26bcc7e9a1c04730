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
        @NotBlank(message = "must not be blank")
        @Email(regexp = "[^@\\s]+@[^@\\s]+\\.[^@\\s]+", message = "must be an email address such as ada@example.org")
        @Size(max = 254, message = "must be at most 254 characters") String email,
        @NotBlank(message = "must not be blank") @Size(max = 100, message = "must be at most 100 characters") String name,
        @NotNull(message = "must be en or de") @Pattern(regexp = "en|de", message = "must be en or de") String locale,
        @NotBlank(message = "must name a roadmap") String roadmapId,
        LocalDate startDate,
        @NotNull(message = "must describe the weekly plan") @Valid PlanRequest plan,
        /* placement: ids of the phases the learner already knows (their milestones start SKIPPED); null or empty: none */
        @Size(max = 50, message = "must list at most 50 phases") List<String> knownPhases,
        /* the optional milestones and "choose one of" members the learner chose ({@link Choices}); null or empty: as suggested */
        @Size(max = Choices.MAX, message = "must list at most " + Choices.MAX + " milestones") List<String> choices) {

    public SubscribeRequest(String email, String name, String locale, String roadmapId, LocalDate startDate, PlanRequest plan) {
        this(email, name, locale, roadmapId, startDate, plan, null, null);
    }

    public SubscribeRequest(String email, String name, String locale, String roadmapId, LocalDate startDate, PlanRequest plan,
                            List<String> knownPhases) {
        this(email, name, locale, roadmapId, startDate, plan, knownPhases, null);
    }
}
