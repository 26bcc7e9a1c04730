package dev.stride.roadmap.web;

import dev.stride.roadmap.catalog.RoadmapDocument;
import dev.stride.roadmap.catalog.RoadmapHours;
import io.quarkus.qute.TemplateData;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * What a roadmap's page shows, from a document already in the page's language: who it is for, the work, the outcomes and
 * where to go next, and each phase with its habits, its milestones and "choose one of" groups, what is optional or
 * recommended, and what each milestone comes after.
 */
// The milestone markup is an include (CatalogPages/milestone.html), which Qute does not type-check: these get resolvers explicitly.
@TemplateData(target = RoadmapPage.Item.class)
@TemplateData(target = RoadmapDocument.Milestone.class)
@TemplateData(target = RoadmapDocument.Resource.class)
public record RoadmapPage(String id, String status, String title, String summary, String description, int milestoneCount,
                          BigDecimal hoursInPlay, BigDecimal totalHours, RoadmapDocument.WeeklyHours suggestedWeeklyHours, int durationMonths,
                          String difficulty, List<String> roles, List<String> audience, List<String> outcomes, String dayToDay,
                          String realityCheck, List<RoadmapDocument.Faq> faq, List<Next> next, List<PhaseView> phases) {

    /** A roadmap to go on with, by its title in the page's language. */
    public record Next(String id, String title) {
    }

    public record PhaseView(String id, String title, RoadmapDocument.Months months, String summary, List<RoadmapDocument.Habit> habits,
                            List<Entry> entries) {
    }

    /** One milestone, or a "choose one of" group (its alternatives in the authored order), where the group's first member stands. */
    public record Entry(String chooseOne, List<Item> milestones) {

        public boolean choice() {
            return chooseOne != null;
        }
    }

    /** A milestone with {@code after}: the titles of the milestones it requires. */
    public record Item(RoadmapDocument.Milestone milestone, boolean optional, boolean recommended, List<String> after) {
    }

    /** Some listed hours are optional or alternatives, so the hours as suggested are fewer. */
    public boolean hasChoices() {
        return hoursInPlay.compareTo(totalHours) != 0;
    }

    /** This page's address, ready for {@code lang=} (the language switch). */
    public String switchBase() {
        return "/roadmaps/" + id + "?";
    }

    /** Learners can subscribe: not retired, and not a draft shown to its author. */
    public boolean subscribable() {
        return "PUBLISHED".equals(status);
    }

    public static RoadmapPage of(RoadmapDocument doc, String status, List<Next> next) {
        Map<String, String> titles = new HashMap<>();
        doc.milestones().forEach(m -> titles.put(m.id(), m.title()));
        List<PhaseView> phases = doc.phases() == null ? List.of() : doc.phases().stream()
                .map(phase -> new PhaseView(phase.id(), phase.title(), phase.months(), phase.summary(),
                        phase.habits() == null ? List.of() : phase.habits(), entries(phase, titles)))
                .toList();
        return new RoadmapPage(doc.id(), status, doc.title(), doc.summary(), doc.description(), doc.milestones().size(),
                RoadmapHours.hoursInPlay(doc), doc.totalHours(), doc.suggestedWeeklyHours(), doc.durationMonths() == null ? 0 : doc.durationMonths(),
                doc.difficulty(), orEmpty(doc.roles()), orEmpty(doc.audience()), orEmpty(doc.outcomes()), doc.dayToDay(), doc.realityCheck(),
                orEmpty(doc.faq()), next, phases);
    }

    private static List<Entry> entries(RoadmapDocument.Phase phase, Map<String, String> titles) {
        if (phase.milestones() == null) {
            return List.of();
        }
        Map<String, List<Item>> groups = new LinkedHashMap<>();
        List<Entry> entries = new ArrayList<>();
        for (RoadmapDocument.Milestone m : phase.milestones()) {
            List<String> after = orEmpty(m.requires()).stream().map(id -> titles.getOrDefault(id, id)).filter(Objects::nonNull).toList();
            Item item = new Item(m, Boolean.TRUE.equals(m.optional()), Boolean.TRUE.equals(m.recommended()), after);
            if (m.chooseOne() == null) {
                entries.add(new Entry(null, List.of(item)));
            } else {
                List<Item> members = groups.get(m.chooseOne());
                if (members == null) {
                    members = new ArrayList<>();
                    groups.put(m.chooseOne(), members);
                    entries.add(new Entry(m.chooseOne(), members));
                }
                members.add(item);
            }
        }
        return entries;
    }

    private static <T> List<T> orEmpty(List<T> list) {
        return list == null ? List.of() : list;
    }
}
