package dev.stride.roadmap.problem;

/**
 * Every field error a learner can meet, by a stable code: its text is the key of the same name in
 * {@code field-errors/field-errors_en.properties} (the API's English message) and {@code ..._de.properties}, with the
 * values the check names ({@code {day}}, {@code {date}}, ...). Bean Validation messages name a code in braces
 * ({@code message = "{NOT_BLANK}"}).
 */
public enum FieldErrorCode {
    // A learner's details (subscribe form, profile, sign-in).
    NOT_BLANK, NOT_EMPTY, EMAIL, MAX_CHARACTERS, LANGUAGE, EMAILS_CHOICE, ROADMAP_MISSING, PLAN_MISSING, KNOWN_PHASES_TOO_MANY,
    // The weekly plan.
    TIME_ZONE_MISSING, TIME_ZONE_NOT_IANA, SLOTS_MISSING, SLOTS_COUNT, SLOTS_NONE, SLOTS_TOO_LONG, SLOT_OVERLAPS, SLOT_CLASHES,
    DAY_MISSING, DAY_CHOOSE, TIME_MISSING, TIME_EXAMPLE, MINUTES_MISSING, MINUTES_MIN, MINUTES_MAX,
    // Dates: start, finish by, away.
    START_DATE_PAST, WITHIN_A_YEAR, DATE_EXAMPLE, DATE_REQUIRED, FINISH_BY_NOT_AFTER_START, FINISH_BY_NOT_AFTER,
    AWAY_FROM_MISSING, AWAY_TO_MISSING, TODAY_OR_LATER, AWAY_TO_BEFORE_FROM, AWAY_TOO_LONG,
    // Placement, progress, logged time, snoozing.
    PHASE_UNKNOWN, PHASE_NEEDS, MILESTONE_UNKNOWN, STATE_ONE_OF, LOGGED_MINUTES, SNOOZE_DAYS,
    // Requests and limits.
    BODY_SUBSCRIPTION, BODY_PLAN, TOO_MANY_REQUESTS
}
