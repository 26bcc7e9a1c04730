package dev.stride.roadmap.subscription;

import jakarta.validation.Valid;
import jakarta.validation.constraints.Email;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;

import java.time.LocalDate;

/** A learner asks to follow a roadmap. Start date defaults to today in their zone, the nudge to Monday 07:30. */
public record SubscribeRequest(
        @NotBlank(message = "must not be blank")
        @Email(regexp = "[^@\\s]+@[^@\\s]+\\.[^@\\s]+", message = "must be an email address such as ada@example.org")
        @Size(max = 254, message = "must be at most 254 characters") String email,
        @NotBlank(message = "must not be blank") @Size(max = 100, message = "must be at most 100 characters") String name,
        @NotNull(message = "must be en or de") @Pattern(regexp = "en|de", message = "must be en or de") String locale,
        @NotBlank(message = "must name a roadmap") String roadmapId,
        LocalDate startDate,
        @NotNull(message = "must describe the weekly plan") @Valid PlanRequest plan) {
}
