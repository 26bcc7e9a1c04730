package dev.stride.roadmap.web;

import dev.stride.pacing.ProgressState;
import dev.stride.roadmap.catalog.RoadmapDocument;
import dev.stride.roadmap.catalog.RoadmapTexts;
import dev.stride.roadmap.subscription.Checklist;

import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * The manage page's checklist ({@code tags/checklistForm.html}): one form for every milestone with one Save, the notice after a
 * save that marked milestones done before what they build on, and once every milestone in play is done or skipped, "what
 * next": the roadmap's {@code next} roadmaps, each with its subscribe link.
 *
 * @param action   where the form posts; null when the subscription cannot change (ended)
 * @param unmet    milestones done while something they require is still open, as the last save left them
 * @param next     the roadmaps to go on with; empty until the roadmap is complete
 * @param complete every milestone in play done or skipped
 */
public record ChecklistSection(String action, List<ManagePage.Item> items, List<Unmet> unmet, List<Next> next, boolean complete) {

    /** A milestone done before the milestones (titles) it builds on. */
    public record Unmet(String title, List<String> requires) {
    }

    /** A roadmap to go on with: its title in the page's language and where to subscribe to it. */
    public record Next(String id, String title, String subscribeUrl) {
    }

    /** The query parameter the form's answer carries the milestones of its notice in (ids, comma-separated). */
    static final String UNMET = "unmet";

    static ChecklistSection of(String action, List<ManagePage.Item> items, RoadmapDocument roadmap, String unmetIds,
                               List<RoadmapPage.Next> next, boolean complete, Locale locale) {
        Map<String, ProgressState> states = new HashMap<>();
        items.forEach(item -> states.put(item.id(), ProgressState.valueOf(item.state())));
        Set<String> asked = unmetIds == null ? Set.of() : Arrays.stream(unmetIds.split(",")).map(String::strip).collect(Collectors.toSet());
        RoadmapDocument texts = RoadmapTexts.in(roadmap, locale);
        Map<String, String> titles = texts.milestones().stream()
                .collect(Collectors.toMap(RoadmapDocument.Milestone::id, RoadmapDocument.Milestone::title, (a, b) -> a));
        // Recomputed from the progress as it stands: a notice never claims more than is still true.
        List<Unmet> unmet = Checklist.unmet(roadmap, states, asked).stream()
                .map(id -> roadmap.milestones().stream().filter(m -> m.id().equals(id)).findFirst().orElseThrow())
                .map(m -> new Unmet(titles.get(m.id()), Checklist.openRequirements(m, states).stream().map(titles::get)
                        .filter(Objects::nonNull).toList()))
                .toList();
        List<Next> suggested = !complete ? List.of() : next.stream()
                .map(n -> new Next(n.id(), n.title(), "/roadmaps/" + n.id() + "?lang=" + locale.getLanguage() + "#subscribe")).toList();
        return new ChecklistSection(action, items, unmet, suggested, complete);
    }
}
