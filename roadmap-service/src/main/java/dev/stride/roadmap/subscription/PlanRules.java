package dev.stride.roadmap.subscription;

import dev.stride.pacing.NudgeMoment;
import dev.stride.pacing.StudySlot;
import dev.stride.pacing.WeeklyPlan;
import dev.stride.roadmap.problem.FieldError;
import dev.stride.roadmap.problem.FieldErrorCode;
import jakarta.validation.ConstraintViolation;
import jakarta.validation.Validator;

import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * The rules a weekly plan must meet, checked all at once so the learner sees every bad field together:
 * a real IANA zone (not an offset such as GMT+1), 15 min to 8 h per slot, no overlapping slots, at most
 * 40 h a week. Field names are the request's own ({@code plan.slots[1].minutes}).
 */
final class PlanRules {

    private static final Pattern FIXED_OFFSET = Pattern.compile("(?i)^(Etc/)?(GMT|UTC|UT)[+-].*");
    private static final int MAX_WEEKLY_MINUTES = WeeklyPlan.MAX_WEEKLY_MINUTES;

    private PlanRules() {
    }

    /** Bean Validation violations as field errors, prefixed with the request's field names. */
    static <T> List<FieldError> constraintErrors(Validator validator, T request) {
        List<FieldError> errors = new ArrayList<>();
        Set<ConstraintViolation<T>> violations = validator.validate(request);
        for (ConstraintViolation<T> violation : violations) {
            errors.add(FieldError.ofViolation(path(violation), violation));
        }
        return errors;
    }

    static Optional<ZoneId> zone(String zone, String field, List<FieldError> errors) {
        if (zone == null || zone.isBlank()) {
            return Optional.empty();
        }
        if (FIXED_OFFSET.matcher(zone).matches() || !ZoneId.getAvailableZoneIds().contains(zone)) {
            errors.add(FieldError.of(field, FieldErrorCode.TIME_ZONE_NOT_IANA));
            return Optional.empty();
        }
        return Optional.of(ZoneId.of(zone));
    }

    /** The plan, when its fields are all present and every rule holds; otherwise the errors say why. */
    static Optional<WeeklyPlan> plan(PlanRequest request, String prefix, List<FieldError> errors) {
        if (request == null) {
            return Optional.empty();
        }
        Optional<ZoneId> zone = zone(request.timeZone(), prefix + ".timeZone", errors);
        if (request.slots() == null || request.slots().isEmpty() || request.slots().stream().anyMatch(PlanRules::incomplete)) {
            return Optional.empty();
        }
        List<StudySlot> slots = request.slots().stream().map(slot -> new StudySlot(slot.day(), slot.start().withSecond(0).withNano(0), slot.minutes())).toList();
        int before = errors.size();
        overlaps(slots, prefix, errors);
        int total = slots.stream().mapToInt(StudySlot::minutes).sum();
        if (total > MAX_WEEKLY_MINUTES) {
            errors.add(FieldError.of(prefix + ".slots", FieldErrorCode.SLOTS_TOO_LONG, Map.of("hours", total / 60.0, "max", MAX_WEEKLY_MINUTES / 60)));
        }
        NudgeMoment nudge = request.nudge() == null ? NudgeMoment.DEFAULT
                : (request.nudge().day() == null || request.nudge().time() == null ? null : new NudgeMoment(request.nudge().day(), request.nudge().time()));
        if (zone.isEmpty() || nudge == null || errors.size() > before) {
            return Optional.empty();
        }
        return Optional.of(new WeeklyPlan(zone.get(), slots, nudge));
    }

    /** The start date: not before today in the learner's zone; today when not given. */
    static LocalDate startDate(LocalDate requested, LocalDate today, String field, List<FieldError> errors) {
        if (requested == null) {
            return today;
        }
        if (requested.isBefore(today)) {
            errors.add(FieldError.of(field, FieldErrorCode.START_DATE_PAST, Map.of("today", today)));
        } else if (requested.isAfter(today.plusYears(1))) {
            errors.add(FieldError.of(field, FieldErrorCode.WITHIN_A_YEAR));
        }
        return requested;
    }

    private static boolean incomplete(PlanRequest.Slot slot) {
        return slot == null || slot.day() == null || slot.start() == null || slot.minutes() == null
                || slot.minutes() < StudySlot.MIN_MINUTES || slot.minutes() > StudySlot.MAX_MINUTES;
    }

    /** Each slot against the next one in the week (the last against next week's first). */
    private static void overlaps(List<StudySlot> slots, String prefix, List<FieldError> errors) {
        List<Integer> order = new ArrayList<>();
        for (int i = 0; i < slots.size(); i++) {
            order.add(i);
        }
        order.sort(Comparator.comparing((Integer i) -> slots.get(i).day()).thenComparing(i -> slots.get(i).start()));
        for (int k = 0; k < order.size() && order.size() > 1; k++) {
            int index = order.get(k);
            int nextIndex = order.get((k + 1) % order.size());
            StudySlot slot = slots.get(index);
            StudySlot next = slots.get(nextIndex);
            long end = minuteOfWeek(slot.day(), slot.start().toSecondOfDay() / 60) + slot.minutes();
            long nextStart = minuteOfWeek(next.day(), next.start().toSecondOfDay() / 60) + (k + 1 == order.size() ? 7 * 24 * 60 : 0);
            if (end > nextStart) {
                errors.add(FieldError.of(prefix + ".slots[" + nextIndex + "]", FieldErrorCode.SLOT_OVERLAPS, Map.of("day", slot.day(), "time", slot.start())));
            }
        }
    }

    private static long minuteOfWeek(DayOfWeek day, int minuteOfDay) {
        return (day.getValue() - 1) * 24L * 60 + minuteOfDay;
    }

    private static String path(ConstraintViolation<?> violation) {
        StringBuilder field = new StringBuilder();
        for (jakarta.validation.Path.Node node : violation.getPropertyPath()) {
            if (node.getIndex() != null) {
                field.append('[').append(node.getIndex()).append(']');
            }
            String name = node.getName();
            if (name == null || name.startsWith("<")) {
                continue;
            }
            if (!field.isEmpty()) {
                field.append('.');
            }
            field.append(name);
        }
        return field.toString();
    }
}
