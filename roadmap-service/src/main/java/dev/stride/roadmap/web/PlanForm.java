package dev.stride.roadmap.web;

import dev.stride.roadmap.problem.FieldError;
import dev.stride.roadmap.problem.FieldErrorCode;
import dev.stride.roadmap.subscription.PlanRequest;

import java.time.DayOfWeek;
import java.time.LocalTime;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Supplier;

/**
 * The weekly-plan fields of a page's form (subscribe, change plan) as the learner entered them: kept as text so the
 * form comes back exactly as typed, with each error next to its field. Field keys follow {@link PlanRequest}
 * ({@code timeZone}, {@code slots[1].minutes}, {@code nudge.time}).
 */
public record PlanForm(String timeZone, List<SlotRow> rows, String nudgeDay, String nudgeTime, Map<String, FieldError> errors) {

    /** A day as the form's lists offer it: sent as {@code MONDAY}, shown as {@code Monday}. */
    public record DayOption(String value, String label) {
    }

    static final List<DayOption> DAYS = java.util.Arrays.stream(DayOfWeek.values())
            .map(day -> new DayOption(day.name(), day.getDisplayName(java.time.format.TextStyle.FULL, java.util.Locale.ENGLISH))).toList();

    /** Every region-based IANA zone (plus UTC), sorted: what the time-zone list offers. */
    static final List<String> ZONES = ZoneId.getAvailableZoneIds().stream()
            .filter(zone -> zone.equals("UTC") || (zone.contains("/") && !zone.startsWith("Etc/") && !zone.startsWith("SystemV/")))
            .sorted().toList();

    private static final int BLANK_ROWS = 2;

    /** One study-slot row as entered, with the errors of its fields (null: none). */
    public record SlotRow(int index, String day, String start, String minutes, List<RowError> error) {
        public int number() {
            return index + 1;
        }
    }

    /** An error of a row: {@code part} is the field within it ({@code day}, {@code start}, {@code minutes}; empty: the slot). */
    public record RowError(String part, FieldError error) {
    }

    /** The form's input as a request, or empty with {@link #errors} saying why. */
    public record Parsed(Optional<PlanRequest> request, PlanForm form) {
    }

    public FieldError error(String field) {
        return errors.get(field);
    }

    public List<DayOption> days() {
        return DAYS;
    }

    public List<String> zones() {
        return ZONES;
    }

    /** False when the entered zone is not one the list offers (GMT+1, a typo): the form then shows it as typed, marked wrong. */
    public boolean knownZone() {
        return ZONES.contains(timeZone);
    }

    public static PlanForm of(PlanRequest plan) {
        List<SlotRow> rows = new ArrayList<>();
        for (PlanRequest.Slot slot : plan.slots()) {
            rows.add(new SlotRow(rows.size(), slot.day().name(), slot.start().toString(), Integer.toString(slot.minutes()), null));
        }
        return new PlanForm(plan.timeZone(), padded(rows), plan.nudge().day().name(), plan.nudge().time().toString(), Map.of());
    }

    /** Rows whose start and length are both blank are unused and dropped; everything else must parse. */
    public static Parsed parse(String timeZone, List<String> days, List<String> starts, List<String> minutes, String nudgeDay, String nudgeTime) {
        List<SlotRow> rows = new ArrayList<>();
        List<PlanRequest.Slot> slots = new ArrayList<>();
        Map<String, FieldError> errors = new LinkedHashMap<>();
        int count = Math.max(size(days), Math.max(size(starts), size(minutes)));
        for (int i = 0; i < count; i++) {
            String day = at(days, i);
            String start = at(starts, i);
            String length = at(minutes, i);
            if (start.isBlank() && length.isBlank()) {
                continue;
            }
            int index = slots.size();
            rows.add(new SlotRow(index, day, start, length, null));
            String at = "slots[" + index + "].";
            slots.add(new PlanRequest.Slot(parse(() -> DayOfWeek.valueOf(day), FieldError.of(at + "day", FieldErrorCode.DAY_CHOOSE), errors),
                    parse(() -> LocalTime.parse(start.strip()), FieldError.of(at + "start", FieldErrorCode.TIME_EXAMPLE, Map.of("example", "18:30")), errors),
                    parse(() -> Integer.valueOf(length.strip()), FieldError.of(at + "minutes", FieldErrorCode.MINUTES_MISSING), errors)));
        }
        if (slots.isEmpty()) {
            errors.put("slots", FieldError.of("slots", FieldErrorCode.SLOTS_NONE));
        }
        PlanRequest.Nudge nudge = new PlanRequest.Nudge(parse(() -> DayOfWeek.valueOf(nudgeDay), FieldError.of("nudge.day", FieldErrorCode.DAY_CHOOSE), errors),
                parse(() -> LocalTime.parse(nudgeTime.strip()), FieldError.of("nudge.time", FieldErrorCode.TIME_EXAMPLE, Map.of("example", "07:30")), errors));
        PlanForm form = new PlanForm(timeZone == null ? "" : timeZone.strip(), rows, nudgeDay, nudgeTime, errors);
        return new Parsed(errors.isEmpty() ? Optional.of(new PlanRequest(form.timeZone(), slots, nudge)) : Optional.empty(), form);
    }

    /** The same input with these errors added (by {@link PlanRequest} field names) and blank rows to add slots. */
    public PlanForm withErrors(Map<String, FieldError> more) {
        Map<String, FieldError> all = new LinkedHashMap<>(errors);
        more.forEach(all::putIfAbsent);
        List<SlotRow> shown = new ArrayList<>();
        for (SlotRow row : rows) {
            shown.add(new SlotRow(row.index(), row.day(), row.start(), row.minutes(), rowError(all, row.index())));
        }
        return new PlanForm(timeZone, padded(shown), nudgeDay, nudgeTime, all);
    }

    private static List<SlotRow> padded(List<SlotRow> rows) {
        List<SlotRow> padded = new ArrayList<>(rows);
        for (int i = 0; i < BLANK_ROWS; i++) {
            padded.add(new SlotRow(padded.size(), "", "", "", null));
        }
        return padded;
    }

    private static List<RowError> rowError(Map<String, FieldError> errors, int index) {
        String prefix = "slots[" + index + "]";
        List<RowError> row = errors.entrySet().stream().filter(e -> e.getKey().startsWith(prefix))
                .map(e -> new RowError(e.getKey().substring(prefix.length()).replaceFirst("^\\.", ""), e.getValue())).toList();
        return row.isEmpty() ? null : row;
    }

    private static int size(List<String> values) {
        return values == null ? 0 : values.size();
    }

    private static String at(List<String> values, int index) {
        return values != null && index < values.size() && values.get(index) != null ? values.get(index) : "";
    }

    private static <T> T parse(Supplier<T> parser, FieldError error, Map<String, FieldError> errors) {
        try {
            return parser.get();
        } catch (RuntimeException e) {
            errors.put(error.field(), error);
            return null;
        }
    }
}
