package dev.stride.roadmap.web;

import dev.stride.roadmap.problem.FieldError;
import dev.stride.roadmap.subscription.SkippedWeeks;

import java.util.Map;

/**
 * What the manage page's "Weeks off" section shows ({@code tags/weekControls.html}); its forms post to {@code base}.
 * {@code away} is the "away from … to …" form as entered, with each error by its field when it came back refused.
 */
public record WeekControls(String base, SkippedWeeks.Overview weeks, String stopAllUrl, AwayForm away) {

    /** The away form's two dates as typed, and the errors by field ({@code awayFrom}, {@code awayTo}). */
    public record AwayForm(String from, String to, Map<String, FieldError> errors) {

        static final AwayForm BLANK = new AwayForm("", "", Map.of());

        public FieldError error(String field) {
            return errors.get(field);
        }
    }
}
