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
        @NotBlank(message = "{TIME_ZONE_MISSING}") String timeZone,
        @NotNull(message = "{SLOTS_MISSING}") @Size(min = 1, max = 21, message = "{SLOTS_COUNT}")
        List<@NotNull(message = "{NOT_EMPTY}") @Valid Slot> slots,
        @Valid Nudge nudge) {

    public record Slot(
            @NotNull(message = "{DAY_MISSING}") DayOfWeek day,
            @NotNull(message = "{TIME_MISSING}") LocalTime start,
            @NotNull(message = "{MINUTES_MISSING}")
            @Min(value = 15, message = "{MINUTES_MIN}")
            @Max(value = 480, message = "{MINUTES_MAX}") Integer minutes) {
    }

    public record Nudge(
            @NotNull(message = "{DAY_MISSING}") DayOfWeek day,
            @NotNull(message = "{TIME_MISSING}") LocalTime time) {
    }
}
