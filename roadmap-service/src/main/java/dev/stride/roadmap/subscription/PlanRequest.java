package dev.stride.roadmap.subscription;

import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;

import java.time.DayOfWeek;
import java.time.LocalTime;
import java.util.List;

/** When a learner can study each week and wants the nudge, as they enter it (subscribe form, plan change). */
public record PlanRequest(
        @NotBlank(message = "must name an IANA time zone, e.g. Europe/Berlin") String timeZone,
        @NotNull(message = "must list at least one study slot") @Size(min = 1, max = 21, message = "must list 1 to 21 study slots")
        List<@NotNull(message = "must not be empty") @Valid Slot> slots,
        @Valid Nudge nudge) {

    public record Slot(
            @NotNull(message = "must be a day of the week") DayOfWeek day,
            @NotNull(message = "must be a time (HH:mm)") LocalTime start,
            @NotNull(message = "must be a number of minutes")
            @Min(value = 15, message = "must be at least 15 minutes")
            @Max(value = 480, message = "must be at most 480 minutes (8 h)") Integer minutes) {
    }

    public record Nudge(
            @NotNull(message = "must be a day of the week") DayOfWeek day,
            @NotNull(message = "must be a time (HH:mm)") LocalTime time) {
    }
}
