package dev.stride.roadmap.web;

import dev.stride.roadmap.catalog.RoadmapDocument;
import dev.stride.roadmap.problem.FieldError;
import dev.stride.roadmap.catalog.RoadmapHours;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * The learner's choices as a form shows them ({@code tags/choiceFields.html}, on the subscribe form and the manage page):
 * one select per "choose one of" group (its member in play selected; "none" offered where every member is optional) and a
 * checkbox per optional milestone, all posted as {@code choices}. {@code error} is the service's problem with them, if any.
 */
public record ChoiceFields(List<Group> groups, List<Option> optional, List<FieldError> error) {

    public record Option(String id, String title, BigDecimal hours, String kind, boolean chosen) {
    }

    /** {@code id}: phase and group, unique in the page; {@code phase}: the phase's title. */
    public record Group(String id, String phase, boolean noneAllowed, List<Option> members) {
    }

    /** Whether the roadmap offers anything to choose. */
    public boolean any() {
        return !groups.isEmpty() || !optional.isEmpty();
    }

    /** The fields of {@code document} (in the page's language) with {@code chosen} (the choices, and milestones done) ticked. */
    public static ChoiceFields of(RoadmapDocument document, Collection<String> chosen, List<FieldError> error) {
        Set<String> inPlay = RoadmapHours.inPlay(document, Set.copyOf(chosen)).stream().map(RoadmapDocument.Milestone::id)
                .collect(Collectors.toSet());
        Map<String, Group> groups = new LinkedHashMap<>();
        List<Option> optional = new ArrayList<>();
        for (RoadmapDocument.Phase phase : document.phases() == null ? List.<RoadmapDocument.Phase>of() : document.phases()) {
            for (RoadmapDocument.Milestone m : phase.milestones() == null ? List.<RoadmapDocument.Milestone>of() : phase.milestones()) {
                Option option = new Option(m.id(), m.title(), m.hours(), m.kind() == null ? null : m.kind().toLowerCase(java.util.Locale.ROOT),
                        inPlay.contains(m.id()));
                if (m.chooseOne() != null) {
                    groups.computeIfAbsent(phase.id() + "-" + m.chooseOne(), id -> new Group(id, phase.title(), true, new ArrayList<>()))
                            .members().add(option);
                } else if (Boolean.TRUE.equals(m.optional())) {
                    optional.add(option);
                }
            }
        }
        List<Group> withNone = groups.values().stream().map(group -> new Group(group.id(), group.phase(),
                group.members().stream().allMatch(member -> optional(document, member.id())), List.copyOf(group.members()))).toList();
        return new ChoiceFields(withNone, List.copyOf(optional), error);
    }

    private static boolean optional(RoadmapDocument document, String milestoneId) {
        return document.milestones().stream().anyMatch(m -> m.id().equals(milestoneId) && Boolean.TRUE.equals(m.optional()));
    }
}
