package dev.stride.roadmap.web;

import dev.stride.roadmap.subscription.SkippedWeeks;

/** What the manage page's "Weeks off" section shows ({@code tags/weekControls.html}); its forms post to {@code base}. */
public record WeekControls(String base, SkippedWeeks.Overview weeks, String stopAllUrl) {
}
